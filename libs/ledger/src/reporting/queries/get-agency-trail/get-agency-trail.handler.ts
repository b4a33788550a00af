import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  AGENCIES,
  AGENCY_TRAIL_DOCS,
  INDICATORS,
  type AgencyDoc,
  type AgencyTrailDoc,
  type IndicatorDoc,
} from '@ledger/projections';
import { todayInLedgerZone } from '@ledger/domain';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { allDocuments } from '../../../read/all-documents';
import { KeptWhileProjectionsRest } from '../../../read/kept-while-projections-rest';
import type { ProjectionsHandle } from '../../../read/projections-handle';
import { PROJECTION_RUNNER } from '../../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import { countOpenSteps, openStepsPage } from '../get-open-case-steps/open-case-steps';
import { GetAgencyTrailQuery, OPEN_STEPS_LISTED, type AgencyTrailView } from './get-agency-trail.query';

/** Agency trails kept (per agency and day) while no projection moves. */
const MAX_KEPT = 64;

@QueryHandler(GetAgencyTrailQuery)
export class GetAgencyTrailHandler implements IQueryHandler<GetAgencyTrailQuery> {
  /**
   * An agency's trail is read from projection documents only: it is kept, per agency and day, while no
   * projection moves, so that inspectors refreshing it at rest do not count its open steps again (a count
   * takes time in proportion to how many steps are open).
   */
  private readonly kept: KeptWhileProjectionsRest<AgencyTrailView>;

  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_RUNNER) runner: ProjectionsHandle,
  ) {
    this.kept = new KeptWhileProjectionsRest(store, runner, MAX_KEPT);
  }

  async execute({ agency, asOf }: GetAgencyTrailQuery): Promise<AgencyTrailView> {
    const day = asOf ?? todayInLedgerZone();
    return this.kept.get(`${agency}|${day}`, () => this.compute(agency, day));
  }

  private async compute(agency: string, day: string): Promise<AgencyTrailView> {
    const [registered, trail] = await Promise.all([
      this.store.get<AgencyDoc>(AGENCIES, agency),
      this.store.get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, agency),
    ]);
    if (!registered && !trail) throw new ResourceNotFoundError('AGENCY_NOT_FOUND', `no agency ${agency}`);
    // Steps it recorded last, and steps it answers for by succession (the 2025 reorganisation moved duties):
    // counted from its running count, and only the OPEN_STEPS_LISTED soonest due listed (the rest, paged:
    // GetOpenCaseStepsQuery), so that the answer stays small and quick however many cases are open.
    const [counts, dated, pastDue] = await Promise.all([
      countOpenSteps(this.store, agency, day),
      openStepsPage(this.store, { agency, dated: true }, OPEN_STEPS_LISTED),
      openStepsPage(this.store, { agency, dueBefore: day }, OPEN_STEPS_LISTED),
    ]);
    // Soonest due first, those without a due date last (as before the list was bounded).
    const { total: openStepsTotal, dueBefore: pastDueTotal } = counts;
    const openSteps =
      dated.items.length < OPEN_STEPS_LISTED && openStepsTotal > dated.items.length
        ? [
            ...dated.items,
            ...(
              await openStepsPage(
                this.store,
                { agency, dated: false },
                OPEN_STEPS_LISTED - dated.items.length,
              )
            ).items,
          ]
        : dated.items;
    const led = await allDocuments<IndicatorDoc>(this.store, INDICATORS, { lead: agency }, [
      { field: 'key' },
    ]);
    const indicators = await Promise.all(
      led
        .filter((doc) => doc.definition !== null)
        .map((doc) => this.queries.execute(new GetIndicatorProgressQuery(doc.key, undefined, day, false))),
    );
    const inheritedIndicators = [];
    for (const succession of registered?.successionsIn ?? []) {
      if (succession.effectiveFrom > day || !registered?.orgUnit) continue;
      const theirs = await allDocuments<IndicatorDoc>(
        this.store,
        INDICATORS,
        { lead: succession.predecessor },
        [{ field: 'key' }],
      );
      for (const doc of theirs.filter((d) => d.definition !== null)) {
        inheritedIndicators.push({
          from: succession.predecessor,
          effectiveFrom: succession.effectiveFrom,
          orgUnits: succession.orgUnits,
          progress: await this.queries.execute(
            new GetIndicatorProgressQuery(doc.key, registered.orgUnit, day, false),
          ),
        });
      }
    }
    return {
      agency,
      asOf: day,
      trail,
      openSteps,
      openStepsTotal,
      pastDue: pastDue.items,
      pastDueTotal,
      indicators,
      inheritedIndicators,
    };
  }
}
