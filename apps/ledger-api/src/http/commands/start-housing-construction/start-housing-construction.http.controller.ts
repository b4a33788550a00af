import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StartHousingConstructionCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { StartHousingConstructionRequest } from './start-housing-construction.request.dto';

@ApiTags('housing')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('housing-cases')
export class StartHousingConstructionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/construction-starts')
  @ApiOperation({ summary: 'Record that construction of the house started' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: StartHousingConstructionRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new StartHousingConstructionCommand({ caseId, occurredAt: body.occurredAt }, context),
    );
    return respond(response, result);
  }
}
