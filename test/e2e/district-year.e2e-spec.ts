// A whole year (2025) of one district's work, over HTTP, on the repository's plan: every action kind, on the
// old communes and district agencies before the reorganisation of 1 July 2025 and on the new communes and
// their offices after it; the refusals officers meet; corrections; four eyes; a restart on the same data
// directory and a rebuild of every projection. Every expected figure is computed here from the plan's
// definitions (seeds/indicators.json contributions, baselines, the crosswalk of seeds/org-units.json)
// applied to the list of actions this suite recorded, never read back from the projections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectionRunner } from '@ledger/projections';
import { PROJECTION_RUNNER } from '@ledger/ledger';
import { untilProjected } from './support/ledger-client';
import { startTestLedger, type TestLedger } from './support/test-app';
import { inspector, officer, supervisor } from './support/tokens';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const seed = <T>(file: string): T => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as T;

// ---------------------------------------------------------------- the plan's definitions, from the seeds
interface Contribution {
  event: string;
  measure: 'count' | 'sum' | 'measurement';
  part?: 'value' | 'numerator' | 'denominator';
  field?: string;
  factor?: number;
  where?: Record<string, string | string[]>;
  periodField?: string;
}
interface IndicatorSeed {
  key: string;
  kind: 'count' | 'ratio' | 'measured' | 'qualitative';
  aggregation: 'cumulative' | 'per_year' | 'latest';
  scale?: number;
  numerator?: { baseline: string | null } | null;
  denominator?: { baseline: string | null } | null;
  contributions: Contribution[];
}
const INDICATORS = new Map(
  seed<{ indicators: IndicatorSeed[] }>('indicators.json').indicators.map((i) => [i.key, i]),
);
const indicator = (key: string) => {
  const found = INDICATORS.get(key);
  if (!found) throw new Error(`no indicator ${key} in seeds/indicators.json`);
  return found;
};
const BASELINES = new Map(
  seed<{ baselines: Array<{ key: string; values: Record<string, number> }> }>('baselines.json').baselines.map(
    (b) => [b.key, b.values],
  ),
);
const ORG_UNITS = seed<{
  orgUnits: Array<{ code: string; level: string; parent: string | null; planArea: string }>;
  changes: Array<{
    effectiveFrom: string;
    ends: string[];
    starts: string[];
    crosswalk: Array<{ from: string; to: string }>;
  }>;
}>('org-units.json');
const REORGANISATION = ORG_UNITS.changes[0];
const REFORM_DAY = REORGANISATION.effectiveFrom;
/** The old communes a commune made on REFORM_DAY was made from (the crosswalk). */
const madeFrom = (code: string) =>
  REORGANISATION.crosswalk.filter((row) => row.to === code).map((row) => row.from);
const AGENCIES = seed<{
  agencies: Array<{ code: string; validFrom: string | null }>;
  successions: Array<{ predecessor: string; effectiveFrom: string }>;
}>('agencies.json');
/** Whether an org unit or agency is in force on a day, by the seeds (ended by the reorganisation or not). */
const unitInForce = (code: string, day: string) =>
  day < REFORM_DAY ? !REORGANISATION.starts.includes(code) : !REORGANISATION.ends.includes(code);
const agencyInForce = (code: string, day: string) => {
  const agency = AGENCIES.agencies.find((a) => a.code === code);
  const end = AGENCIES.successions.find((s) => s.predecessor === code)?.effectiveFrom;
  return !!agency && (agency.validFrom ?? '') <= day && (end === undefined || day < end);
};
const DISTRICT = 'NT-BAC-AI';
const OLD_COMMUNES = ORG_UNITS.orgUnits.filter((u) => u.parent === DISTRICT).map((u) => u.code);
/** The plan's area (plan.json orgUnit): a unit of its own, reading as every unit lying wholly within it. */
const PLAN_AREA = seed<{ plan: { orgUnit: string } }>('plan.json').plan.orgUnit;
const PLAN_AREA_UNITS = ORG_UNITS.orgUnits
  .filter((u) => u.level !== 'plan_area' && u.planArea === 'within')
  .map((u) => u.code);

/** The day of an instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), computed here on its own. */
const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
const at = (day: string) => `${day}T09:00:00+07:00`;

// ---------------------------------------------------------------- who records, on which day
const DISTRICT_UNITS = [DISTRICT];
/** The communes made on REFORM_DAY wholly within the plan's area. */
const NEW_COMMUNES = ORG_UNITS.orgUnits
  .filter((u) => u.level === 'commune' && u.planArea === 'within' && REORGANISATION.starts.includes(u.code))
  .map((u) => u.code);
// Agencies with no recorded succession stay in force; their tokens name the district's area, old and new.
const AREA = [DISTRICT, ...NEW_COMMUNES];
const WHO = {
  labour: officer('LDTBXH-BAC-AI', 'can-bo-ldtbxh-01', DISTRICT_UNITS),
  labourHead: supervisor('LDTBXH-BAC-AI', 'truong-phong-ldtbxh', DISTRICT_UNITS),
  military: officer('BCHQS-BAC-AI', 'can-bo-bchqs-01', AREA),
  insurance: officer('BHXH-BAC-AI', 'can-bo-bhxh-01', AREA),
  bank: officer('NHCSXH-BAC-AI', 'can-bo-nhcs-01', AREA),
  agriculture: officer('NNPTNT-BAC-AI', 'can-bo-nnptnt-01', DISTRICT_UNITS),
  health: officer('TTYT-BAC-AI', 'can-bo-ttyt-01', AREA),
  tayOffice: officer('VHXH-XA-BAC-AI-TAY', 'can-bo-vhxh-tay', ['KH-BAC-AI-TAY']),
  tayHead: supervisor('VHXH-XA-BAC-AI-TAY', 'truong-phong-vhxh-tay', ['KH-BAC-AI-TAY']),
  tayCommittee: officer('UBND-XA-BAC-AI-TAY', 'can-bo-ubnd-tay', ['KH-BAC-AI-TAY']),
  tayChair: supervisor('UBND-XA-BAC-AI-TAY', 'chu-tich-tay', ['KH-BAC-AI-TAY']),
  dongOffice: officer('VHXH-XA-BAC-AI-DONG', 'can-bo-vhxh-dong', ['KH-BAC-AI-DONG']),
  inspector: inspector('thanh-tra-nam-2025'),
  inspector2: inspector('thanh-tra-nam-2025-b'),
};
const agencyOf = (who: Record<string, string>) =>
  (
    JSON.parse(Buffer.from(who.Authorization.split('.')[1], 'base64url').toString('utf8')) as {
      agency: string;
    }
  ).agency;

// ---------------------------------------------------------------- what this suite recorded
interface Fact {
  eventId: string;
  type: string;
  commune: string;
  day: string;
  agency: string;
  data: Record<string, unknown>;
  /** The case (housing, remains, training) or the one-off fact's own id. */
  caseId: string;
  /** The person or household the action is for (citizen id), when there is one. */
  person: string | null;
}
const facts: Fact[] = [];
const retracted = new Set<string>();
const amended = new Map<string, Record<string, unknown>>();
const withdrawnCases = new Set<string>();
/** Actions verified by a second person (an inspector), and the period reports approved. */
const verifiedEvents = new Set<string>();
const approvedReports: Array<{ key: string; orgUnit: string; period: string; recordedOn: string[] }> = [];
/** Corrections made, by the agency that made them (the proposer for one approved by a second person). */
const corrections: Array<{ agency: string; kind: 'retraction' | 'amendment' }> = [];

/** The facts as they stand: retracted ones out, amendments applied, withdrawn cases out of every count. */
const standing = () =>
  facts
    .filter((f) => !retracted.has(f.eventId) && !withdrawnCases.has(f.caseId))
    .map((f) => ({ ...f, data: { ...f.data, ...(amended.get(f.eventId) ?? {}) } }));

const matches = (fact: Fact, rule: Contribution) =>
  fact.type === rule.event &&
  Object.entries(rule.where ?? {}).every(([field, wanted]) =>
    Array.isArray(wanted) ? wanted.includes(String(fact.data[field])) : fact.data[field] === wanted,
  );

/** Counted once per household: the plan counts households for registrations and houses (as decided). */
const PER_HOUSEHOLD = new Set(['HousingCaseRegistered', 'HousingConstructionCompleted']);

interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The figure of a count or ratio indicator, by the plan's definition, on a boundary: `recordedOn` the org
 * units whose actions count, `baselineOf` the old communes whose baselines a ratio starts from; as of `asOf`
 * (a day in Asia/Ho_Chi_Minh).
 */
function expected(key: string, recordedOn: string[], baselineOf: string[], asOf: string): Figure {
  const def = indicator(key);
  const parts: Record<'value' | 'numerator' | 'denominator', number> = {
    value: 0,
    numerator: 0,
    denominator: 0,
  };
  const seen = new Set<string>();
  const counts = (fact: Fact, rule: Contribution) => {
    if (!recordedOn.includes(fact.commune) || fact.day > asOf || !matches(fact, rule)) return false;
    if (def.aggregation !== 'per_year') return true;
    const period = rule.periodField ? Number(fact.data[rule.periodField]) : Number(fact.day.slice(0, 4));
    return period === Number(asOf.slice(0, 4));
  };
  // Null only where there is no figure at all: nothing ever recorded for it here by then, and no baseline.
  const anything = facts.some((fact) => def.contributions.some((rule) => counts(fact, rule)));
  for (const fact of standing()) {
    for (const rule of def.contributions) {
      if (!counts(fact, rule)) continue;
      if (PER_HOUSEHOLD.has(fact.type) && rule.measure === 'count') {
        const household = `${rule.event}|${fact.person}`;
        if (seen.has(household)) continue;
        seen.add(household);
      }
      const amount = rule.measure === 'sum' ? Number(fact.data[rule.field!]) : 1;
      parts[rule.part ?? 'value'] += amount * (rule.factor ?? 1);
    }
  }
  if (def.kind === 'count')
    return { value: anything ? parts.value : null, numerator: null, denominator: null };
  if (!anything && !def.numerator?.baseline) return { value: null, numerator: null, denominator: null };
  const base = (series: string | null | undefined) =>
    series ? baselineOf.reduce((sum, unit) => sum + (BASELINES.get(series)![unit] ?? 0), 0) : 0;
  const numerator = base(def.numerator?.baseline) + parts.numerator;
  const denominator = base(def.denominator?.baseline) + parts.denominator;
  return {
    value: denominator === 0 ? null : Number((((def.scale ?? 1) * numerator) / denominator).toPrecision(15)),
    numerator,
    denominator,
  };
}

// ---------------------------------------------------------------- the suite
describe('a year in the district: every action, refusal, correction and four eyes, figures by the plan', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 120_000);
  afterAll(() => ledger.close());

  const send = (path: string, body: object, who: Record<string, string>) =>
    ledger.http().post(path).set(who).send(body);

  /** Records one action and keeps it in `facts`; returns its event id (and the case id it answers). */
  async function record(
    path: string,
    body: Record<string, unknown> & { occurredAt: string },
    who: Record<string, string>,
    what: { type: string; commune?: string; caseId?: string; person?: string | null },
  ): Promise<{ eventId: string; caseId: string }> {
    const res = await send(path, body, who);
    if (res.status !== 201)
      throw new Error(`${path} ${what.type}: ${res.status} ${JSON.stringify(res.body)}`);
    const eventId = res.body.eventIds[0] as string;
    const caseId = what.caseId ?? (res.body.caseId as string | undefined) ?? eventId;
    const owner = what.caseId ? facts.find((f) => f.caseId === what.caseId) : undefined;
    const { occurredAt, ...data } = body;
    facts.push({
      eventId,
      type: what.type,
      commune: what.commune ?? (body.commune as string | undefined) ?? owner!.commune,
      day: vnDay(occurredAt),
      agency: agencyOf(who),
      data,
      caseId,
      person: what.person !== undefined ? what.person : (owner?.person ?? null),
    });
    return { eventId, caseId };
  }

  const housing = {
    async register(citizenId: string, commune: string, day: string, who: Record<string, string>) {
      return (
        await record(
          '/housing-cases',
          { householdHeadCitizenId: citizenId, commune, category: 'poor', occurredAt: at(day) },
          who,
          { type: 'HousingCaseRegistered', person: citizenId },
        )
      ).caseId;
    },
    step(
      caseId: string,
      step: string,
      type: string,
      body: Record<string, unknown>,
      day: string,
      who: Record<string, string>,
    ) {
      return record(`/housing-cases/${caseId}/${step}`, { ...body, occurredAt: at(day) }, who, {
        type,
        caseId,
      });
    },
  };

  /** A house registered and walked through the steps dated in `days`; the ids of those steps' events. */
  async function house(
    citizenId: string,
    commune: string,
    days: { registered: string; funded?: string; started?: string; completed?: string; handedOver?: string },
    who: Record<string, string>,
    amountVnd: number,
    floorAreaM2 = 40,
  ) {
    const caseId = await housing.register(citizenId, commune, days.registered, who);
    const steps: Partial<Record<'funded' | 'started' | 'completed' | 'handedOver', string>> = {};
    if (days.funded)
      steps.funded = (
        await housing.step(
          caseId,
          'funding-approvals',
          'HousingFundingApproved',
          { amountVnd, source: 'central_budget' },
          days.funded,
          who,
        )
      ).eventId;
    if (days.started)
      steps.started = (
        await housing.step(caseId, 'construction-starts', 'HousingConstructionStarted', {}, days.started, who)
      ).eventId;
    if (days.completed)
      steps.completed = (
        await housing.step(
          caseId,
          'completions',
          'HousingConstructionCompleted',
          { floorAreaM2, occupants: 4 },
          days.completed,
          who,
        )
      ).eventId;
    if (days.handedOver)
      steps.handedOver = (
        await housing.step(caseId, 'handovers', 'HouseHandedOver', {}, days.handedOver, who)
      ).eventId;
    return { caseId, ...steps };
  }

  // Ids the later steps need.
  const ids: Record<string, string> = {};
  const person = {
    a: '058251000001', // housing in Phước Bình, built and handed over; a policy loan
    b: '058251000002', // housing in Phước Hòa, registered twice (counted once)
    c: '058251000003', // housing in Phước Tân, withdrawn (ineligible)
    d: '058251000004', // subsidy payments, one of them at 2025-12-31T18:00:00Z
    s: '058251000019', // housing in Bác Ái Tây after the reform, verified, amended through four eyes
    t: '058251000020', // housing in Bác Ái Đông after the reform, under construction at the year's end
  };

  it('records every action kind of the plan, on the units and by the agencies in force on each day', async () => {
    // ---- before 1 July 2025: the old communes, the district's agencies.
    const a = await house(
      person.a,
      'BA-PHUOC-BINH',
      {
        registered: '2025-01-10',
        funded: '2025-01-20',
        started: '2025-02-03',
        completed: '2025-05-12',
        handedOver: '2025-05-20',
      },
      WHO.labour,
      60_000_000,
      40,
    );
    ids.aCompleted = a.completed!;
    const b = await house(
      person.b,
      'BA-PHUOC-HOA',
      { registered: '2025-02-05', funded: '2025-02-15', started: '2025-03-01', completed: '2025-06-20' },
      WHO.labour,
      50_000_000,
      38,
    );
    ids.bCompleted = b.completed!;
    ids.bCase = b.caseId;
    const c = await house(
      person.c,
      'BA-PHUOC-TAN',
      { registered: '2025-04-01', funded: '2025-04-08' },
      WHO.labour,
      30_000_000,
    );
    ids.cCase = c.caseId;

    ids.paidMarch = (
      await record(
        '/subsidy-payments',
        {
          beneficiaryCitizenId: person.d,
          programme: 'tro-cap-xa-hoi',
          period: '2025-03',
          amountVnd: 500_000,
          method: 'bank',
          commune: 'BA-PHUOC-DAI',
          occurredAt: at('2025-03-25'),
        },
        WHO.labour,
        { type: 'SubsidyPaid', person: person.d },
      )
    ).eventId;
    ids.paidApril = (
      await record(
        '/subsidy-payments',
        {
          beneficiaryCitizenId: person.d,
          programme: 'tro-cap-xa-hoi',
          period: '2025-04',
          amountVnd: 700_000,
          method: 'cash',
          commune: 'BA-PHUOC-DAI',
          occurredAt: at('2025-04-25'),
        },
        WHO.labour,
        { type: 'SubsidyPaid', person: person.d },
      )
    ).eventId;

    const remains = await record(
      '/remains-cases',
      { site: 'Đồi 1040, xã Phước Thành', commune: 'BA-PHUOC-THANH', occurredAt: at('2025-03-05') },
      WHO.military,
      { type: 'RemainsCaseOpened', person: null },
    );
    await record(
      `/remains-cases/${remains.caseId}/recoveries`,
      { setsOfRemains: 2, occurredAt: at('2025-04-10') },
      WHO.military,
      { type: 'RemainsRecovered', caseId: remains.caseId },
    );
    await record(
      `/remains-cases/${remains.caseId}/identifications`,
      { method: 'dna', martyrRecordRef: 'HS-LS-1972-0458', occurredAt: at('2025-05-05') },
      WHO.military,
      { type: 'RemainsIdentified', caseId: remains.caseId },
    );
    await record(
      `/remains-cases/${remains.caseId}/reburials`,
      { cemetery: 'Nghĩa trang liệt sĩ huyện Bác Ái', occurredAt: at('2025-06-10') },
      WHO.labour,
      { type: 'RemainsReburied', caseId: remains.caseId },
    );
    await record(
      `/remains-cases/${remains.caseId}/closures`,
      { outcome: 'reburied', occurredAt: at('2025-06-12') },
      WHO.military,
      { type: 'RemainsCaseClosed', caseId: remains.caseId },
    );

    const course = await record(
      '/training-courses',
      {
        occupation: 'May công nghiệp',
        level: 'under_3_months',
        commune: 'BA-PHUOC-TIEN',
        capacity: 20,
        occurredAt: at('2025-02-10'),
      },
      WHO.labour,
      { type: 'TrainingCourseOpened', person: null },
    );
    for (const trainee of ['058251000005', '058251000006'])
      await record(
        `/training-courses/${course.caseId}/enrolments`,
        { traineeCitizenId: trainee, occurredAt: at('2025-02-15') },
        WHO.labour,
        { type: 'TraineeEnrolled', caseId: course.caseId, person: trainee },
      );
    await record(
      `/training-courses/${course.caseId}/certifications`,
      { traineeCitizenId: '058251000005', certificateNo: 'CC-2025-0001', occurredAt: at('2025-05-30') },
      WHO.labour,
      { type: 'TraineeCertified', caseId: course.caseId, person: '058251000005' },
    );
    await record(
      `/training-courses/${course.caseId}/closures`,
      { occurredAt: at('2025-06-05') },
      WHO.labour,
      { type: 'TrainingCourseClosed', caseId: course.caseId },
    );

    await record(
      '/allowance-grants',
      {
        beneficiaryCitizenId: '058251000007',
        programme: 'tro-cap-huu-tri-xa-hoi',
        monthlyAmountVnd: 500_000,
        commune: 'BA-PHUOC-THANG',
        occurredAt: at('2025-04-15'),
      },
      WHO.labour,
      { type: 'AllowanceGranted', person: '058251000007' },
    );
    await record(
      '/allowance-grants',
      {
        beneficiaryCitizenId: '058251000008',
        programme: 'tro-cap-cham-soc-ho-ngheo',
        monthlyAmountVnd: 360_000,
        commune: 'BA-PHUOC-BINH',
        occurredAt: at('2025-04-16'),
      },
      WHO.labour,
      { type: 'AllowanceGranted', person: '058251000008' },
    );
    await record(
      '/disability-allowances',
      {
        beneficiaryCitizenId: '058251000009',
        severity: 'severe',
        monthlyAmountVnd: 540_000,
        decisionNo: '45/QĐ-UBND',
        commune: 'BA-PHUOC-CHINH',
        occurredAt: at('2025-05-02'),
      },
      WHO.labour,
      { type: 'DisabilityAllowanceGranted', person: '058251000009' },
    );
    await record(
      '/job-placements',
      {
        workerCitizenId: '058251000010',
        employer: 'Công ty May Ninh Thuận',
        kind: 'domestic',
        commune: 'BA-PHUOC-TAN',
        occurredAt: at('2025-06-02'),
      },
      WHO.labour,
      { type: 'JobPlaced', person: '058251000010' },
    );
    await record(
      '/job-placements',
      {
        workerCitizenId: '058251000011',
        employer: 'Công ty XKLĐ Sông Hồng',
        kind: 'overseas_contract',
        commune: 'BA-PHUOC-BINH',
        occurredAt: at('2025-06-03'),
      },
      WHO.labour,
      { type: 'JobPlaced', person: '058251000011' },
    );
    await record(
      '/policy-loans',
      {
        borrowerCitizenId: person.a,
        programme: 'ho-ngheo',
        amountVnd: 30_000_000,
        termMonths: 36,
        commune: 'BA-PHUOC-BINH',
        occurredAt: at('2025-03-15'),
      },
      WHO.bank,
      { type: 'PolicyLoanDisbursed', person: person.a },
    );
    await record(
      '/health-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000012',
        commune: 'BA-PHUOC-BINH',
        year: 2025,
        scheme: 'poor',
        occurredAt: at('2025-02-10'),
      },
      WHO.insurance,
      { type: 'HealthInsuranceEnrolled', person: '058251000012' },
    );
    await record(
      '/health-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000013',
        commune: 'BA-PHUOC-HOA',
        year: 2025,
        scheme: 'ethnic_minority_area',
        occurredAt: at('2025-06-15'),
      },
      WHO.insurance,
      { type: 'HealthInsuranceEnrolled', person: '058251000013' },
    );
    await record(
      '/social-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000014',
        commune: 'BA-PHUOC-TAN',
        year: 2025,
        kind: 'voluntary',
        occurredAt: at('2025-03-01'),
      },
      WHO.insurance,
      { type: 'SocialInsuranceEnrolled', person: '058251000014' },
    );
    await record(
      '/unemployment-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000014',
        commune: 'BA-PHUOC-TAN',
        year: 2025,
        occurredAt: at('2025-03-01'),
      },
      WHO.insurance,
      { type: 'UnemploymentInsuranceEnrolled', person: '058251000014' },
    );
    await record(
      '/clean-water-connections',
      {
        householdHeadCitizenId: '058251000015',
        commune: 'BA-PHUOC-BINH',
        source: 'piped',
        occurredAt: at('2025-04-04'),
      },
      WHO.agriculture,
      { type: 'CleanWaterConnected', person: '058251000015' },
    );
    await record(
      '/hygienic-latrines',
      {
        facilityKind: 'household',
        householdHeadCitizenId: '058251000016',
        commune: 'BA-PHUOC-HOA',
        occurredAt: at('2025-05-05'),
      },
      WHO.health,
      { type: 'HygienicLatrineCompleted', person: '058251000016' },
    );
    await record(
      '/hygienic-latrines',
      {
        facilityKind: 'school',
        facilityCode: 'TH-PHUOC-HOA',
        commune: 'BA-PHUOC-HOA',
        occurredAt: at('2025-05-06'),
      },
      WHO.health,
      { type: 'HygienicLatrineCompleted', person: null },
    );
    ids.stuntingJune = (
      await record(
        '/measurements',
        {
          indicatorKey: 'child_stunting_under5',
          orgUnit: 'BA-PHUOC-DAI',
          period: '2025',
          value: 21.5,
          numerator: 43,
          denominator: 200,
          method: 'survey',
          source: 'Điều tra dinh dưỡng 6/2025',
          occurredAt: at('2025-06-20'),
        },
        WHO.health,
        { type: 'MeasurementRecorded', commune: 'BA-PHUOC-DAI', person: null },
      )
    ).eventId;

    // ---- from 1 July 2025: the new communes, their offices; agencies with no succession go on.
    const s = await house(
      person.s,
      'KH-BAC-AI-TAY',
      { registered: '2025-07-15', funded: '2025-08-01', started: '2025-08-20', completed: '2025-11-20' },
      WHO.tayOffice,
      60_000_000,
      45,
    );
    ids.sCompleted = s.completed!;
    await house(
      person.t,
      'KH-BAC-AI-DONG',
      { registered: '2025-09-01', funded: '2025-09-10', started: '2025-10-01' },
      WHO.dongOffice,
      55_000_000,
    );
    await record(
      '/health-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000021',
        commune: 'KH-BAC-AI-TAY',
        year: 2025,
        scheme: 'near_poor',
        occurredAt: at('2025-11-10'),
      },
      WHO.insurance,
      { type: 'HealthInsuranceEnrolled', person: '058251000021' },
    );
    await record(
      '/health-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000022',
        commune: 'KH-BAC-AI-TAY',
        year: 2026,
        scheme: 'household',
        occurredAt: at('2025-12-20'),
      },
      WHO.insurance,
      { type: 'HealthInsuranceEnrolled', person: '058251000022' },
    );
    await record(
      '/social-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000023',
        commune: 'KH-BAC-AI-TAY',
        year: 2025,
        kind: 'compulsory',
        occurredAt: at('2025-08-12'),
      },
      WHO.insurance,
      { type: 'SocialInsuranceEnrolled', person: '058251000023' },
    );
    await record(
      '/unemployment-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000023',
        commune: 'KH-BAC-AI-TAY',
        year: 2025,
        occurredAt: at('2025-08-12'),
      },
      WHO.insurance,
      { type: 'UnemploymentInsuranceEnrolled', person: '058251000023' },
    );
    await record(
      '/clean-water-connections',
      {
        householdHeadCitizenId: '058251000024',
        commune: 'KH-BAC-AI-TAY',
        source: 'drilled_well',
        occurredAt: at('2025-09-09'),
      },
      WHO.tayCommittee,
      { type: 'CleanWaterConnected', person: '058251000024' },
    );
    await record(
      '/hygienic-latrines',
      {
        facilityKind: 'household',
        householdHeadCitizenId: '058251000025',
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2025-09-19'),
      },
      WHO.health,
      { type: 'HygienicLatrineCompleted', person: '058251000025' },
    );
    await record(
      '/job-placements',
      {
        workerCitizenId: '058251000026',
        employer: 'Công ty Điện gió Bác Ái',
        kind: 'domestic',
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2025-10-10'),
      },
      WHO.tayOffice,
      { type: 'JobPlaced', person: '058251000026' },
    );
    await record(
      '/allowance-grants',
      {
        beneficiaryCitizenId: '058251000027',
        programme: 'tro-cap-huu-tri-xa-hoi',
        monthlyAmountVnd: 500_000,
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2025-08-08'),
      },
      WHO.tayOffice,
      { type: 'AllowanceGranted', person: '058251000027' },
    );
    await record(
      '/policy-loans',
      {
        borrowerCitizenId: '058251000028',
        programme: 'ho-can-ngheo',
        amountVnd: 40_000_000,
        termMonths: 60,
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2025-10-20'),
      },
      WHO.bank,
      { type: 'PolicyLoanDisbursed', person: '058251000028' },
    );
    await record(
      '/remains-cases',
      { site: 'Suối Đá, xã Bác Ái Đông', commune: 'KH-BAC-AI-DONG', occurredAt: at('2025-08-01') },
      WHO.military,
      { type: 'RemainsCaseOpened', person: null },
    );
    await record(
      '/measurements',
      {
        indicatorKey: 'child_stunting_under5',
        orgUnit: 'KH-BAC-AI-DONG',
        period: '2025',
        value: 19.0,
        method: 'survey',
        source: 'Điều tra dinh dưỡng 12/2025',
        occurredAt: at('2025-12-05'),
      },
      WHO.health,
      { type: 'MeasurementRecorded', commune: 'KH-BAC-AI-DONG', person: null },
    );
    await record(
      '/subsidy-payments',
      {
        beneficiaryCitizenId: person.d,
        programme: 'tro-cap-xa-hoi',
        period: '2025-11',
        amountVnd: 500_000,
        method: 'e_wallet',
        commune: 'KH-BAC-AI-DONG',
        occurredAt: at('2025-11-25'),
      },
      WHO.dongOffice,
      { type: 'SubsidyPaid', person: person.d },
    );
    // Paid at 01:00 on 1 January 2026 in Bác Ái: it counts in 2026.
    await record(
      '/subsidy-payments',
      {
        beneficiaryCitizenId: person.d,
        programme: 'tro-cap-xa-hoi',
        period: '2025-12',
        amountVnd: 500_000,
        method: 'bank',
        commune: 'KH-BAC-AI-DONG',
        occurredAt: '2025-12-31T18:00:00Z',
      },
      WHO.dongOffice,
      { type: 'SubsidyPaid', person: person.d },
    );

    // The suite's own data: each action on a unit and by an agency in force on its day.
    const outOfForce = facts
      .filter((f) => !unitInForce(f.commune, f.day) || !agencyInForce(f.agency, f.day))
      .map((f) => `${f.type} ${f.commune} ${f.agency} ${f.day}`);
    expect(outOfForce).toEqual([]);
    expect(facts.some((f) => f.day < REFORM_DAY) && facts.some((f) => f.day >= REFORM_DAY)).toBe(true);
  }, 120_000);

  it('withdraws a housing case (ineligible): it leaves every count it was in', async () => {
    await housing.step(
      ids.cCase,
      'withdrawals',
      'HousingCaseWithdrawn',
      { grounds: 'ineligible', reason: 'Hộ không thuộc diện nghèo theo rà soát 2025' },
      '2025-04-20',
      WHO.labour,
    );
    withdrawnCases.add(ids.cCase);
    await untilProjected(ledger);
    for (const key of ['housing_cases_registered', 'housing_funding_approved_vnd']) {
      const want = expected(key, ['BA-PHUOC-TAN'], [], '2025-12-31');
      // Nothing else was recorded for housing there: the case's registration and funding are out, to 0.
      expect([key, want.value]).toEqual([key, 0]);
      expect([key, (await read(key, 'BA-PHUOC-TAN', '2025-12-31')).progress.value]).toEqual([
        key,
        want.value,
      ]);
    }
  });

  it('has recorded every event type of every action of the catalogue (GET /actions)', async () => {
    const catalogue = (await ledger.http().get('/actions').expect(200)).body.actions as Array<{
      name: string;
      eventTypes: Array<{ type: string }>;
    }>;
    expect(catalogue.length).toBeGreaterThanOrEqual(14);
    const recordedTypes = new Set(facts.map((f) => f.type));
    const missing = catalogue.flatMap((action) =>
      action.eventTypes.filter((e) => !recordedTypes.has(e.type)).map((e) => `${action.name}: ${e.type}`),
    );
    expect(missing).toEqual([]);
  });

  it('refuses a measurement whose indicator is not in the plan, naming indicatorKey, and appends nothing', async () => {
    const before = (await ledger.http().get('/health').expect(200)).body.eventStore.headPosition as number;
    const res = await send(
      '/measurements',
      {
        indicatorKey: 'ty_le_tre_suy_dinh_duong',
        orgUnit: 'BA-PHUOC-DAI',
        period: '2025',
        value: 20,
        method: 'survey',
        source: 'Điều tra 2025',
        occurredAt: at('2025-06-21'),
      },
      WHO.health,
    );
    expect([res.status, res.body.field, res.body.code]).toEqual([400, 'indicatorKey', 'INDICATOR_UNKNOWN']);
    expect((await ledger.http().get('/health').expect(200)).body.eventStore.headPosition).toBe(before);
  });

  it('refuses a write naming an ended org unit or agency after 1 July 2025 with a 409 naming the successor, appending nothing', async () => {
    const before = (await ledger.http().get('/health').expect(200)).body.eventStore.headPosition as number;
    // An agency in force (social insurance) names an old commune on a day after its end.
    const oldCommune = 'BA-PHUOC-BINH';
    const successor = REORGANISATION.crosswalk.find((r) => r.from === oldCommune)!.to;
    const card = await send(
      '/health-insurance-enrolments',
      {
        beneficiaryCitizenId: '058251000090',
        commune: oldCommune,
        year: 2025,
        scheme: 'poor',
        occurredAt: at('2025-08-05'),
      },
      WHO.insurance,
    );
    expect([card.status, JSON.stringify(card.body).includes(successor)]).toEqual([409, true]);
    // An ended agency (the district labour office) records on a new commune after its end.
    const { successions } = seed<{
      successions: Array<{
        predecessor: string;
        successors: Array<{ agency: string; orgUnits: string[] | null }>;
      }>;
    }>('agencies.json');
    const heir = successions
      .find((s) => s.predecessor === 'LDTBXH-BAC-AI')!
      .successors.find((s) => (s.orgUnits ?? []).some((u) => madeFrom('KH-BAC-AI-TAY').includes(u)))!.agency;
    const grant = await send(
      '/allowance-grants',
      {
        beneficiaryCitizenId: '058251000091',
        programme: 'tro-cap-xa-hoi',
        monthlyAmountVnd: 500_000,
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2025-08-06'),
      },
      officer('LDTBXH-BAC-AI', 'can-bo-ldtbxh-01', [DISTRICT, 'KH-BAC-AI-TAY']),
    );
    expect([grant.status, JSON.stringify(grant.body).includes(heir)]).toEqual([409, true]);
    expect((await ledger.http().get('/health').expect(200)).body.eventStore.headPosition).toBe(before);
  });

  it('counts a household registered a second time once', async () => {
    await housing.register(person.b, 'BA-PHUOC-HOA', '2025-03-03', WHO.labour);
    expect(facts.filter((f) => f.type === 'HousingCaseRegistered' && f.person === person.b)).toHaveLength(2);
    await untilProjected(ledger);
    const registrations = facts.filter(
      (f) => f.type === 'HousingCaseRegistered' && f.commune === 'BA-PHUOC-HOA',
    );
    const households = expected('housing_cases_registered', ['BA-PHUOC-HOA'], [], '2025-12-31').value;
    expect(households).toBe(registrations.length - 1);
    expect((await read('housing_cases_registered', 'BA-PHUOC-HOA', '2025-12-31')).progress.value).toBe(
      households,
    );
  });

  it('corrects: a payment retracted and a house amended by the labour office, with reasons', async () => {
    const retraction = await send(
      '/corrections',
      {
        correctsEventId: ids.paidApril,
        kind: 'retraction',
        reason: 'Chi trùng kỳ, đã thu hồi',
        occurredAt: at('2025-05-10'),
      },
      WHO.labourHead,
    );
    expect(retraction.status).toBe(201);
    retracted.add(ids.paidApril);
    corrections.push({ agency: 'LDTBXH-BAC-AI', kind: 'retraction' });
    const amendment = await send(
      '/corrections',
      {
        correctsEventId: ids.bCompleted,
        kind: 'amendment',
        changes: { floorAreaM2: 36 },
        reason: 'Đo lại diện tích sàn',
        occurredAt: at('2025-06-25'),
      },
      WHO.labourHead,
    );
    expect(amendment.status).toBe(201);
    amended.set(ids.bCompleted, { floorAreaM2: 36 });
    corrections.push({ agency: 'LDTBXH-BAC-AI', kind: 'amendment' });
  });

  it('four eyes: verifications, a correction proposed and approved by a second person, a report approved', async () => {
    for (const [eventId, day] of [
      [ids.aCompleted, '2025-06-01'],
      [ids.sCompleted, '2025-12-01'],
    ] as const) {
      const res = await send(
        `/events/${eventId}/verifications`,
        {
          method: 'field_visit',
          evidence: [
            { ref: `BB-KT-${day}`, sha256: 'c'.repeat(64), description: 'biên bản kiểm tra thực địa' },
          ],
          occurredAt: at(day),
        },
        WHO.inspector,
      );
      expect(res.status).toBe(201);
      verifiedEvents.add(eventId);
    }
    const proposed = await send(
      '/corrections',
      {
        correctsEventId: ids.sCompleted,
        kind: 'amendment',
        changes: { floorAreaM2: 48 },
        reason: 'Biên bản nghiệm thu ghi 48 m²',
        occurredAt: at('2025-12-10'),
      },
      WHO.tayHead,
    );
    expect(proposed.status).toBe(202);
    const approved = await send(
      `/corrections/${proposed.body.proposalId}/approvals`,
      { occurredAt: at('2025-12-12') },
      WHO.inspector2,
    );
    expect(approved.status).toBe(201);
    amended.set(ids.sCompleted, { floorAreaM2: 48 });
    corrections.push({ agency: 'VHXH-XA-BAC-AI-TAY', kind: 'amendment' });

    await untilProjected(ledger);
    const report = await ledger.http().get('/report-approvals/houses_built/KH-BAC-AI-TAY/2025').expect(200);
    const approval = await send(
      '/report-approvals',
      {
        indicatorKey: 'houses_built',
        orgUnit: 'KH-BAC-AI-TAY',
        period: '2025',
        figuresDigest: report.body.current.figuresDigest,
        occurredAt: at('2026-01-15'),
      },
      WHO.tayChair,
    );
    expect(approval.status).toBe(201);
    approvedReports.push({
      key: 'houses_built',
      orgUnit: 'KH-BAC-AI-TAY',
      period: '2025',
      recordedOn: ['KH-BAC-AI-TAY', ...madeFrom('KH-BAC-AI-TAY')],
    });
  });

  // ---------------------------------------------------------------- figures
  const read = async (key: string, orgUnit: string, asOf: string) => {
    const res = await ledger.http().get(`/indicators/${key}?orgUnit=${orgUnit}&asOf=${asOf}`);
    if (res.status !== 200)
      throw new Error(`${key} ${orgUnit} ${asOf}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as {
      progress: Figure;
      assurance: Record<string, Figure | null>;
      series: Array<Figure & { month: string }>;
    };
  };
  const figureOf = (f: Figure) => ({ value: f.value, numerator: f.numerator, denominator: f.denominator });

  const TAY = 'KH-BAC-AI-TAY';
  const DONG = 'KH-BAC-AI-DONG';
  /** Boundaries read: [org unit, units whose actions count, old communes whose baselines count]. */
  const boundaries: Array<[string, string[], string[]]> = [
    ['BA-PHUOC-BINH', ['BA-PHUOC-BINH'], ['BA-PHUOC-BINH']],
    [TAY, [TAY, ...madeFrom(TAY)], madeFrom(TAY)],
    [DONG, [DONG, ...madeFrom(DONG)], madeFrom(DONG)],
    // The district read after its end holds only what was recorded on it and its former communes; the plan
    // area holds everything within it, old and new, on any date.
    [DISTRICT, [DISTRICT, ...OLD_COMMUNES], OLD_COMMUNES],
    [PLAN_AREA, [PLAN_AREA, ...PLAN_AREA_UNITS], OLD_COMMUNES],
  ];
  const KEYS = [
    'houses_built',
    'housing_cases_registered',
    'housing_funding_approved_vnd',
    'houses_handed_over',
    'housing_floor_area_per_person',
    'health_insurance_coverage',
    'social_insurance_coverage',
    'unemployment_insurance_coverage',
    'clean_water_households',
    'hygienic_latrine_households',
    'hygienic_latrine_schools',
    'trained_labour_certified_rate',
    'vocational_trainees_enrolled',
    'martyrs_remains_recovered',
    'martyrs_remains_identified',
    'martyrs_remains_reburied',
    'jobs_placed',
    'overseas_contract_workers',
    'policy_loans_disbursed',
    'policy_credit_disbursed_vnd',
    'social_allowances_granted',
    'retirement_age_income_coverage',
    'care_allowance_poor_households',
    'disability_allowances_granted',
    'social_support_paid_vnd',
    'cashless_payment_share',
  ];

  it('every figure, on the old commune, the new communes, the district and the plan area, at mid-year and year end', async () => {
    await untilProjected(ledger);
    const wrong: string[] = [];
    for (const asOf of ['2025-06-30', '2025-12-31', '2026-01-01'])
      for (const [unit, recordedOn, baselineOf] of boundaries)
        for (const key of KEYS) {
          const want = expected(key, recordedOn, baselineOf, asOf);
          const got = figureOf((await read(key, unit, asOf)).progress);
          if (JSON.stringify(got) !== JSON.stringify(want))
            wrong.push(`${key} ${unit} ${asOf}: expected ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
        }
    expect(wrong).toEqual([]);

    // A measured indicator: the latest measurement of the unit itself recorded by then (the plan's `latest`).
    const stunting = indicator('child_stunting_under5');
    expect([stunting.kind, stunting.aggregation]).toEqual(['measured', 'latest']);
    for (const [unit, asOf] of [
      ['BA-PHUOC-DAI', '2025-06-30'],
      ['BA-PHUOC-DAI', '2025-12-31'],
      [DONG, '2025-12-31'],
    ] as const) {
      const latest = standing()
        .filter(
          (f) =>
            f.type === 'MeasurementRecorded' &&
            f.data.indicatorKey === stunting.key &&
            f.commune === unit &&
            f.day <= asOf,
        )
        .pop();
      expect(latest).toBeDefined();
      expect([unit, asOf, (await read(stunting.key, unit, asOf)).progress.value]).toEqual([
        unit,
        asOf,
        latest!.data.value,
      ]);
    }
  }, 120_000);

  it('asOf mid-year counts only what happened by then; a card of November and a payment of New Year night do not', async () => {
    await untilProjected(ledger);
    const coverage = indicator('health_insurance_coverage');
    expect([coverage.kind, coverage.aggregation]).toEqual(['ratio', 'per_year']);
    for (const asOf of ['2025-06-30', '2025-11-09', '2025-11-10', '2025-12-31', '2026-06-30']) {
      const want = expected(coverage.key, [TAY, ...madeFrom(TAY)], madeFrom(TAY), asOf);
      expect([asOf, figureOf((await read(coverage.key, TAY, asOf)).progress)]).toEqual([asOf, want]);
    }
    // The payment at 2025-12-31T18:00:00Z is on 1 January 2026 in Bác Ái.
    const newYear = facts.find((f) => f.type === 'SubsidyPaid' && f.data.period === '2025-12')!;
    expect(newYear.day).toBe('2026-01-01');
    for (const asOf of ['2025-12-31', '2026-01-01']) {
      const want = expected('social_support_paid_vnd', [DONG, ...madeFrom(DONG)], madeFrom(DONG), asOf);
      expect([asOf, figureOf((await read('social_support_paid_vnd', DONG, asOf)).progress)]).toEqual([
        asOf,
        want,
      ]);
    }
    const paidIn2025 = expected(
      'social_support_paid_vnd',
      [DONG, ...madeFrom(DONG)],
      [],
      '2025-12-31',
    ).value!;
    const paidBy2026 = expected(
      'social_support_paid_vnd',
      [DONG, ...madeFrom(DONG)],
      [],
      '2026-01-01',
    ).value!;
    expect(paidBy2026 - paidIn2025).toBe(newYear.data.amountVnd);
  });

  it('the monthly series: each month-end figure as the plan defines it', async () => {
    await untilProjected(ledger);
    for (const [key, unit, recordedOn, baselineOf] of [
      ['houses_built', TAY, [TAY, ...madeFrom(TAY)], madeFrom(TAY)],
      ['health_insurance_coverage', TAY, [TAY, ...madeFrom(TAY)], madeFrom(TAY)],
      ['social_support_paid_vnd', DONG, [DONG, ...madeFrom(DONG)], madeFrom(DONG)],
    ] as const) {
      const { series } = await read(key, unit, '2026-01-31');
      const months = series.filter((point) => point.month >= '2025-01');
      expect(months.map((p) => p.month)).toEqual([
        ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
        '2026-01',
      ]);
      for (const point of months) {
        const [year, month] = point.month.split('-').map(Number);
        const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
        expect([key, point.month, figureOf(point)]).toEqual([
          key,
          point.month,
          expected(key, [...recordedOn], [...baselineOf], monthEnd),
        ]);
      }
    }
  });

  it('assurance after four eyes: claimed, verified by a second person, official as approved', async () => {
    await untilProjected(ledger);
    for (const report of approvedReports) {
      const yearEnd = `${report.period}-12-31`;
      const claimed = expected(report.key, report.recordedOn, [], yearEnd).value;
      // Verified: the standing actions behind the figure that a second person checked (one per household).
      const verified = new Set(
        standing()
          .filter((f) => verifiedEvents.has(f.eventId) && report.recordedOn.includes(f.commune))
          .map((f) => f.person),
      ).size;
      expect(verified).toBeLessThan(claimed!);
      const { assurance } = await read(report.key, report.orgUnit, yearEnd);
      expect(assurance.claimed?.value).toBe(claimed);
      expect(assurance.verified?.value).toBe(verified);
      // Official: the verified figures inside the approved report, which nothing changed since.
      expect(assurance.official?.value).toBe(verified);
      const standingReport = await ledger
        .http()
        .get(`/report-approvals/${report.key}/${report.orgUnit}/${report.period}`)
        .expect(200);
      expect(standingReport.body.status).toBe('approved');
    }
    // Where no report was approved, nothing is official.
    const dong = await read('houses_built', DONG, '2025-12-31');
    expect(dong.assurance.official).toBeNull();
  });

  type Trail = {
    actions: Record<string, { recorded: number; amendments: number; retractions: number }>;
    correctionsMade: { total: number; amendments: number; retractions: number };
    correctionsApproved: { total: number };
  };
  const trailOf = async (agency: string) =>
    (await ledger.http().get(`/agencies/${agency}/trail?asOf=2026-12-31`).expect(200)).body.trail as Trail;

  it('the agency trail of the recording agencies: actions by type, corrections made and received', async () => {
    await untilProjected(ledger);
    for (const agency of ['LDTBXH-BAC-AI', 'VHXH-XA-BAC-AI-TAY']) {
      const trail = await trailOf(agency);
      const own = facts.filter((f) => f.agency === agency);
      for (const type of new Set(own.map((f) => f.type))) {
        const ofType = own.filter((f) => f.type === type);
        expect([agency, type, trail.actions[type]]).toEqual([
          agency,
          type,
          expect.objectContaining({
            recorded: ofType.length,
            retractions: ofType.filter((f) => retracted.has(f.eventId)).length,
            amendments: ofType.filter((f) => amended.has(f.eventId)).length,
          }),
        ]);
      }
      const made = corrections.filter((c) => c.agency === agency);
      expect([agency, trail.correctionsMade]).toEqual([
        agency,
        expect.objectContaining({
          total: made.length,
          amendments: made.filter((c) => c.kind === 'amendment').length,
          retractions: made.filter((c) => c.kind === 'retraction').length,
        }),
      ]);
    }
    // The second person approved the four-eyes correction: the inspectorate's trail counts it as approved.
    expect((await trailOf('THANHTRA-BAC-AI')).correctionsApproved.total).toBe(1);
  });

  it("the beneficiaries' history: housing funded and loans, amounts as recorded", async () => {
    await untilProjected(ledger);
    const people = [person.a, person.b, person.s, person.d, '058251000007', '058251000009'];
    for (const citizenId of people) {
      const history = (
        await ledger
          .http()
          .get(`/beneficiaries/${citizenId}/history`)
          .query({ reason: 'Thanh tra hồ sơ hỗ trợ năm 2025' })
          .expect(200)
      ).body as {
        totals: { housingFundedVnd: number; loansVnd: number; paidVnd: number; retracted: number };
        housingCases: Array<{ caseId: string; fundedVnd: number }>;
        supports: Array<{ eventId: string; amountVnd: number | null }>;
      };
      const mine = standing().filter((f) => f.person === citizenId);
      const total = (type: string) =>
        mine.filter((f) => f.type === type).reduce((sum, f) => sum + Number(f.data.amountVnd), 0);
      const cases = new Set(mine.filter((f) => f.type === 'HousingCaseRegistered').map((f) => f.caseId));
      expect([citizenId, history.totals]).toEqual([
        citizenId,
        expect.objectContaining({
          housingFundedVnd: total('HousingFundingApproved'),
          loansVnd: total('PolicyLoanDisbursed'),
          paidVnd: total('SubsidyPaid'),
          retracted: facts.filter((f) => f.person === citizenId && retracted.has(f.eventId)).length,
        }),
      ]);
      expect(history.housingCases.map((c) => c.caseId).sort()).toEqual([...cases].sort());
      // Every support that has an amount shows it, as the officer recorded it.
      for (const support of history.supports) {
        const fact = facts.find((f) => f.eventId === support.eventId);
        if (!fact || fact.type === 'HousingCaseRegistered') continue;
        const amount = fact.data.amountVnd ?? fact.data.monthlyAmountVnd;
        expect([fact.type, support.amountVnd]).toEqual([fact.type, amount]);
      }
    }
    expect(facts.filter((f) => people.includes(f.person ?? '') && f.data.monthlyAmountVnd).length).toBe(2);
  });

  /** Every figure this suite reads, as served: to compare before and after a restart and a rebuild. */
  async function everything() {
    await untilProjected(ledger);
    const figures: Record<string, unknown> = {};
    for (const asOf of ['2025-06-30', '2025-12-31', '2026-01-01'])
      for (const [unit] of boundaries)
        for (const key of KEYS) {
          const { progress, assurance, series } = await read(key, unit, asOf);
          figures[`${key} ${unit} ${asOf}`] = {
            progress: figureOf(progress),
            assurance,
            series: series.map((p) => ({ month: p.month, ...figureOf(p) })),
          };
        }
    for (const agency of ['LDTBXH-BAC-AI', 'VHXH-XA-BAC-AI-TAY', 'THANHTRA-BAC-AI'])
      figures[`trail ${agency}`] = await trailOf(agency);
    return figures;
  }

  it('after a restart on the same data directory and a rebuild of every projection, every figure is the same', async () => {
    const before = await everything();
    await ledger.restart();
    const restarted = await everything();
    expect(restarted).toEqual(before);
    const runner = ledger.app.get<ProjectionRunner>(PROJECTION_RUNNER, { strict: false });
    const rebuilt = await runner.rebuildAll();
    expect(rebuilt.length).toBe(runner.projectionNames.length);
    const after = await everything();
    expect(after).toEqual(before);
    // And still the plan's figures.
    for (const [unit, recordedOn, baselineOf] of boundaries)
      for (const key of KEYS)
        expect([key, unit, (after[`${key} ${unit} 2025-12-31`] as { progress: Figure }).progress]).toEqual([
          key,
          unit,
          expected(key, recordedOn, baselineOf, '2025-12-31'),
        ]);
  }, 180_000);
});
