// The 1 July 2025 reorganisation in force on writes, over HTTP: after its end, an action naming an ended
// commune or made by an ended agency is a 409 that names the successor and appends nothing; the same action
// dated before the end is accepted (late recording of an old action); the successor records it; a plan-wide
// measurement names the plan's area.
import { headPosition, post } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';
import { officer } from './support/tokens';

const OLD_COMMUNE = 'BA-PHUOC-BINH';
const NEW_COMMUNE = 'KH-BAC-AI-TAY';
const OLD_OFFICE = 'LDTBXH-BAC-AI';
const NEW_OFFICE = 'VHXH-XA-BAC-AI-TAY';
const PLAN_AREA = 'NT-BAC-AI';

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
});
