import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GetHealthQuery, type HealthReport } from '../../..';
import { Public } from '../../../http';

@ApiTags('operations')
@Controller('health')
export class HealthHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('store reachability and projection lag, no data')
  @Get()
  @ApiOperation({ summary: 'Whether the stores are reachable (503 when not) and how far projections lag' })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.queries.execute(new GetHealthQuery());
    if (report.status === 'unavailable') response.status(503);
    return report;
  }
}
