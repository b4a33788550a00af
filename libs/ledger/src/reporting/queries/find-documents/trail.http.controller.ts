import { Controller, Get, Inject, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { TrailDoc } from '@ledger/projections';
import { FindTrailQuery, PSEUDONYMIZER, referenceOf, type DocumentPage, type Pseudonymizer } from '../../..';
import type { Filter } from '@ledger/read-store';
import {
  Allow,
  Caller,
  PageRequest,
  ReadScope,
  RecordedReads,
  ApiJsonResponse,
  ApiProblems,
} from '../../../http';
import type { Principal } from '@ledger/domain';
import { TRAIL_PAGE_SCHEMA } from '../../reporting.response.schemas';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BENEFICIARY = /^([a-z]-[0-9a-f]{16,64}|\d{12})$/;

class TrailRequest extends PageRequest {
  @ApiPropertyOptional({ description: 'Officer id' })
  @IsOptional()
  @Matches(CODE, { message: 'actor must be an officer id' })
  actor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, { message: 'agency must be an agency code' })
  agency?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({ example: 'HousingConstructionCompleted' })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z]{2,80}$/, { message: 'type must be an event type' })
  type?: string;

  @ApiPropertyOptional({
    description:
      'The person or household: a pseudonymous reference (b-...), or a citizen id (CCCD, 12 digits) that the ' +
      'server turns into its reference (never stored nor logged)',
  })
  @IsOptional()
  @Matches(BENEFICIARY, { message: 'beneficiary must be a pseudonymous reference or a 12-digit citizen id' })
  beneficiary?: string;

  @ApiPropertyOptional({
    description:
      "Why you search one person's events (10-500 characters): needed with `beneficiary`, kept on the record",
  })
  @IsOptional()
  @IsString({ message: 'reason must be a text' })
  reason?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'occurred on or after this day' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'occurred on or before this day' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

/** Inspection: every event by actor, agency, org unit, beneficiary, type and time; newest first. */
@ApiTags('inspection')
@Controller('trail')
export class TrailHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReadScope,
    private readonly reads: RecordedReads,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  @Allow(
    ['inspector'],
    "an inspector searches the trail of the org units in their scope; a search for one person's events wants a reason and is recorded",
  )
  @ApiJsonResponse(TRAIL_PAGE_SCHEMA)
  @ApiProblems(400, 503)
  @Get()
  @ApiOperation({
    summary: 'Search the inspection trail; each entry shows what it changed and its corrections',
    operationId: 'listTrail',
  })
  async search(@Query() q: TrailRequest, @Caller() principal: Principal): Promise<DocumentPage<TrailDoc>> {
    const where: Record<string, Filter[string]> = {};
    if (q.orgUnit) this.scope.requireUnit(principal, q.orgUnit, 'the trail asked for');
    // One person's events (named by reference or citizen id): on the record, under the reference, before
    // they leave the ledger.
    const person = q.beneficiary ? referenceOf(q.beneficiary, this.pseudonyms) : undefined;
    if (person) await this.reads.record(principal, person, q.reason);
    const units = this.scope.unitsFor(principal);
    if (units && !q.orgUnit) where.orgUnit = { in: units };
    if (q.actor) where.officer = q.actor;
    if (q.agency) where.agency = q.agency;
    if (q.orgUnit) where.orgUnit = q.orgUnit;
    if (q.type) where.type = q.type;
    if (person) where.subjectRef = person;
    if (q.from || q.to)
      where.occurredOn = { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) };
    return this.queries.execute(new FindTrailQuery(where, q.limit ?? 50, q.cursor));
  }
}
