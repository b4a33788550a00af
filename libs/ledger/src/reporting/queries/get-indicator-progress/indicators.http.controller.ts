import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags, IntersectionType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { INDICATORS, type IndicatorDoc } from '@ledger/projections';
import {
  FindDocumentsQuery,
  GetDocumentQuery,
  GetIndicatorProgressQuery,
  type DocumentPage,
  type IndicatorProgressView,
} from '../../..';
import type { Filter } from '@ledger/read-store';
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
  async list(
    @Query() q: IndicatorsRequest,
  ): Promise<DocumentPage<IndicatorProgressView & { target: unknown }>> {
    const where: Filter = q.section ? { section: q.section } : {};
    const page = await this.queries.execute(
      new FindDocumentsQuery<IndicatorDoc>(INDICATORS, where, [{ field: 'key' }], q.limit ?? 50, q.cursor),
    );
    const items = await Promise.all(
      page.items
        .filter((doc) => doc.definition !== null)
        .map(async (doc) => ({
          ...(await this.queries.execute(new GetIndicatorProgressQuery(doc.key, q.orgUnit, q.asOf, false))),
          target: doc.target,
          targetText: doc.targetText,
          planText: doc.definition?.planText ?? null,
        })),
    );
    return { items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
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
