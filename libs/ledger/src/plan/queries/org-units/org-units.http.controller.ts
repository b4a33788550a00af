import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ORG_UNITS } from '@ledger/projections';
import { FindDocumentsQuery, GetDocumentQuery, type DocumentPage } from '../../..';
import type { Filter } from '@ledger/read-store';
import { CodeParamPipe, PageRequest, Public, ApiJsonResponse, ApiProblems } from '../../../http';
import { ORG_UNIT_PAGE_SCHEMA, ORG_UNIT_SCHEMA } from '../../plan.response.schemas';

class OrgUnitsRequest extends PageRequest {
  @ApiPropertyOptional({ example: 'commune', description: 'province, district or commune' })
  @IsOptional()
  @Matches(/^[a-z_]{2,30}$/)
  level?: string;

  @ApiPropertyOptional({ example: 'NT-BAC-AI', description: 'only the units directly under this one' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/)
  parent?: string;
}

/** Public: the plan's geography, with the 2025 reorganisation as dated changes. */
@ApiTags('plan')
@Controller('org-units')
export class OrgUnitsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Public("the plan's org units are public")
  @ApiJsonResponse(ORG_UNIT_PAGE_SCHEMA)
  @ApiProblems(400, 503)
  @Get()
  @ApiOperation({
    summary: 'Org units of the plan (province, district, communes; old and new boundaries)',
    operationId: 'listOrgUnits',
  })
  list(@Query() q: OrgUnitsRequest): Promise<DocumentPage> {
    const where: Filter = {
      ...(q.level ? { level: q.level } : {}),
      ...(q.parent ? { parent: q.parent } : {}),
    };
    return this.queries.execute(
      new FindDocumentsQuery(ORG_UNITS, where, [{ field: 'code' }], q.limit ?? 50, q.cursor),
    );
  }

  @Public("the plan's org units are public")
  @ApiJsonResponse(ORG_UNIT_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get(':code')
  @ApiOperation({
    summary: 'One org unit with its validity dates, parent and crosswalk',
    operationId: 'getOrgUnit',
  })
  get(@Param('code', CodeParamPipe) code: string): Promise<Record<string, unknown>> {
    return this.queries.execute(new GetDocumentQuery(ORG_UNITS, code, 'ORG_UNIT_NOT_FOUND', 'org unit'));
  }
}
