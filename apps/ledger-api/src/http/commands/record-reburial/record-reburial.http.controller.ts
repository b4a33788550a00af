import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RecordReburialCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  UuidParamPipe,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordReburialRequest } from './record-reburial.request.dto';

@ApiTags('martyrs-remains')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('remains-cases')
export class RecordReburialHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reburials')
  @ApiOperation({ summary: 'Record remains reburied in a cemetery' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Param('id', UuidParamPipe) caseId: string,
    @Body() body: RecordReburialRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const result = await this.commands.execute(
      new RecordReburialCommand({ caseId, cemetery: body.cemetery, occurredAt: body.occurredAt }, context),
    );
    return respond(response, result);
  }
}
