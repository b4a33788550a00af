import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordHealthInsuranceEnrolmentCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordHealthInsuranceEnrolmentRequest } from './record-health-insurance-enrolment.request.dto';

@ApiTags('insurance')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('health-insurance-enrolments')
export class RecordHealthInsuranceEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a health insurance enrolment for a year (once per beneficiary and year)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordHealthInsuranceEnrolmentRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const enrolmentId = body.enrolmentId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordHealthInsuranceEnrolmentCommand(
        {
          enrolmentId,
          beneficiaryCitizenId: body.beneficiaryCitizenId,
          commune: body.commune,
          scheme: body.scheme,
          year: body.year,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
