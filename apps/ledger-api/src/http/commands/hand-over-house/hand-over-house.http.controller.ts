import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HandOverHouseCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { HandOverHouseRequest } from './hand-over-house.request.dto';

@ApiTags('housing')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('housing-cases')
export class HandOverHouseHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/handovers')
  @ApiOperation({ summary: 'Record the house handed over to the household' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: HandOverHouseRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new HandOverHouseCommand({ caseId, occurredAt: body.occurredAt }, context),
    );
    return respond(response, result);
  }
}
