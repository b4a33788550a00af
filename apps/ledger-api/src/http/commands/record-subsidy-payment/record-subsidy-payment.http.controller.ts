import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordSubsidyPaymentCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordSubsidyPaymentRequest } from './record-subsidy-payment.request.dto';

@ApiTags('subsidies')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('subsidy-payments')
export class RecordSubsidyPaymentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record a subsidy paid to a beneficiary for a period (once per programme and period)',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordSubsidyPaymentRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const paymentId = body.paymentId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordSubsidyPaymentCommand(
        {
          paymentId,
          programme: body.programme,
          beneficiaryCitizenId: body.beneficiaryCitizenId,
          period: body.period,
          amountVnd: body.amountVnd,
          method: body.method,
          commune: body.commune,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
