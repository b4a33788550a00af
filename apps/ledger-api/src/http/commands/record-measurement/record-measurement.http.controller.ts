import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { RecordMeasurementCommand } from '@ledger/ledger';
import {
  Allow,
  commandContext,
  CommandResponse,
  type RequestContext,
  respond,
  WriteContext,
} from '@ledger/ledger/http';
import { RecordMeasurementRequest } from './record-measurement.request.dto';

@ApiTags('measurements')
@Allow(
  ['officer', 'supervisor'],
  'records only the actions its agency carries out (seeds/recording-rights.json), in its own org units',
)
@Controller('measurements')
export class RecordMeasurementHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({
    summary:
      'Record a survey or statistical figure for a rate indicator (once per indicator, org unit and period; ' +
      'a revised figure is an amendment)',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  async record(
    @Body() body: RecordMeasurementRequest,
    @WriteContext() request: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponse> {
    const context = commandContext(request, body);
    const measurementId = body.measurementId ?? context.eventId ?? randomUUID();
    const result = await this.commands.execute(
      new RecordMeasurementCommand(
        {
          measurementId,
          indicatorKey: body.indicatorKey,
          orgUnit: body.orgUnit,
          period: body.period,
          value: body.value,
          numerator: body.numerator,
          denominator: body.denominator,
          method: body.method,
          source: body.source,
          occurredAt: body.occurredAt,
        },
        context,
      ),
    );
    return respond(response, result);
  }
}
