import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdentifyRemainsCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { IdentifyRemainsRequest } from './identify-remains.request.dto';

@ApiTags('martyrs-remains')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('remains-cases')
export class IdentifyRemainsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/identifications')
  @ApiOperation({ summary: 'Record recovered remains identified' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: IdentifyRemainsRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new IdentifyRemainsCommand(
        { caseId, method: body.method, martyrRecordRef: body.martyrRecordRef, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
