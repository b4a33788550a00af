import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GetHealthQuery, type HealthReport } from '../../..';
import { OwnRateBucket, Public } from '../../../http';
import { GetReadinessQuery, type Readiness } from '../get-readiness/get-readiness.query';

@ApiTags('operations')
@Controller('health')
export class HealthHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('store reachability and projection lag, no data')
  @OwnRateBucket('health')
  @Get()
  @ApiOperation({ summary: 'Whether the stores are reachable (503 when not) and how far projections lag' })
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
  })
  @ApiOkResponse({ description: '{ "status": "live" }' })
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Public('readiness, no data')
  @OwnRateBucket('health')
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: both stores answer and every projection is within LEDGER_READY_MAX_LAG events of the log',
  })
  @ApiOkResponse({ description: 'ready: the stores, each projection and its lag' })
  @ApiServiceUnavailableResponse({
    description: 'not ready: application/problem+json, code NOT_READY, `notReady` naming each part',
  })
  ready(): Promise<Readiness> {
    return this.queries.execute(new GetReadinessQuery());
  }
}
