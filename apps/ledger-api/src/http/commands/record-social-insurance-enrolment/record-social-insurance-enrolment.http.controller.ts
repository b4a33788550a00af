import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordSocialInsuranceEnrolmentCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordSocialInsuranceEnrolmentRequest } from './record-social-insurance-enrolment.request.dto';

@ApiTags('insurance')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('social-insurance-enrolments')
export class RecordSocialInsuranceEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a social insurance enrolment for a year (once per beneficiary and year)' })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordSocialInsuranceEnrolmentRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const enrolmentId = body.enrolmentId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordSocialInsuranceEnrolmentCommand(
        {
          enrolmentId,
          beneficiaryCitizenId: body.beneficiaryCitizenId,
          commune: body.commune,
          kind: body.kind,
          year: body.year,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
