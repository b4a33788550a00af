import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordUnemploymentInsuranceEnrolmentCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordUnemploymentInsuranceEnrolmentRequest } from './record-unemployment-insurance-enrolment.request.dto';

@ApiTags('insurance')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('unemployment-insurance-enrolments')
export class RecordUnemploymentInsuranceEnrolmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary: 'Record an unemployment insurance enrolment for a year (once per beneficiary and year)',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordUnemploymentInsuranceEnrolmentRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const enrolmentId = body.enrolmentId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordUnemploymentInsuranceEnrolmentCommand(
        {
          enrolmentId,
          beneficiaryCitizenId: body.beneficiaryCitizenId,
          commune: body.commune,
          year: body.year,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
