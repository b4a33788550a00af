// The figures of GET /indicators/{key} (the same query, on the period's last day) in DHIS2's ids, through
// seeds/dhis2-mapping.json. An indicator or org unit the mapping leaves out is listed, never guessed.
import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  DHIS2_PERIOD_HINT,
  parseDhis2Period,
  todayInLedgerZone,
  type Dhis2Mapping,
  type PlanSeed,
} from '@ledger/domain';
import { INDICATORS, type IndicatorDoc } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { ValidationFailedError } from '../../../errors/ledger-errors';
import { allDocuments } from '../../../read/all-documents';
import { PLAN_SEED } from '../../../read/projections.providers';
import { GetIndicatorProgressQuery } from '../../../reporting/queries/get-indicator-progress/get-indicator-progress.query';
import { DHIS2_MAPPING } from '../../exports.providers';
import {
  GetDhis2DataValuesQuery,
  type Dhis2DataValue,
  type Dhis2DataValues,
} from './get-dhis2-data-values.query';

@QueryHandler(GetDhis2DataValuesQuery)
export class GetDhis2DataValuesHandler implements IQueryHandler<GetDhis2DataValuesQuery> {
  private readonly orgUnits: Set<string>;

  constructor(
    @Inject(READ_STORE_READER) private readonly store: ReadStoreReader,
    @Inject(PLAN_SEED) private readonly seed: PlanSeed,
    @Inject(DHIS2_MAPPING) private readonly mapping: Dhis2Mapping,
    private readonly queries: QueryBus,
  ) {
    this.orgUnits = new Set(seed.orgUnits.map((u) => u.code));
  }

  async execute(query: GetDhis2DataValuesQuery): Promise<Dhis2DataValues> {
    const period = parseDhis2Period(query.period);
    if (!period) throw new ValidationFailedError([{ field: 'period', message: DHIS2_PERIOD_HINT }]);
    const today = todayInLedgerZone();
    if (period.start > today)
      throw new ValidationFailedError([
        {
          field: 'period',
          message: `period ${period.id} has not begun (today is ${today} in Asia/Ho_Chi_Minh)`,
        },
      ]);
    const orgUnit = query.orgUnit ?? this.seed.plan.orgUnit;
    if (!this.orgUnits.has(orgUnit))
      throw new ValidationFailedError([{ field: 'orgUnit', message: `no org unit ${orgUnit} in the plan` }]);
    const asOf = period.end < today ? period.end : today;
    const orgUnitUid = this.mapping.orgUnits[orgUnit] ?? null;

    const indicators = await allDocuments<IndicatorDoc>(this.store, INDICATORS, {}, [{ field: 'key' }]);
    const dataValues: Dhis2DataValue[] = [];
    const unmapped: string[] = [];
    const withoutFigure: string[] = [];
    for (const doc of indicators) {
      if (!doc.definition) continue;
      const target = this.mapping.indicators[doc.key];
      if (!target) {
        unmapped.push(doc.key);
        continue;
      }
      // Without the org unit's uid nothing can be sent: the figures are not read.
      if (orgUnitUid === null) continue;
      const view = await this.queries.execute(new GetIndicatorProgressQuery(doc.key, orgUnit, asOf, false));
      if (view.progress.value === null) {
        withoutFigure.push(doc.key);
        continue;
      }
      dataValues.push({
        indicatorKey: doc.key,
        dataElement: target.dataElement,
        categoryOptionCombo: target.categoryOptionCombo,
        value: String(Math.round(view.progress.value * 1e6) / 1e6),
      });
    }
    return {
      period,
      orgUnit,
      orgUnitUid,
      dataSet: this.mapping.dataSet,
      attributeOptionCombo: this.mapping.attributeOptionCombo,
      asOf,
      dataValues,
      unmapped: { indicators: unmapped, orgUnits: orgUnitUid === null ? [orgUnit] : [] },
      withoutFigure,
    };
  }
}
