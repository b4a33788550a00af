import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RecordRemainsRecoveryCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordRemainsRecoveryRequest } from './record-remains-recovery.request.dto';

@ApiTags('martyrs-remains')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('remains-cases')
export class RecordRemainsRecoveryHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/recoveries')
  @ApiOperation({ summary: 'Record remains recovered' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: RecordRemainsRecoveryRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new RecordRemainsRecoveryCommand(
        { caseId, setsOfRemains: body.setsOfRemains, occurredAt: body.occurredAt },
        context,
      ),
    );
    return respond(response, result);
  }
}
