import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetSummaryQuery, type Summary } from '../../..';
import { OrgUnitAsOfRequest, Public, ApiJsonResponse, ApiProblems } from '../../../http';
import { SUMMARY_SCHEMA } from '../../reporting.response.schemas';

/** Public: counts of indicators by status, per section of the plan, and those needing attention. */
@ApiTags('indicators')
@Controller('summary')
export class SummaryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('aggregate figures only')
  @ApiJsonResponse(SUMMARY_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get()
  @ApiOperation({
    summary: 'The district (or an org unit) at a glance: indicators by status, per plan section',
    operationId: 'getSummary',
  })
  get(@Query() q: OrgUnitAsOfRequest): Promise<Summary> {
    return this.queries.execute(new GetSummaryQuery(q.orgUnit, q.asOf));
  }
}
