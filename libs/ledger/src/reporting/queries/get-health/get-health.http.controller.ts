import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GetHealthQuery, type HealthReport } from '../../..';
import { ApiJsonResponse, OwnRateBucket, Public } from '../../../http';
import { GetReadinessQuery, type Readiness } from '../get-readiness/get-readiness.query';
import { HEALTH_SCHEMA, LIVENESS_SCHEMA, READINESS_SCHEMA } from '../../reporting.response.schemas';

@ApiTags('operations')
@Controller('health')
export class HealthHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('store reachability and projection lag, no data')
  @OwnRateBucket('health')
  @ApiJsonResponse(HEALTH_SCHEMA, {
    description: 'Both stores answer (status ok, or degraded when a projection failed)',
  })
  @ApiJsonResponse(HEALTH_SCHEMA, {
    status: 503,
    description: 'A store does not answer: the same report, status unavailable',
  })
  @Get()
  @ApiOperation({
    summary: 'Whether the stores are reachable (503 when not) and how far projections lag',
    operationId: 'getHealth',
  })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.queries.execute(new GetHealthQuery());
    if (report.status === 'unavailable') response.status(503);
    return report;
  }

  @Public('liveness, no data')
  @OwnRateBucket('health')
  @Get('live')
  @ApiOperation({
    summary: 'Liveness: the process answers HTTP (asks no store); restart the instance when it does not',
    operationId: 'checkLiveness',
  })
  @ApiJsonResponse(LIVENESS_SCHEMA, { description: 'The process answers' })
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Public('readiness, no data')
  @OwnRateBucket('health')
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: both stores answer and every projection is within LEDGER_READY_MAX_LAG events of the log',
    operationId: 'checkReadiness',
  })
  @ApiJsonResponse(READINESS_SCHEMA, { description: 'ready: the stores, each projection and its lag' })
  @ApiServiceUnavailableResponse({
    description: 'not ready: application/problem+json, code NOT_READY, `notReady` naming each part',
  })
  ready(): Promise<Readiness> {
    return this.queries.execute(new GetReadinessQuery());
  }
}
