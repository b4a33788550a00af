import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordPolicyLoanDisbursementCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordPolicyLoanDisbursementRequest } from './record-policy-loan-disbursement.request.dto';

@ApiTags('policy-credit')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('policy-loans')
export class RecordPolicyLoanDisbursementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a policy loan disbursed to a borrower (once per loan)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordPolicyLoanDisbursementRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const loanId = body.loanId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordPolicyLoanDisbursementCommand(
        {
          loanId,
          borrowerCitizenId: body.borrowerCitizenId,
          commune: body.commune,
          programme: body.programme,
          amountVnd: body.amountVnd,
          termMonths: body.termMonths,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
