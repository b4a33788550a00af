// The projections over the real Bác Ái plan: the model built from the seeds folder, the plan loaded as
// events, and one action for every indicator: each indicator gets its documents, in the commune and rolled
// up to the district, and the plan catalog lists what the seeds hold.
import { join } from 'node:path';
import {
  ACTION_EVENT_EXAMPLES,
  ACTION_EVENT_TYPES,
  actionEvents,
  isMeasurementRule,
  planModelFromSeed,
  ratioBaselinesFor,
  TARGETS_SECTION,
  type ActionEventType,
  type PlanModel,
  type PlanSeed,
  type RecordedEvent,
} from '@ledger/domain';
import {
  createLedgerProjections,
  INDICATOR_MONTHS,
  INDICATORS,
  ORG_UNITS,
  AGENCIES,
  progressAsOf,
  type IndicatorDoc,
  type IndicatorMonthDoc,
  type Projection,
} from '@ledger/projections';
import {
  EventLog,
  project,
  ProjectedDocuments,
} from '@ledger/projections/definitions/testing/projection-spec';
import { recordSeed } from '@ledger/projections/definitions/testing/sample-plan';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const COMMUNE = 'BA-PHUOC-DAI';

/**
 * Valid data of each action type: its descriptor's example, in the test's commune, with an id of its own and,
 * when it names a beneficiary, a beneficiary of its own (n).
 */
function actionData(type: ActionEventType, n: number): Record<string, unknown> {
  const { action, event } = actionEvents.find((e) => e.type === type)!;
  const data: Record<string, unknown> = structuredClone(ACTION_EVENT_EXAMPLES[type]);
  for (const { idField } of Object.values(action.commands)) if (idField in data) data[idField] = `X-${n}`;
  if (event.support) data[event.support.refField] = `b-${String(n).padStart(32, '0')}`;
  for (const field of ['commune', 'orgUnit']) if (field in data) data[field] = COMMUNE;
  return data;
}

/** One action per indicator that moves it, by its first rule (filters and measurements honoured). */
function oneActionPerIndicator(seed: PlanSeed, log: EventLog): RecordedEvent[] {
  return seed.indicators.map(({ definition }, n) => {
    const rule = definition.contributions[0];
    const data = actionData(rule.event, n);
    if (isMeasurementRule(rule)) {
      data.indicatorKey = definition.key;
      data.value = definition.kind === 'qualitative' ? 1 : 50;
    } else {
      for (const [field, expected] of Object.entries(rule.where))
        data[field] = Array.isArray(expected) ? expected[0] : expected;
    }
    return log.record(`action-${definition.key}`, rule.event, data, {
      orgUnit: COMMUNE,
      occurredAt: '2025-05-10',
    });
  });
}

describe('the projections over the Bác Ái plan seeds', () => {
  let seed: PlanSeed;
  let plan: PlanModel;
  let projections: Projection[];
  let planEvents: RecordedEvent[];
  let actions: RecordedEvent[];
  let docs: Map<string, ProjectedDocuments>;

  beforeAll(() => {
    seed = readSeedFiles(SEEDS);
    plan = planModelFromSeed(seed);
    projections = createLedgerProjections(plan);
    const log = new EventLog({ agency: 'UBND-BAC-AI', orgUnit: 'NT-BAC-AI' });
    planEvents = recordSeed(log, seed);
    actions = oneActionPerIndicator(seed, log);
    docs = new Map(projections.map((p) => [p.name, project(p, [...planEvents, ...actions])]));
  });

  it('rolls the communes up the real tree, the 2025 communes to Khánh Hòa, and every unit within the plan area to it', () => {
    expect(plan.planOrgUnit).toBe('PLAN-BAC-AI');
    // An old commune also counts in the commune it merged into (and that commune's province).
    expect(plan.rollUps[COMMUNE]).toEqual([
      'NT-BAC-AI',
      'NINH-THUAN',
      'KH-BAC-AI-DONG',
      'KHANH-HOA',
      'PLAN-BAC-AI',
    ]);
    expect(plan.rollUps['BA-PHUOC-TRUNG']).toEqual([
      'NT-BAC-AI',
      'NINH-THUAN',
      'KH-MY-SON',
      'KHANH-HOA',
      'PLAN-BAC-AI',
    ]);
    // The new communes count in the plan area, not in the district that ended before they began.
    expect(plan.rollUps['KH-BAC-AI-DONG']).toEqual(['KHANH-HOA', 'PLAN-BAC-AI']);
    expect(plan.rollUps['KH-BAC-AI-TAY']).toEqual(['KHANH-HOA', 'PLAN-BAC-AI']);
    expect(plan.rollUps['NT-BAC-AI']).toEqual(['NINH-THUAN', 'KHANH-HOA', 'PLAN-BAC-AI']);
    expect(plan.rollUps['PLAN-BAC-AI']).toEqual([]);
    // Mỹ Sơn also took Ninh Sơn's commune: its events cannot be split, so they stay out of the plan area.
    expect(plan.rollUps['KH-MY-SON']).toEqual(['KHANH-HOA']);
    expect(plan.latestUnit[COMMUNE]).toBe('KH-BAC-AI-DONG');
  });

  it('gives every indicator of the seeds a document from one action, in the commune and in the district', () => {
    expect(ACTION_EVENT_TYPES.length).toBeGreaterThan(0);
    const months = docs.get('indicator-progress')!.all<IndicatorMonthDoc>(INDICATOR_MONTHS);
    const missing = seed.indicators
      .map(({ definition }) => definition.key)
      .filter(
        (key) =>
          !months.some((d) => d.indicatorKey === key && d.orgUnit === COMMUNE && d.events > 0) ||
          !months.some((d) => d.indicatorKey === key && d.orgUnit === 'NT-BAC-AI' && d.events > 0),
      );
    expect(missing).toEqual([]);
  });

  it('reads every 2030 target as of a date with a status: sums for the district, measurements where measured', () => {
    const months = docs.get('indicator-progress')!.all<IndicatorMonthDoc>(INDICATOR_MONTHS);
    for (const { definition, target } of seed.indicators.filter(
      (i) => i.definition.section === TARGETS_SECTION,
    )) {
      // A measurement of a commune is not averaged into the district: the district has a figure of its own.
      const unit =
        definition.kind === 'measured' || definition.kind === 'qualitative' ? COMMUNE : 'NT-BAC-AI';
      const result = progressAsOf(
        months.filter((d) => d.indicatorKey === definition.key && d.orgUnit === unit),
        '2025-12-31',
        definition,
        target,
        ratioBaselinesFor(plan, definition, unit),
      );
      expect([
        definition.key,
        ['achieved', 'on_track', 'at_risk', 'off_track'].includes(result.status),
      ]).toEqual([definition.key, true]);
    }
  });

  it('catalogs every org unit, agency and indicator of the seeds, each II.2 indicator with its target and lead', () => {
    const catalog = docs.get('plan-catalog')!;
    expect(catalog.ids(ORG_UNITS)).toEqual(seed.orgUnits.map((u) => u.code).sort());
    expect(catalog.ids(AGENCIES)).toEqual(seed.agencies.map((a) => a.code).sort());
    const indicators = catalog.all<IndicatorDoc>(INDICATORS);
    expect(indicators).toHaveLength(seed.indicators.length);
    for (const doc of indicators.filter((d) => d.section === TARGETS_SECTION)) {
      expect([doc.key, doc.target !== null, doc.lead !== null]).toEqual([doc.key, true, true]);
    }
    expect(
      catalog.get<IndicatorDoc>(INDICATORS, 'clean_water_households')?.baselineValues.households?.[COMMUNE],
    ).toBe(1238);
  });

  it('keeps a trail document for every event, plan and actions alike', () => {
    expect(docs.get('inspection-trail')!.ids('trail')).toHaveLength(planEvents.length + actions.length);
  });

  it('takes a withdrawn housing case out of every count it was in, from the month of the withdrawal', () => {
    const log = new EventLog({ agency: 'LDTBXH-BAC-AI', orgUnit: COMMUNE });
    const stream = 'housing-case-HW-1';
    const registration = { caseId: 'HW-1', householdRef: 'b-hw1', commune: COMMUNE, category: 'poor' };
    const funding = { caseId: 'HW-1', amountVnd: 40_000_000, source: 'local_budget' };
    const steps = [
      log.record(stream, 'HousingCaseRegistered', registration, { occurredAt: '2025-02-03' }),
      log.record(stream, 'HousingFundingApproved', funding, { occurredAt: '2025-02-20' }),
      log.record(stream, 'HousingConstructionStarted', { caseId: 'HW-1' }, { occurredAt: '2025-03-05' }),
    ];
    const withdrawn = log.record(
      stream,
      'HousingCaseWithdrawn',
      {
        caseId: 'HW-1',
        grounds: 'duplicate',
        reason: 'same household as HC-7',
        withdrawnSteps: steps.map((e) => ({ type: e.type, data: e.data })),
      },
      { occurredAt: '2025-04-15' },
    );
    const progress = projections.find((p) => p.name === 'indicator-progress')!;
    const months = project(progress, [...steps, withdrawn]).all<IndicatorMonthDoc>(INDICATOR_MONTHS);
    // What each step adds under the seeds' rules, by indicator: the first rule naming its event.
    const added = (key: string) => {
      const rules = seed.indicators.find((i) => i.definition.key === key)!.definition.contributions;
      return steps.reduce((sum, e) => {
        const rule = rules.find((r) => r.event === e.type);
        if (!rule || isMeasurementRule(rule)) return sum;
        const amount = rule.measure === 'count' ? 1 : ((e.data as Record<string, number>)[rule.field!] ?? 0);
        return sum + amount * (rule.factor ?? 1);
      }, 0);
    };
    for (const key of [
      'housing_cases_registered',
      'housing_funding_approved_vnd',
      'houses_under_construction',
    ]) {
      const definition = seed.indicators.find((i) => i.definition.key === key)!.definition;
      const read = (asOf: string, orgUnit: string) =>
        progressAsOf(
          months.filter((d) => d.indicatorKey === key && d.orgUnit === orgUnit),
          asOf,
          definition,
          null,
        ).value;
      expect([key, read('2025-03-31', COMMUNE)]).toEqual([key, added(key)]);
      expect(added(key)).not.toBe(0);
      for (const orgUnit of [COMMUNE, 'NT-BAC-AI', 'KH-BAC-AI-DONG'])
        expect([key, orgUnit, read('2025-04-30', orgUnit)]).toEqual([key, orgUnit, 0]);
    }
  });
});
