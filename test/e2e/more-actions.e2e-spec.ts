// The actions for the plan's other targets (insurance, clean water, latrines, jobs, policy credit,
// allowances, measured rates), recorded end to end over HTTP on a real embedded store: each is one event
// with the agreed data, each duplicate is refused with its code, and corrections work on them unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correct, post as postAs } from './support/ledger-client';
import { at, officer, startTestLedger, type TestLedger } from './support/test-app';
import { supervisor } from './support/tokens';

/**
 * The agency that records each action in 2026 (seeds/recording-rights.json), unless a test says otherwise:
 * the district's agencies still in force, or the office of the commune the action names (its economic
 * office for clean water, its culture and social affairs office otherwise), which took over the ended
 * district offices' duties there on 1 July 2025.
 */
const RECORDED_BY: Record<string, string> = {
  '/health-insurance-enrolments': 'BHXH-BAC-AI',
  '/social-insurance-enrolments': 'BHXH-BAC-AI',
  '/unemployment-insurance-enrolments': 'BHXH-BAC-AI',
  '/hygienic-latrines': 'TTYT-BAC-AI',
  '/policy-loans': 'NHCSXH-BAC-AI',
  '/measurements': 'TTYT-BAC-AI',
};
const COMMUNE_OFFICES: Record<string, string> = {
  'KH-BAC-AI-DONG': 'XA-BAC-AI-DONG',
  'KH-BAC-AI': 'XA-BAC-AI',
  'KH-BAC-AI-TAY': 'XA-BAC-AI-TAY',
};
const recorderOf = (path: string, body: object): string => {
  const commune = (body as { commune?: string }).commune ?? 'KH-BAC-AI-DONG';
  const office = COMMUNE_OFFICES[commune] ?? 'XA-BAC-AI-DONG';
  return RECORDED_BY[path] ?? `${path === '/clean-water-connections' ? 'KT' : 'VHXH'}-${office}`;
};

const post = (ledger: TestLedger, path: string, body: object, headers?: Record<string, string>) =>
  postAs(ledger, path, body, headers ?? officer(recorderOf(path, body)));

const REF = /^b-[0-9a-f]{32}$/;
/** An id the client did not send defaults to a new UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('recording more actions over HTTP', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await startTestLedger();
  });
  afterAll(() => ledger.close());

  const streamOf = async (stream: string) =>
    (
      await ledger
        .http()
        .get(`/streams/${encodeURIComponent(stream)}`)
        .query({ reason: 'Kiểm tra kết quả ghi nhận trong bộ kiểm thử' })
        .expect(200)
    ).body;
  const onlyEvent = async (stream: string) => {
    const body = await streamOf(stream);
    expect(body.events).toHaveLength(1);
    return body.events[0];
  };

  describe('health insurance', () => {
    const enrolment = {
      beneficiaryCitizenId: '058200001001',
      commune: 'KH-BAC-AI-DONG',
      scheme: 'ethnic_minority_area',
      year: 2026,
      occurredAt: at('2026-01-05'),
    };

    it('enrols a beneficiary once per year', async () => {
      const first = await post(ledger, '/health-insurance-enrolments', enrolment, officer('BHXH-BAC-AI'));
      expect(first.status).toBe(201);
      expect(first.body.stream).toMatch(/^health-insurance-enrolment-b-[0-9a-f]{32}-2026$/);
      const event = await onlyEvent(first.body.stream);
      expect(event.type).toBe('HealthInsuranceEnrolled');
      expect(event.data).toEqual({
        enrolmentId: expect.stringMatching(UUID),
        beneficiaryRef: expect.stringMatching(REF),
        commune: 'KH-BAC-AI-DONG',
        scheme: 'ethnic_minority_area',
        year: 2026,
      });
      expect(event.metadata).toMatchObject({ orgUnit: 'KH-BAC-AI-DONG', actor: { agency: 'BHXH-BAC-AI' } });

      const twice = await post(ledger, '/health-insurance-enrolments', { ...enrolment, scheme: 'poor' });
      expect(twice.status).toBe(409);
      expect(twice.headers['content-type']).toContain('application/problem+json');
      expect(twice.body.code).toBe('HEALTH_INSURANCE_ALREADY_ENROLLED');

      const nextYear = await post(ledger, '/health-insurance-enrolments', {
        ...enrolment,
        year: 2027,
        occurredAt: at('2026-11-20'),
      });
      expect(nextYear.status).toBe(201);
    });

    it.each([
      ['an unknown scheme', { scheme: 'gold' }, 'scheme'],
      ['a year as text', { year: '2026' }, 'year'],
      ['a short citizen id', { beneficiaryCitizenId: '05820000' }, 'beneficiaryCitizenId'],
    ])('refuses %s with 400 naming the field', async (_name, change, field) => {
      const res = await post(ledger, '/health-insurance-enrolments', { ...enrolment, ...change });
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    });

    it('refuses a year far from the enrolment, naming the field', async () => {
      const res = await post(ledger, '/health-insurance-enrolments', {
        ...enrolment,
        beneficiaryCitizenId: '058200001002',
        year: 2030,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'YEAR_NOT_NEAR_OCCURRED_AT', field: 'year' });
    });
  });

  it('enrols in social insurance once per beneficiary and year', async () => {
    const enrolment = {
      beneficiaryCitizenId: '058200001101',
      commune: 'KH-BAC-AI-TAY',
      kind: 'voluntary',
      year: 2026,
      occurredAt: at('2026-02-01'),
    };
    const first = await post(ledger, '/social-insurance-enrolments', enrolment);
    expect(first.status).toBe(201);
    expect(first.body.stream).toMatch(/^social-insurance-enrolment-b-[0-9a-f]{32}-2026$/);
    expect((await onlyEvent(first.body.stream)).data).toEqual({
      enrolmentId: expect.stringMatching(UUID),
      beneficiaryRef: expect.stringMatching(REF),
      commune: 'KH-BAC-AI-TAY',
      kind: 'voluntary',
      year: 2026,
    });
    const twice = await post(ledger, '/social-insurance-enrolments', { ...enrolment, kind: 'compulsory' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SOCIAL_INSURANCE_ALREADY_ENROLLED');
  });

  it('enrols in unemployment insurance once per beneficiary and year', async () => {
    const enrolment = {
      beneficiaryCitizenId: '058200001101',
      commune: 'KH-BAC-AI-TAY',
      year: 2026,
      occurredAt: at('2026-02-01'),
    };
    const first = await post(ledger, '/unemployment-insurance-enrolments', enrolment);
    expect(first.status).toBe(201);
    expect(first.body.stream).toMatch(/^unemployment-insurance-enrolment-b-[0-9a-f]{32}-2026$/);
    expect((await onlyEvent(first.body.stream)).data).toEqual({
      enrolmentId: expect.stringMatching(UUID),
      beneficiaryRef: expect.stringMatching(REF),
      commune: 'KH-BAC-AI-TAY',
      year: 2026,
    });
    const twice = await post(ledger, '/unemployment-insurance-enrolments', enrolment);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('UNEMPLOYMENT_INSURANCE_ALREADY_ENROLLED');
  });

  it('connects a household to clean water once', async () => {
    const connection = {
      householdHeadCitizenId: '058200001201',
      commune: 'KH-BAC-AI',
      source: 'piped',
      occurredAt: at('2026-04-10'),
    };
    const first = await post(ledger, '/clean-water-connections', connection);
    expect(first.status).toBe(201);
    expect(first.body.stream).toMatch(/^clean-water-connection-b-[0-9a-f]{32}$/);
    expect((await onlyEvent(first.body.stream)).data).toEqual({
      connectionId: expect.stringMatching(UUID),
      householdRef: expect.stringMatching(REF),
      commune: 'KH-BAC-AI',
      source: 'piped',
    });
    const twice = await post(ledger, '/clean-water-connections', { ...connection, source: 'drilled_well' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CLEAN_WATER_ALREADY_CONNECTED');
  });

  describe('hygienic latrines', () => {
    it('records a household latrine under a reference, once', async () => {
      const latrine = {
        facilityKind: 'household',
        householdHeadCitizenId: '058200001301',
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2026-05-02'),
      };
      const first = await post(ledger, '/hygienic-latrines', latrine);
      expect(first.status).toBe(201);
      expect(first.body.stream).toMatch(/^hygienic-latrine-household-b-[0-9a-f]{32}$/);
      expect((await onlyEvent(first.body.stream)).data).toEqual({
        latrineId: expect.stringMatching(UUID),
        facilityKind: 'household',
        facilityRef: expect.stringMatching(REF),
        commune: 'KH-BAC-AI-TAY',
      });
      const twice = await post(ledger, '/hygienic-latrines', latrine);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('HYGIENIC_LATRINE_ALREADY_COMPLETED');
    });

    it('records a school latrine under its code', async () => {
      const res = await post(ledger, '/hygienic-latrines', {
        facilityKind: 'school',
        facilityCode: 'TH-PHUOC-HOA',
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2026-05-03'),
      });
      expect(res.status).toBe(201);
      expect(res.body.stream).toBe('hygienic-latrine-school-TH-PHUOC-HOA');
      expect((await onlyEvent(res.body.stream)).data).toMatchObject({
        facilityKind: 'school',
        facilityRef: 'TH-PHUOC-HOA',
      });
    });

    it.each([
      ['a household without the citizen id', { facilityKind: 'household' }, 'householdHeadCitizenId'],
      [
        'a household named by a code',
        { facilityKind: 'household', facilityCode: 'HGD-01', householdHeadCitizenId: '058200001302' },
        'facilityCode',
      ],
      [
        'a school named by a citizen id',
        { facilityKind: 'school', householdHeadCitizenId: '058200001303' },
        'householdHeadCitizenId',
      ],
      ['a health station without its code', { facilityKind: 'health_station' }, 'facilityCode'],
      [
        'a citizen id sent as a facility code',
        { facilityKind: 'health_station', facilityCode: '058200001304' },
        'facilityCode',
      ],
    ])('refuses %s with 400 naming the field', async (_name, facility, field) => {
      const res = await post(ledger, '/hygienic-latrines', {
        ...facility,
        commune: 'KH-BAC-AI-TAY',
        occurredAt: at('2026-05-03'),
      });
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    });
  });

  it('records job placements: one stream per placement, a worker placed more than once', async () => {
    const placement = {
      placementId: 'GQVL-2026-0042',
      workerCitizenId: '058200001401',
      commune: 'KH-BAC-AI-TAY',
      employer: 'Công ty May Ninh Thuận',
      kind: 'domestic',
      occurredAt: at('2026-04-15'),
    };
    const first = await post(ledger, '/job-placements', placement);
    expect(first.status).toBe(201);
    expect(first.body.stream).toBe('job-placement-GQVL-2026-0042');
    expect((await onlyEvent(first.body.stream)).data).toEqual({
      placementId: 'GQVL-2026-0042',
      workerRef: expect.stringMatching(REF),
      commune: 'KH-BAC-AI-TAY',
      employer: 'Công ty May Ninh Thuận',
      kind: 'domestic',
    });
    const twice = await post(ledger, '/job-placements', placement);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('JOB_PLACEMENT_ALREADY_RECORDED');

    const abroad = await post(ledger, '/job-placements', {
      ...placement,
      placementId: undefined,
      employer: 'Kobayashi Foods KK',
      kind: 'overseas_contract',
      occurredAt: at('2026-09-01'),
    });
    expect(abroad.status).toBe(201);
    expect(abroad.body.stream).toMatch(/^job-placement-[0-9a-f]{8}-[0-9a-f-]{27}$/);
  });

  it('records a policy loan once per loan', async () => {
    const loan = {
      loanId: 'NHCS-BA-2026-00117',
      borrowerCitizenId: '058200001501',
      commune: 'KH-BAC-AI',
      programme: 'ho-ngheo',
      amountVnd: 50_000_000,
      termMonths: 60,
      occurredAt: at('2026-03-20'),
    };
    const first = await post(ledger, '/policy-loans', loan, officer('NHCSXH-BAC-AI'));
    expect(first.status).toBe(201);
    expect(first.body.stream).toBe('policy-loan-NHCS-BA-2026-00117');
    expect((await onlyEvent(first.body.stream)).data).toEqual({
      loanId: 'NHCS-BA-2026-00117',
      borrowerRef: expect.stringMatching(REF),
      commune: 'KH-BAC-AI',
      programme: 'ho-ngheo',
      amountVnd: 50_000_000,
      termMonths: 60,
    });
    const twice = await post(ledger, '/policy-loans', loan);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('POLICY_LOAN_ALREADY_DISBURSED');

    const tooLong = await post(ledger, '/policy-loans', { ...loan, loanId: 'NHCS-2', termMonths: 241 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.field).toBe('termMonths');
  });

  it('grants an allowance once while it stands; a retraction allows a new grant', async () => {
    const grant = {
      beneficiaryCitizenId: '058200001601',
      programme: 'tro-cap-xa-hoi',
      monthlyAmountVnd: 500_000,
      commune: 'KH-BAC-AI-DONG',
      occurredAt: at('2026-02-01'),
    };
    const first = await post(ledger, '/allowance-grants', grant);
    expect(first.status).toBe(201);
    expect(first.body.stream).toMatch(/^allowance-grant-tro-cap-xa-hoi-b-[0-9a-f]{32}$/);
    expect((await onlyEvent(first.body.stream)).data).toEqual({
      grantId: expect.stringMatching(UUID),
      beneficiaryRef: expect.stringMatching(REF),
      programme: 'tro-cap-xa-hoi',
      monthlyAmountVnd: 500_000,
      commune: 'KH-BAC-AI-DONG',
    });

    const twice = await post(ledger, '/allowance-grants', { ...grant, monthlyAmountVnd: 750_000 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALLOWANCE_ALREADY_GRANTED');

    const retracted = await correct(ledger, {
      correctsEventId: first.body.eventIds[0],
      kind: 'retraction',
      reason: 'Quyết định trợ cấp bị thu hồi, cấp lại theo quyết định mới',
      occurredAt: at('2026-03-01'),
    });
    expect(retracted.status).toBe(201);
    expect(retracted.body.stream).toBe(first.body.stream);

    const again = await post(ledger, '/allowance-grants', { ...grant, occurredAt: at('2026-03-02') });
    expect(again.status).toBe(201);
    expect(again.body.stream).toBe(first.body.stream);
    expect(again.body.revision).toBe(2);
  });

  describe('measurements', () => {
    const figure = {
      indicatorKey: 'child_stunting_under5',
      orgUnit: 'KH-BAC-AI-DONG',
      period: '2026-Q1',
      value: 25,
      numerator: 50,
      denominator: 200,
      method: 'survey',
      source: 'Điều tra dinh dưỡng quý I/2026, TTYT huyện Bác Ái',
      occurredAt: at('2026-04-10'),
    };

    it('records a figure once per indicator, org unit and period, and amends a revised one', async () => {
      const first = await post(ledger, '/measurements', figure, officer('TTYT-BAC-AI'));
      expect(first.status).toBe(201);
      expect(first.body.stream).toBe('measurement-child_stunting_under5.KH-BAC-AI-DONG.2026-Q1');
      const recorded = await onlyEvent(first.body.stream);
      expect(recorded.type).toBe('MeasurementRecorded');
      expect(recorded.data).toEqual({
        measurementId: expect.stringMatching(UUID),
        indicatorKey: 'child_stunting_under5',
        orgUnit: 'KH-BAC-AI-DONG',
        period: '2026-Q1',
        value: 25,
        numerator: 50,
        denominator: 200,
        method: 'survey',
        source: 'Điều tra dinh dưỡng quý I/2026, TTYT huyện Bác Ái',
      });
      expect(recorded.metadata.orgUnit).toBe('KH-BAC-AI-DONG');

      const twice = await post(ledger, '/measurements', { ...figure, value: 24 });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('MEASUREMENT_ALREADY_RECORDED');

      const revised = await correct(
        ledger,
        {
          correctsEventId: recorded.id,
          kind: 'amendment',
          reason: 'Báo cáo điều tra được hiệu chỉnh sau khi cân đo lại',
          changes: { value: 22.5, numerator: 45, source: 'Báo cáo điều tra (bản hiệu chỉnh)' },
          occurredAt: at('2026-05-02'),
        },
        supervisor('TTYT-BAC-AI'),
      );
      expect(revised.status).toBe(201);
      const after = await streamOf(first.body.stream);
      expect(after.events).toHaveLength(2);
      expect(after.events[0]).toEqual(recorded);
      expect(after.events[1]).toMatchObject({
        type: 'EventCorrected',
        data: {
          correctsEventId: recorded.id,
          correctedType: 'MeasurementRecorded',
          kind: 'amendment',
          changes: { value: 22.5, numerator: 45, source: 'Báo cáo điều tra (bản hiệu chỉnh)' },
        },
      });

      const tooMany = await correct(
        ledger,
        {
          correctsEventId: recorded.id,
          kind: 'amendment',
          reason: 'denominator taken from the wrong table',
          changes: { denominator: 40 },
          occurredAt: at('2026-05-03'),
        },
        supervisor('TTYT-BAC-AI'),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.body).toMatchObject({
        code: 'NUMERATOR_EXCEEDS_DENOMINATOR',
        field: 'changes.denominator',
      });

      const period = await correct(
        ledger,
        {
          correctsEventId: recorded.id,
          kind: 'amendment',
          reason: 'the survey was for the second quarter',
          changes: { period: '2026-Q2' },
          occurredAt: at('2026-05-03'),
        },
        supervisor('TTYT-BAC-AI'),
      );
      expect(period.status).toBe(400);
      expect(period.body).toMatchObject({ code: 'FIELD_NOT_AMENDABLE', field: 'changes.period' });
    });

    it('records a figure without counts', async () => {
      const { numerator: _n, denominator: _d, ...withoutCounts } = figure;
      // A plan-wide figure of 2026 names the plan's area (the district ended on 1 July 2025), by the health
      // centre, left in force.
      const res = await post(
        ledger,
        '/measurements',
        { ...withoutCounts, orgUnit: 'PLAN-BAC-AI', period: '2025', method: 'administrative_data' },
        officer('TTYT-BAC-AI'),
      );
      expect(res.status).toBe(201);
      const event = await onlyEvent(res.body.stream);
      expect(event.data).not.toHaveProperty('numerator');
      expect(event.data).not.toHaveProperty('denominator');
    });

    it.each([
      ['a numerator above the denominator', { numerator: 201 }, 'numerator'],
      ['a zero denominator', { numerator: 0, denominator: 0 }, 'denominator'],
      ['a negative numerator', { numerator: -1 }, 'numerator'],
      ['a value as text', { value: '25' }, 'value'],
      ['an indicator key with capitals', { indicatorKey: 'Ty-Le' }, 'indicatorKey'],
      ['an indicator key that is not in the plan', { indicatorKey: 'ty-le-tre-suy-dinh-duong' }, 'indicatorKey'],
      ['a snake_case key that is not in the plan', { indicatorKey: 'ty_le_tre_suy_dinh_duong' }, 'indicatorKey'],
      ['an indicator counted from actions, not measured', { indicatorKey: 'houses_built' }, 'indicatorKey'],
      ['a period of a day', { period: '2026-04-10' }, 'period'],
      ['an unknown method', { method: 'guess' }, 'method'],
    ])('refuses %s with 400 naming the field', async (_name, change, field) => {
      const res = await post(ledger, '/measurements', { ...figure, orgUnit: 'KH-BAC-AI', ...change });
      expect(res.status).toBe(400);
      expect(res.body.field).toBe(field);
    });
  });

  it('never stores the citizen ids of these actions in clear', () => {
    const read = (name: string) => {
      try {
        return readFileSync(join(ledger.dataDir, name)).toString('latin1');
      } catch {
        return '';
      }
    };
    const raw = read('events.db') + read('events.db-wal');
    for (const id of ['058200001001', '058200001101', '058200001201', '058200001301', '058200001401'])
      expect(raw).not.toContain(id);
    for (const id of ['058200001501', '058200001601']) expect(raw).not.toContain(id);
  });
});
