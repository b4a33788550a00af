import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENCIES } from '@ledger/projections';
import type { Filter } from '@ledger/read-store';
import { FindDocumentsQuery, GetDocumentQuery, type DocumentPage } from '../../..';
import { CodeParamPipe, PageRequest, Public, ApiJsonResponse, ApiProblems } from '../../../http';
import { AGENCY_PAGE_SCHEMA, AGENCY_SCHEMA } from '../../plan.response.schemas';

class AgenciesRequest extends PageRequest {
  @ApiPropertyOptional({ example: 'NT-BAC-AI', description: 'agencies of this org unit' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/)
  orgUnit?: string;
}

/** Public: the agencies that carry out the plan, with succession. */
@ApiTags('plan')
@Controller('agencies')
export class AgenciesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public("the plan's agencies are public")
  @ApiJsonResponse(AGENCY_PAGE_SCHEMA)
  @ApiProblems(400, 503)
  @Get()
  @ApiOperation({
    summary: 'Agencies that carry out the plan, with the successions of their duties',
    operationId: 'listAgencies',
  })
  list(@Query() q: AgenciesRequest): Promise<DocumentPage> {
    const where: Filter = q.orgUnit ? { orgUnit: q.orgUnit } : {};
    return this.queries.execute(
      new FindDocumentsQuery(AGENCIES, where, [{ field: 'code' }], q.limit ?? 50, q.cursor),
    );
  }

  @Public("the plan's agencies are public")
  @ApiJsonResponse(AGENCY_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get(':code')
  @ApiOperation({ summary: 'One agency', operationId: 'getAgency' })
  get(@Param('code', CodeParamPipe) code: string): Promise<Record<string, unknown>> {
    return this.queries.execute(new GetDocumentQuery(AGENCIES, code, 'AGENCY_NOT_FOUND', 'agency'));
  }
}
