// The disability allowance, an action added by its folder and one entry in ACTIONS: recorded over HTTP through
// the route made from its descriptor, refused a second time for the same person, shown in the person's
// beneficiary history, and listed in the public catalogue of actions.
import { post, untilProjected } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';

describe('disability allowance over HTTP', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  const allowance = {
    beneficiaryCitizenId: '058200003001',
    commune: 'BA-PHUOC-DAI',
    severity: 'especially_severe',
    monthlyAmountVnd: 900_000,
    decisionNo: '123/QĐ-UBND',
    occurredAt: at('2026-03-02'),
  };

  it('records it once per beneficiary and shows it in the beneficiary history', async () => {
    const id = 'd0c5a1e2-7b3f-4c8d-9e0a-1b2c3d4e5f60';
    const first = await post(
      ledger,
      '/disability-allowances',
      { id, ...allowance },
      officer('LDTBXH-BAC-AI'),
    );
    expect(first.status).toBe(201);
    expect(first.body.eventIds).toEqual([id]);
    const ref = /^disability-allowance-(b-[0-9a-f]{32})$/.exec(first.body.stream as string)![1];

    // A stream named by a person is read with a reason, and the read is recorded.
    const stream = await ledger
      .http()
      .get(`/streams/${first.body.stream}`)
      .query({ reason: 'Kiểm tra trợ cấp khuyết tật vừa ghi nhận' })
      .expect(200);
    expect(stream.body.events).toHaveLength(1);
    expect(stream.body.events[0]).toMatchObject({
      type: 'DisabilityAllowanceGranted',
      data: {
        // Without an allowanceId of its own, the allowance takes the client's event id.
        allowanceId: id,
        beneficiaryRef: ref,
        commune: 'BA-PHUOC-DAI',
        severity: 'especially_severe',
        monthlyAmountVnd: 900_000,
        decisionNo: '123/QĐ-UBND',
      },
    });
    expect(JSON.stringify(stream.body)).not.toContain('058200003001');

    const again = await post(
      ledger,
      '/disability-allowances',
      { ...allowance, severity: 'severe', decisionNo: '200/QĐ-UBND' },
      officer('LDTBXH-BAC-AI'),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DISABILITY_ALLOWANCE_ALREADY_GRANTED');

    await untilProjected(ledger);
    const history = await ledger
      .http()
      .get(`/beneficiaries/${ref}/history`)
      .query({ reason: 'Kiểm tra hồ sơ trợ cấp người khuyết tật' })
      .expect(200);
    expect(history.body.supports).toHaveLength(1);
    expect(history.body.supports[0]).toMatchObject({
      type: 'DisabilityAllowanceGranted',
      family: 'disability-allowance',
      programme: 'disability-allowance',
      period: '2026',
      amountVnd: 900_000,
      amountKind: 'monthly',
      commune: 'BA-PHUOC-DAI',
      agency: 'LDTBXH-BAC-AI',
    });
    expect(history.body.flagged).toBe(false);
  });

  it('refuses a body its request class refuses, naming the field', async () => {
    const res = await post(
      ledger,
      '/disability-allowances',
      { ...allowance, beneficiaryCitizenId: '058200003002', severity: 'mild' },
      officer('LDTBXH-BAC-AI'),
    );
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('severity');
  });

  it('is recorded only by the agency recording-rights.json names for it', async () => {
    const res = await post(
      ledger,
      '/disability-allowances',
      { ...allowance, beneficiaryCitizenId: '058200003003' },
      officer('BHXH-BAC-AI'),
    );
    expect(res.status).toBe(403);
  });

  it('is listed in GET /actions with its labels, route and fields', async () => {
    const res = await ledger.anonymous().get('/actions').expect(200);
    interface Listed {
      name: string;
      label: { vi: string; en: string };
      commands: Array<{ method: string; path: string; fields: Array<{ name: string }> }>;
      eventTypes: Array<{ type: string }>;
    }
    const action = (res.body.actions as Listed[]).find((a) => a.name === 'disability-allowance');
    expect(action).toBeDefined();
    expect(action!.label).toEqual({
      vi: 'Trợ cấp xã hội hằng tháng cho người khuyết tật',
      en: 'Disability allowance',
    });
    expect(action!.commands).toHaveLength(1);
    expect(action!.commands[0]).toMatchObject({ method: 'POST', path: '/disability-allowances' });
    const severity = action!.commands[0].fields.find((f) => f.name === 'severity');
    expect(severity).toMatchObject({ type: 'enum', required: true, values: ['severe', 'especially_severe'] });
    expect(action!.eventTypes.map((e) => e.type)).toEqual(['DisabilityAllowanceGranted']);
  });
});
