// Read side of the four-eyes rules: period reports and their approvals, restatements of a figure, double claims.
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  GetReportApprovalQuery,
  GetRestatementQuery,
  ListDoubleClaimsQuery,
  ListReportApprovalsQuery,
  ValidationFailedError,
  type ApprovedReportView,
  type DoubleClaimView,
  type ReportApprovalView,
  type RestatementView,
} from '../..';
import {
  Allow,
  Caller,
  IndicatorKeyPipe,
  PageRequest,
  ReadScope,
  ApiJsonResponse,
  ApiProblems,
} from '../../http';
import {
  hasRole,
  INDICATOR_KEY_PATTERN,
  INDICATOR_KEY_RULE,
  REQUEST_EXAMPLES,
  type Principal,
} from '@ledger/domain';
import {
  DOUBLE_CLAIMS_SCHEMA,
  REPORT_APPROVAL_SCHEMA,
  REPORT_APPROVALS_SCHEMA,
  RESTATEMENT_SCHEMA,
} from './four-eyes.response.schemas';

const ORG_UNIT = /^[A-Z][A-Z0-9-]{1,99}$/;
const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const READERS = ['inspector', 'supervisor', 'officer', 'viewer', 'admin'] as const;

/** A list without cursors: only the page size of PageRequest. */
class ReportApprovalsRequest extends PickType(PageRequest, ['limit'] as const) {
  @ApiPropertyOptional({ example: REQUEST_EXAMPLES.indicatorKey })
  @IsOptional()
  @Matches(INDICATOR_KEY_PATTERN, { message: `indicator must be ${INDICATOR_KEY_RULE}` })
  indicator?: string;

  @ApiPropertyOptional({ example: REQUEST_EXAMPLES.orgUnit })
  @IsOptional()
  @Matches(ORG_UNIT, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({ enum: ['approved', 'changed_since_approval'] })
  @IsOptional()
  @IsIn(['approved', 'changed_since_approval'])
  status?: 'approved' | 'changed_since_approval';
}

class RestatementRequest {
  @ApiProperty({ example: '2026-01-01', description: 'First day (district time) of the window' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (district time) of the window' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ example: REQUEST_EXAMPLES.orgUnit, description: "Defaults to the plan's district" })
  @IsOptional()
  @Matches(ORG_UNIT, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'The figure as of this date (default: today)' })
  @IsOptional()
  @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

class DoubleClaimsRequest {
  @ApiPropertyOptional({ example: REQUEST_EXAMPLES.orgUnit })
  @IsOptional()
  @Matches(ORG_UNIT, { message: 'orgUnit must be an org unit code' })
  orgUnit?: string;
}

@ApiTags('four eyes')
@Controller()
export class FourEyesHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ReadScope,
  ) {}

  @Allow(READERS, 'anyone signed in: figures, event ids, agencies and reasons, never a beneficiary')
  @ApiJsonResponse(REPORT_APPROVALS_SCHEMA)
  @ApiProblems(400, 503)
  @Get('report-approvals')
  @ApiOperation({
    operationId: 'listReportApprovals',
    summary:
      'Approved period reports, newest first, each with its status and the events that changed its figures after approval',
  })
  list(@Query() q: ReportApprovalsRequest): Promise<{ items: ApprovedReportView[] }> {
    return this.queries.execute(
      new ListReportApprovalsQuery({
        indicatorKey: q.indicator,
        orgUnit: q.orgUnit,
        status: q.status,
        limit: q.limit ?? 50,
      }),
    );
  }

  @Allow(READERS, 'anyone signed in: figures, event ids, agencies and reasons, never a beneficiary')
  @ApiJsonResponse(REPORT_APPROVAL_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get('report-approvals/:indicator/:orgUnit/:period')
  @ApiOperation({
    operationId: 'getReportApproval',
    summary:
      'One period report: the figures as they stand (with the digest to approve), its approval status, what changed since, the reports below',
  })
  one(
    @Param('indicator', IndicatorKeyPipe) indicator: string,
    @Param('orgUnit') orgUnit: string,
    @Param('period') period: string,
  ): Promise<ReportApprovalView> {
    if (!ORG_UNIT.test(orgUnit))
      throw new ValidationFailedError([{ field: 'orgUnit', message: 'orgUnit must be an org unit code' }]);
    if (!PERIOD.test(period))
      throw new ValidationFailedError([
        { field: 'period', message: 'period must be like 2026, 2026-Q2 or 2026-05' },
      ]);
    return this.queries.execute(new GetReportApprovalQuery(indicator, orgUnit, period));
  }

  @Allow(
    READERS,
    "anyone signed in: figures, event ids and reasons, never a beneficiary; who recorded each event (officer, agency, stream) only for an officer, supervisor or inspector whose org units cover the figure's",
  )
  @ApiJsonResponse(RESTATEMENT_SCHEMA)
  @ApiProblems(400, 404, 503)
  @Get('indicators/:key/restatement')
  @ApiOperation({
    operationId: 'getRestatement',
    summary:
      'How and why a figure changed between two dates, event by event (new actions, corrections, verifications, disputes)',
  })
  async restatement(
    @Param('key', IndicatorKeyPipe) key: string,
    @Query() q: RestatementRequest,
    @Caller() principal: Principal,
  ): Promise<RestatementView> {
    const view = await this.queries.execute(new GetRestatementQuery(key, q.orgUnit, q.from, q.to, q.asOf));
    // As on the trail: who did what is for those who read events in that org unit; the others see figures.
    const readsEvents =
      hasRole(principal, 'officer', 'supervisor', 'inspector') && this.scope.covers(principal, view.orgUnit);
    if (readsEvents) return view;
    return {
      ...view,
      changes: view.changes.map((change) => {
        const { officer: _officer, agency: _agency, stream: _stream, ...rest } = change;
        return rest as typeof change;
      }),
    };
  }

  @Allow(
    ['inspector', 'supervisor'],
    'reviewers, as the trail: an inspector sees the double claims in their org units; a supervisor those in their org units that their own agency is part of. Lists pseudonymous household references',
  )
  @ApiJsonResponse(DOUBLE_CLAIMS_SCHEMA)
  @ApiProblems(400, 503)
  @Get('reviews/double-claims')
  @ApiOperation({
    operationId: 'listDoubleClaims',
    summary:
      'Houses recorded more than once for the same household (e.g. by two programmes): counted once in the figures, listed for review',
  })
  async doubleClaims(
    @Query() q: DoubleClaimsRequest,
    @Caller() principal: Principal,
  ): Promise<{ items: DoubleClaimView[] }> {
    if (q.orgUnit) this.scope.requireUnit(principal, q.orgUnit, 'the double claims asked for');
    const { items } = await this.queries.execute(new ListDoubleClaimsQuery(q.orgUnit));
    const inspector = hasRole(principal, 'inspector');
    return {
      items: items.filter(
        (item) =>
          this.scope.covers(principal, item.orgUnit) &&
          (inspector || item.agencies.includes(principal.agency)),
      ),
    };
  }
}
