// A housing case withdrawn before its house is built (ineligible, moved away, duplicate): the withdrawal is
// an event with its grounds and reason, the case takes no more steps, its open step closes, and it leaves
// every count it was in (indicator progress, the agency's open steps, the household's history).
import { housingCaseAt, post, untilProjected } from './support/ledger-client';
import { at, startTestLedger, type TestLedger } from './support/test-app';

const COMMUNE = 'KH-BAC-AI-DONG';
const FUNDING_VND = 60_000_000; // what housingCaseAt approves for a funded case

describe('withdrawing a housing case over HTTP', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger({ seed: true });
  }, 60_000);
  afterAll(() => ledger.close());

  const figure = async (key: string) => {
    await untilProjected(ledger);
    const res = await ledger.http().get(`/indicators/${key}?orgUnit=${COMMUNE}&asOf=2026-12-31`).expect(200);
    return res.body.progress.value as number | null;
  };

  it('closes the case, refuses its next steps and takes it out of every count', async () => {
    // Two households: one case under construction (to be withdrawn), one only registered.
    const withdrawnCase = await housingCaseAt(ledger, 'started', '058200000901', COMMUNE);
    const keptCase = await housingCaseAt(ledger, 'registered', '058200000902', COMMUNE);
    const cases = [
      { id: withdrawnCase, fundedVnd: FUNDING_VND, underConstruction: 1 },
      { id: keptCase, fundedVnd: 0, underConstruction: 0 },
    ];
    const counted = (list: typeof cases) => ({
      registered: list.length,
      fundedVnd: list.reduce((sum, c) => sum + c.fundedVnd, 0),
      underConstruction: list.reduce((sum, c) => sum + c.underConstruction, 0),
    });
    const figures = async () => ({
      registered: await figure('housing_cases_registered'),
      fundedVnd: await figure('housing_funding_approved_vnd'),
      underConstruction: await figure('houses_under_construction'),
    });
    expect(await figures()).toEqual(counted(cases));

    const url = `/housing-cases/${withdrawnCase}/withdrawals`;
    const reason = 'Hộ đã chuyển đến tỉnh khác sinh sống';
    const badGrounds = await post(ledger, url, { grounds: 'other', reason, occurredAt: at('2026-05-04') });
    expect(badGrounds.status).toBe(400);
    expect(badGrounds.body.field).toBe('grounds');
    const noReason = await post(ledger, url, { grounds: 'moved_away', occurredAt: at('2026-05-04') });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');

    const withdrawn = await post(ledger, url, {
      grounds: 'moved_away',
      reason,
      occurredAt: at('2026-05-04'),
    });
    expect(withdrawn.status).toBe(201);
    const stream = await ledger.http().get(`/streams/housing-case-${withdrawnCase}`).expect(200);
    const last = stream.body.events.at(-1);
    expect(last).toMatchObject({
      type: 'HousingCaseWithdrawn',
      data: { caseId: withdrawnCase, grounds: 'moved_away', reason },
    });

    // No next step on a withdrawn case, and nothing appended.
    const completion = await post(ledger, `/housing-cases/${withdrawnCase}/completions`, {
      floorAreaM2: 40,
      occupants: 4,
      occurredAt: at('2026-06-01'),
    });
    expect(completion.status).toBe(409);
    expect(completion.body.code).toBe('HOUSING_CASE_WITHDRAWN');
    const again = await ledger.http().get(`/streams/housing-case-${withdrawnCase}`).expect(200);
    expect(again.body.events).toHaveLength(stream.body.events.length);

    expect(await figures()).toEqual(counted(cases.filter((c) => c.id !== withdrawnCase)));

    const openSteps = await ledger.http().get('/agencies/VHXH-XA-BAC-AI-DONG/open-steps?limit=200').expect(200);
    const openCases = openSteps.body.items.map((s: { caseId: string }) => s.caseId);
    expect(openCases).toContain(keptCase);
    expect(openCases).not.toContain(withdrawnCase);

    const householdRef = stream.body.events[0].data.householdRef as string;
    const history = await ledger
      .http()
      .get(`/beneficiaries/${householdRef}/history`)
      .query({ reason: 'Thanh tra chuyên đề nhà ở 2026' })
      .expect(200);
    expect(history.body.totals).toMatchObject({ supports: 0, withdrawn: 1 });
  });
});
