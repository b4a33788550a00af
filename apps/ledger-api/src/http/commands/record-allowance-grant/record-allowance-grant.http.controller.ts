import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordAllowanceGrantCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordAllowanceGrantRequest } from './record-allowance-grant.request.dto';

@ApiTags('allowances')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('allowance-grants')
export class RecordAllowanceGrantHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a monthly allowance granted to a beneficiary (once per programme while the grant stands)',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordAllowanceGrantRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const grantId = body.grantId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordAllowanceGrantCommand(
        {
          grantId,
          beneficiaryCitizenId: body.beneficiaryCitizenId,
          programme: body.programme,
          monthlyAmountVnd: body.monthlyAmountVnd,
          commune: body.commune,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
