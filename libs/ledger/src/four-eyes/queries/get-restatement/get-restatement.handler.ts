// The figure at a date of the past is the figure now less what was recorded after that date: both come from
// figure-changes entries (recordedAt after `from`), never from events. The value part is restated (counts and
// sums); the entries carry numerators, denominators and measurements for the other kinds.
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { addDays, invalid, localDate, type PlanModel, startOfLocalDay, todayInLedgerZone } from '@ledger/domain';
import {
  FIGURE_CHANGES,
  figureChangesIn,
  INDICATORS,
  unitsCountingIn,
  type FigureChangeDoc,
  type IndicatorDoc,
} from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { FigureReader } from '../../figure-reader';
import { allDocuments } from '../../../read/all-documents';
import { PLAN_MODEL } from '../../../read/projections.providers';
import { GetRestatementQuery, type RestatementView } from './get-restatement.query';

@QueryHandler(GetRestatementQuery)
export class GetRestatementHandler implements IQueryHandler<GetRestatementQuery> {
  constructor(
    private readonly figures: FigureReader,
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_MODEL) private readonly plan: PlanModel,
  ) {}

  async execute(query: GetRestatementQuery): Promise<RestatementView> {
    const indicator = await this.store.get<IndicatorDoc>(INDICATORS, query.indicatorKey);
    if (!indicator?.definition)
      throw new ResourceNotFoundError(
        'INDICATOR_NOT_FOUND',
        `no indicator ${query.indicatorKey} in the plan`,
      );
    const from = localDate(query.from);
    const to = localDate(query.to);
    if (!from) throw invalid('DATE_INVALID', 'from', 'from must be an ISO 8601 date');
    if (!to) throw invalid('DATE_INVALID', 'to', 'to must be an ISO 8601 date');
    if (to < from) throw invalid('DATE_RANGE_INVALID', 'to', 'to must not be before from');
    const orgUnit = query.orgUnit ?? this.plan.planOrgUnit;
    const asOf = localDate(query.asOf) ?? todayInLedgerZone();
    const month = asOf.slice(0, 7);
    // recordedAt is UTC; the dates are whole days in the district's time (UTC+7).
    const startUtc = startOfLocalDay(from);
    const endUtc = startOfLocalDay(addDays(to, 1));
    const after = figureChangesIn(
      await allDocuments<FigureChangeDoc>(
        this.store,
        FIGURE_CHANGES,
        {
          indicatorKey: indicator.key,
          orgUnit: { in: unitsCountingIn(this.plan, orgUnit) },
          recordedAt: { gte: startUtc },
        },
        [{ field: 'recordedAt' }],
      ),
      orgUnit,
    );
    const relevant = after.filter((c) => c.month <= month).sort((a, b) => a.position - b.position);
    const [claimedNow, verifiedNow] = await Promise.all(
      (['claimed', 'verified'] as const).map(async (side) =>
        (await this.figures.months(side, indicator.key, orgUnit, month)).reduce(
          (s, d) => s + d.sums.value,
          0,
        ),
      ),
    );
    const sumOf = (entries: FigureChangeDoc[], side: 'claimed' | 'verified') =>
      entries.reduce((s, c) => s + c[side].value, 0);
    const afterTo = relevant.filter((c) => c.recordedAt >= endUtc);
    const changes = relevant.filter((c) => c.recordedAt < endUtc);
    const round = (n: number) => Number(n.toPrecision(15));
    return {
      indicatorKey: indicator.key,
      orgUnit,
      asOf,
      from,
      to,
      figures: {
        claimed: {
          atFrom: round(claimedNow - sumOf(relevant, 'claimed')),
          atTo: round(claimedNow - sumOf(afterTo, 'claimed')),
          now: round(claimedNow),
        },
        verified: {
          atFrom: round(verifiedNow - sumOf(relevant, 'verified')),
          atTo: round(verifiedNow - sumOf(afterTo, 'verified')),
          now: round(verifiedNow),
        },
      },
      changes,
    };
  }
}
