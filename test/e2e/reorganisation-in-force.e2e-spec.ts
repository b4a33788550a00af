// The 1 July 2025 reorganisation in force on writes, over HTTP: after its end, an action naming an ended
// commune or made by an ended agency is a 409 that names the successor and appends nothing; the same action
// dated before the end is accepted (late recording of an old action); the successor records it; a plan-wide
// measurement names the plan's area, and one naming the ended district is refused naming the plan area.
// Corrections, four-eyes approvals and target revisions are checked the same way, on the day they are made
// for the acting agency; the plan's lead on each day is the one the seeds name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headPosition, post, untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { officer, supervisor } from './support/tokens';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const PLAN = (
  JSON.parse(readFileSync(join(SEEDS, 'plan.json'), 'utf8')) as {
    plan: {
      orgUnit: string;
      reportingAgency: string;
      reportingAgencies: Array<{ agency: string; from: string; to: string | null }>;
    };
  }
).plan;
/** The plan's lead on a day, by the seeds' dated periods. */
const leadOn = (day: string) =>
  PLAN.reportingAgencies.find((l) => l.from <= day && (l.to === null || day <= l.to))!.agency;

const OLD_COMMUNE = 'BA-PHUOC-BINH';
const NEW_COMMUNE = 'KH-BAC-AI-TAY';
const OLD_OFFICE = 'LDTBXH-BAC-AI';
const NEW_OFFICE = 'VHXH-XA-BAC-AI-TAY';
const DISTRICT = 'NT-BAC-AI';
const PLAN_AREA = PLAN.orgUnit;

describe('the 2025 reorganisation in force on writes', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 60_000);
  afterAll(() => ledger.close());

  const register = (citizenId: string, commune: string, day: string, who: Record<string, string>) =>
    post(
      ledger,
      '/housing-cases',
      { householdHeadCitizenId: citizenId, commune, category: 'poor', occurredAt: at(day) },
      who,
    );
  const newOffice = () => officer(NEW_OFFICE, 'can-bo-xa-01', [NEW_COMMUNE]);

  it('refuses an action naming an ended commune after its end with 409 naming the successor, appending nothing', async () => {
    const before = await headPosition(ledger);
    const res = await register('058200000971', OLD_COMMUNE, '2026-02-10', newOffice());
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORG_UNIT_ENDED');
    expect(res.body.detail).toContain(NEW_COMMUNE);
    expect(res.body.instead).toEqual([NEW_COMMUNE]);
    expect(await headPosition(ledger)).toBe(before);
  });

  it('refuses an action by an ended agency after its end with 409 naming the agency its duties passed to', async () => {
    const before = await headPosition(ledger);
    const res = await register('058200000972', NEW_COMMUNE, '2026-02-10', officer(OLD_OFFICE));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('AGENCY_ENDED');
    expect(res.body.detail).toContain(NEW_OFFICE);
    expect(res.body.instead).toEqual([NEW_OFFICE]);
    expect(await headPosition(ledger)).toBe(before);
  });

  it('accepts the same action dated before the end (late recording of an old action)', async () => {
    const before = await headPosition(ledger);
    const res = await register('058200000971', OLD_COMMUNE, '2025-06-20', officer(OLD_OFFICE));
    expect(res.status).toBe(201);
    expect(await headPosition(ledger)).toBeGreaterThan(before);
  });

  it('lets the successor record it after the end, in the commune in force', async () => {
    const res = await register('058200000973', NEW_COMMUNE, '2026-02-10', newOffice());
    expect(res.status).toBe(201);
  });

  it('names the plan area as a unit of its own, not the ended district', () => {
    expect(PLAN_AREA).not.toBe(DISTRICT);
    // The district's People's Committee leads until the district ends; its successor after.
    expect(leadOn('2025-06-30')).toBe(PLAN.reportingAgency);
    expect(leadOn('2026-01-15')).not.toBe(PLAN.reportingAgency);
  });

  it('takes a plan-wide measurement naming the plan area after the district ended, and refuses one naming an ended commune', async () => {
    const measurement = (orgUnit: string) => ({
      indicatorKey: 'life_expectancy',
      orgUnit,
      period: '2026',
      value: 71.5,
      method: 'administrative_data',
      source: 'Niên giám thống kê 2026',
      occurredAt: at('2026-03-15'),
    });
    const health = officer('TTYT-BAC-AI', 'can-bo-yt-01', [PLAN_AREA]);
    const planWide = await post(ledger, '/measurements', measurement(PLAN_AREA), health);
    expect(planWide.status).toBe(201);
    const before = await headPosition(ledger);
    const ended = await post(ledger, '/measurements', measurement(OLD_COMMUNE), health);
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('ORG_UNIT_ENDED');
    expect(ended.body.detail).toContain(NEW_COMMUNE);
    expect(await headPosition(ledger)).toBe(before);
  });

  const measurement = (orgUnit: string, day: string, value: number) => ({
    indicatorKey: 'life_expectancy',
    orgUnit,
    period: day.slice(0, 4),
    value,
    method: 'administrative_data',
    source: `Niên giám thống kê ${day.slice(0, 4)}`,
    occurredAt: at(day),
  });
  const health = () => officer('TTYT-BAC-AI', 'can-bo-yt-02', [DISTRICT]);

  it('refuses a plan-wide write naming the ended district after its end with 409 naming the plan area; before it, accepts it', async () => {
    const before = await headPosition(ledger);
    const late = await post(ledger, '/measurements', measurement(DISTRICT, '2026-04-01', 71.6), health());
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ORG_UNIT_ENDED');
    expect(late.body.instead).toEqual([PLAN_AREA]);
    expect(late.body.detail).toContain(PLAN_AREA);
    expect(await headPosition(ledger)).toBe(before);
    // A measurement of the district dated before its end is recorded on it (late recording).
    const old = await post(ledger, '/measurements', measurement(DISTRICT, '2025-03-01', 70.9), health());
    expect(old.status).toBe(201);
  });

  it('reads the old district measurement on the district, and on the plan area only what names it', async () => {
    await untilProjected(ledger);
    const read = async (unit: string, asOf: string) =>
      (await ledger.http().get(`/indicators/life_expectancy?orgUnit=${unit}&asOf=${asOf}`).expect(200)).body
        .progress.value as number | null;
    // Recorded before the end on the district, it still reads there after the end.
    expect(await read(DISTRICT, '2026-12-31')).toBe(70.9);
    // The plan area's own measurement (recorded above, 2026) is its figure in 2026.
    expect(await read(PLAN_AREA, '2026-12-31')).toBe(71.5);
  });

  it('refuses a target revision by an agency that ended, naming the plan lead of the day; the lead of the day revises', async () => {
    const body = (day: string, value: number) => ({
      planId: 'bac-ai-nq42',
      target: {
        comparison: '>',
        value,
        deadline: '2030-12-31',
        planText: `hơn ${value} căn`,
        milestones: [],
      },
      reason: 'Nghị quyết điều chỉnh chỉ tiêu nhà ở',
      occurredAt: at(day),
    });
    const path = '/indicators/houses_built/target-revisions';
    const oldLead = supervisor(leadOn('2025-05-01'), 'pho-chu-tich-huyen');
    const newLead = supervisor(leadOn('2026-02-01'), 'pho-chu-tich-tinh');
    // Before the end, the district's People's Committee leads and revises.
    expect((await post(ledger, path, body('2025-05-01', 850), oldLead)).status).toBe(201);
    // After it, it acts no more: 409 naming the lead of the day, nothing appended.
    const before = await headPosition(ledger);
    const ended = await post(ledger, path, body('2026-02-01', 900), oldLead);
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('AGENCY_ENDED');
    expect(ended.body.instead).toEqual([leadOn('2026-02-01')]);
    // The indicator's lead (the district labour office) ended too: it names the plan's lead of the day.
    const labour = await post(ledger, path, body('2026-02-01', 900), supervisor(OLD_OFFICE, 'truong-phong'));
    expect(labour.status).toBe(409);
    expect(labour.body.instead).toEqual([leadOn('2026-02-01')]);
    expect(await headPosition(ledger)).toBe(before);
    expect((await post(ledger, path, body('2026-02-01', 900), newLead)).status).toBe(201);
  });

  it('refuses a correction made after the end by the ended agency, naming its successor; the successor corrects', async () => {
    const recorded = await register('058200000974', OLD_COMMUNE, '2025-06-10', officer(OLD_OFFICE));
    expect(recorded.status).toBe(201);
    const correction = (day: string) => ({
      correctsEventId: recorded.body.eventIds[0],
      kind: 'retraction',
      reason: 'Đăng ký trùng hộ, thu hồi',
      occurredAt: at(day),
    });
    const oldHead = supervisor(OLD_OFFICE, 'truong-phong-ldtbxh', [DISTRICT]);
    const before = await headPosition(ledger);
    const late = await post(ledger, '/corrections', correction('2026-03-01'), oldHead);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('AGENCY_ENDED');
    expect(late.body.instead).toEqual([NEW_OFFICE]);
    expect(await headPosition(ledger)).toBe(before);
    const bySuccessor = await post(
      ledger,
      '/corrections',
      correction('2026-03-01'),
      supervisor(NEW_OFFICE, 'truong-phong-vhxh', [NEW_COMMUNE]),
    );
    expect(bySuccessor.status).toBe(201);
  });

  it('approves plan-wide reports on the plan area by the lead of the day; refuses the ended district for a later period and an ended approver', async () => {
    await untilProjected(ledger);
    const figures = async (unit: string, period: string) =>
      (await ledger.http().get(`/report-approvals/life_expectancy/${unit}/${period}`).expect(200)).body
        .current.figuresDigest as string;
    const approve = async (unit: string, period: string, day: string, who: Record<string, string>) =>
      post(
        ledger,
        '/report-approvals',
        {
          indicatorKey: 'life_expectancy',
          orgUnit: unit,
          period,
          figuresDigest: await figures(unit, period),
          occurredAt: at(day),
        },
        who,
      );
    const lead = supervisor(leadOn('2026-04-20'), 'chu-tich-tinh', [PLAN_AREA]);
    const before = await headPosition(ledger);
    // A period that begins after the district's end (the first quarter of 2026) is reported on the plan area.
    const district = await approve(DISTRICT, '2026-Q1', '2026-04-20', lead);
    expect(district.status).toBe(409);
    expect(district.body.code).toBe('ORG_UNIT_ENDED');
    expect(district.body.instead).toEqual([PLAN_AREA]);
    // The district's People's Committee ended: it approves no more, and is told who leads.
    const ended = await approve(
      PLAN_AREA,
      '2026-Q1',
      '2026-04-20',
      supervisor(PLAN.reportingAgency, 'chu-tich-huyen', [DISTRICT]),
    );
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('AGENCY_ENDED');
    expect(ended.body.instead).toEqual([leadOn('2026-04-20')]);
    expect(await headPosition(ledger)).toBe(before);
    // The district's own 2025 (its period began while it was in force) and the plan area's first quarter of 2026.
    expect((await approve(DISTRICT, '2025', '2026-01-20', lead)).status).toBe(201);
    expect((await approve(PLAN_AREA, '2026-Q1', '2026-04-20', lead)).status).toBe(201);
  });
});
