import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags, IntersectionType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { INDICATORS } from '@ledger/projections';
import {
  GetDocumentQuery,
  GetIndicatorProgressQuery,
  type DocumentPage,
  type IndicatorProgressView,
} from '../../..';
import { ListIndicatorsQuery, type IndicatorListItem } from '../list-indicators/list-indicators.query';
import {
  IndicatorKeyPipe,
  OrgUnitAsOfRequest,
  PageRequest,
  Public,
  ApiJsonResponse,
  ApiProblems,
} from '../../../http';
import {
  INDICATOR_DEFINITION_SCHEMA,
  INDICATOR_LIST_SCHEMA,
  INDICATOR_PROGRESS_SCHEMA,
} from '../../reporting.response.schemas';

class IndicatorsRequest extends IntersectionType(PageRequest, OrgUnitAsOfRequest) {
  @ApiPropertyOptional({ example: 'II.2', description: 'Only indicators of this section of the plan' })
  @IsOptional()
  @Matches(/^[IVX]+(\.\d+)*$/, { message: 'section must be like II.2' })
  section?: string;
}

/** Public: aggregates only (figures per org unit), never an event, an actor or a beneficiary. */
@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public('aggregate figures only')
  @ApiJsonResponse(INDICATOR_LIST_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get()
  @ApiOperation({
    summary: 'Every indicator of the plan with its target, current figure and status',
    operationId: 'listIndicators',
  })
  list(@Query() q: IndicatorsRequest): Promise<DocumentPage<IndicatorListItem>> {
    return this.queries.execute(
      new ListIndicatorsQuery(q.section, q.orgUnit, q.asOf, q.limit ?? 50, q.cursor),
    );
  }

  @Public('aggregate figures only')
  @ApiJsonResponse(INDICATOR_PROGRESS_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get(':key')
  @ApiOperation({
    summary: "One indicator's figure, target, forecast and status, with its monthly series",
    operationId: 'getIndicator',
  })
  get(
    @Param('key', IndicatorKeyPipe) key: string,
    @Query() q: OrgUnitAsOfRequest,
  ): Promise<IndicatorProgressView> {
    return this.queries.execute(new GetIndicatorProgressQuery(key, q.orgUnit, q.asOf, true));
  }

  @Public("the plan's definitions are public")
  @ApiJsonResponse(INDICATOR_DEFINITION_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get(':key/definition')
  @ApiOperation({
    summary: "The indicator's definition (every version), target history and responsibility",
    operationId: 'getIndicatorDefinition',
  })
  definition(@Param('key', IndicatorKeyPipe) key: string): Promise<Record<string, unknown>> {
    return this.queries.execute(new GetDocumentQuery(INDICATORS, key, 'INDICATOR_NOT_FOUND', 'indicator'));
  }
}
