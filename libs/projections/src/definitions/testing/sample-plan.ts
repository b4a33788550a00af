// The sample seed of plan/testing (province P-1 > district D-1 > communes C-1, C-2; on 2025-07-01 the
// district is dissolved and C-1 and C-2 merge into N-1 under P-1) with a few more indicators, so that the
// projection specs cover stocks, sums, per-year ratios and shares; and the plan events that load it.
import {
  planAggregateFor,
  formatSeedProblem,
  validatePlanSeed,
  type PlanSeed,
  planSeedToCommands,
  type RecordedEvent,
  planModelFromSeed,
  type PlanModel,
  type PlanModelOptions,
} from '@ledger/domain';
import { sampleSeedFiles } from '@ledger/domain/plan/testing/sample-seed';
import type { EventLog } from './projection-spec';

const responsibility = { lead: 'LAB-D-1', support: [], basis: 'by function', verified: false };

const EXTRA_INDICATORS = [
  {
    key: 'houses_under_construction',
    version: 1,
    nameVi: 'Số nhà đang xây',
    nameEn: 'Houses under construction',
    planText: 'xây dựng nhà ở',
    target: null,
    section: 'III.1',
    unit: 'houses',
    kind: 'count',
    aggregation: 'cumulative',
    contributions: [
      { event: 'HousingConstructionStarted', measure: 'count', part: 'value' },
      { event: 'HousingConstructionCompleted', measure: 'count', part: 'value', factor: -1 },
    ],
    responsibility,
  },
  {
    key: 'social_support_paid_vnd',
    version: 1,
    nameVi: 'Tiền trợ giúp xã hội đã chi',
    nameEn: 'Social support paid',
    planText: 'chi trả trợ cấp',
    target: null,
    section: 'III.2',
    unit: 'VND',
    kind: 'count',
    aggregation: 'cumulative',
    contributions: [{ event: 'SubsidyPaid', measure: 'sum', field: 'amountVnd', part: 'value' }],
    responsibility,
  },
  {
    key: 'health_insurance_coverage',
    version: 1,
    nameVi: 'Tỉ lệ bao phủ bảo hiểm y tế',
    nameEn: 'Health insurance coverage',
    planText: 'bảo hiểm y tế toàn dân',
    target: { comparison: '=', value: 100, deadline: '2030-12-31', planText: '100%' },
    section: 'II.2',
    unit: '%',
    kind: 'ratio',
    aggregation: 'per_year',
    numerator: { descriptionVi: 'Số người', descriptionEn: 'People enrolled', baseline: null },
    denominator: { descriptionVi: 'Dân số', descriptionEn: 'Population', baseline: 'population' },
    scale: 100,
    contributions: [
      { event: 'HealthInsuranceEnrolled', measure: 'count', part: 'numerator', periodField: 'year' },
    ],
    responsibility,
  },
  {
    key: 'cashless_payment_share',
    version: 1,
    nameVi: 'Tỉ lệ chi trả không dùng tiền mặt',
    nameEn: 'Cashless payment share',
    planText: 'chi trả không dùng tiền mặt',
    target: null,
    section: 'III.2',
    unit: '%',
    kind: 'ratio',
    aggregation: 'cumulative',
    numerator: { descriptionVi: 'Không tiền mặt', descriptionEn: 'Cashless payments', baseline: null },
    denominator: { descriptionVi: 'Tất cả', descriptionEn: 'All payments', baseline: null },
    scale: 100,
    contributions: [
      { event: 'SubsidyPaid', measure: 'count', part: 'numerator', where: { method: ['bank', 'e_wallet'] } },
      { event: 'SubsidyPaid', measure: 'count', part: 'denominator' },
    ],
    responsibility,
  },
];

export function sampleProjectionSeed(): PlanSeed {
  const files = sampleSeedFiles();
  const indicators = files['indicators.json'].indicators as unknown[];
  indicators.push(...(JSON.parse(JSON.stringify(EXTRA_INDICATORS)) as unknown[]));
  const result = validatePlanSeed(files);
  if (!result.ok) throw new Error(result.problems.map(formatSeedProblem).join('\n'));
  return result.seed;
}

export function samplePlanModel(options: PlanModelOptions = {}): PlanModel {
  return planModelFromSeed(sampleProjectionSeed(), options);
}

/** The plan events of a seed, recorded in the log as the seeder appends them (each stream folded as it goes). */
export function recordSeed(log: EventLog, seed: PlanSeed, occurredAt = '2024-01-02'): RecordedEvent[] {
  const states = new Map<string, unknown>();
  return planSeedToCommands(seed, { occurredAt }).flatMap(({ command, stream, orgUnit }) => {
    const { decider } = planAggregateFor(command) as unknown as {
      decider: {
        initialState: unknown;
        decide(c: unknown, s: unknown): { type: string; data: unknown }[];
        evolve(s: unknown, e: { type: string; data: unknown }): unknown;
      };
    };
    let state = states.has(stream) ? states.get(stream) : decider.initialState;
    const events = decider.decide(command, state);
    for (const e of events) state = decider.evolve(state, e);
    states.set(stream, state);
    return events.map((e) =>
      log.record(stream, e.type, e.data, {
        orgUnit,
        occurredAt,
        officer: 'seeder',
        agency: seed.plan.reportingAgency,
      }),
    );
  });
}
