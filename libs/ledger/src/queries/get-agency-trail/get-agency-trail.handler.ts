import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  AGENCIES,
  AGENCY_TRAIL_DOCS,
  INDICATORS,
  OPEN_CASE_STEPS,
  type AgencyDoc,
  type AgencyTrailDoc,
  type IndicatorDoc,
  type OpenCaseStepDoc,
} from '@ledger/domain';
import { READ_STORE, type ReadStore } from '@ledger/read-store';
import { ResourceNotFoundError } from '../../errors/ledger-errors';
import { allDocuments } from '../../read/all-documents';
import { GetIndicatorProgressQuery } from '../get-indicator-progress/get-indicator-progress.query';
import { GetAgencyTrailQuery, type AgencyTrailView } from './get-agency-trail.query';

@QueryHandler(GetAgencyTrailQuery)
export class GetAgencyTrailHandler implements IQueryHandler<GetAgencyTrailQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly queries: QueryBus,
  ) {}

  async execute({ agency, asOf }: GetAgencyTrailQuery): Promise<AgencyTrailView> {
    const [registered, trail] = await Promise.all([
      this.store.get<AgencyDoc>(AGENCIES, agency),
      this.store.get<AgencyTrailDoc>(AGENCY_TRAIL_DOCS, agency),
    ]);
    if (!registered && !trail) throw new ResourceNotFoundError('AGENCY_NOT_FOUND', `no agency ${agency}`);
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    // Steps it recorded last, and steps it answers for by succession (the 2025 reorganisation moved duties).
    const [recorded, held] = await Promise.all([
      allDocuments<OpenCaseStepDoc>(this.store, OPEN_CASE_STEPS, { agency }, [{ field: 'dueBy' }]),
      allDocuments<OpenCaseStepDoc>(this.store, OPEN_CASE_STEPS, { dutyHolder: agency }, [
        { field: 'dueBy' },
      ]),
    ]);
    const byStream = new Map([...recorded, ...held].map((step) => [step.stream, step]));
    const openSteps = [...byStream.values()].sort((a, b) =>
      (a.dueBy ?? '9999').localeCompare(b.dueBy ?? '9999'),
    );
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
      pastDue: openSteps.filter((step) => step.dueBy !== null && step.dueBy < day),
      indicators,
      inheritedIndicators,
    };
  }
}
