import {
  BENEFICIARIES,
  BENEFICIARY_HOUSING,
  createBeneficiaryHistoryProjection,
  type BeneficiaryDoc,
  type HousingCaseSupportDoc,
} from './beneficiary-history.projection';
import { EventLog, project, projectionSpec } from './testing/projection-spec';
import { samplePlanModel } from './testing/sample-plan';

describe('beneficiary-history projection', () => {
  const history = createBeneficiaryHistoryProjection(samplePlanModel());
  const spec = projectionSpec(history);
  const ref = 'b-11111111aaaaaaaa22222222bbbbbbbb';

  const payment = (
    log: EventLog,
    programme: string,
    period: string,
    amountVnd: number,
    commune: string,
    options: { agency?: string; occurredAt?: string; method?: string } = {},
  ) =>
    log.record(
      `subsidy-payment-${programme}.${ref}.${period}`,
      'SubsidyPaid',
      {
        paymentId: `P-${programme}-${period}`,
        programme,
        beneficiaryRef: ref,
        period,
        amountVnd,
        method: options.method ?? 'cash',
        commune,
      },
      {
        orgUnit: commune,
        agency: options.agency ?? 'LAB-D-1',
        occurredAt: options.occurredAt ?? `${period.slice(0, 4)}-06-05`,
      },
    );

  const beneficiary = (docs: ReturnType<ReturnType<typeof spec.given>['when']>) =>
    docs.get<BeneficiaryDoc>(BENEFICIARIES, ref);

  describe('given a beneficiary paid in two communes in one month', () => {
    const twoCommunes = () => {
      const log = new EventLog();
      const inC1 = payment(log, 'tro-cap-xa-hoi', '2024-05', 540_000, 'C-1');
      const inC2 = payment(log, 'tro-cap-khuyet-tat', '2024-05', 720_000, 'C-2', { agency: 'UBND-D-1' });
      return { log, inC1, inC2 };
    };

    it('lists both supports with their totals and flags the two communes', () => {
      const { inC1, inC2 } = twoCommunes();
      const doc = beneficiary(spec.given(inC1).when(inC2));
      expect(
        doc?.supports.map((s) => [s.type, s.programme, s.period, s.amountVnd, s.commune, s.agency, s.status]),
      ).toEqual([
        ['SubsidyPaid', 'tro-cap-xa-hoi', '2024-05', 540_000, 'C-1', 'LAB-D-1', 'effective'],
        ['SubsidyPaid', 'tro-cap-khuyet-tat', '2024-05', 720_000, 'C-2', 'UBND-D-1', 'effective'],
      ]);
      expect(doc?.totals).toEqual({
        supports: 2,
        retracted: 0,
        paidVnd: 1_260_000,
        loansVnd: 0,
        monthlyAllowanceVnd: 0,
        byFamily: { 'social-support-payment': 2 },
      });
      expect(doc).toMatchObject({
        flagged: true,
        twoCommunesSamePeriod: true,
        sameSupportTwice: false,
        aboveProgrammeNorm: false,
        communes: ['N-1'],
        flags: [{ code: 'two_communes_same_period', eventIds: [inC1.id, inC2.id] }],
      });
    });

    it('takes a retracted payment out of the totals and the flags', () => {
      const { log, inC1, inC2 } = twoCommunes();
      const retraction = log.correct(inC2, 'retraction', 'paid to the wrong person', null, {
        agency: 'UBND-D-1',
      });
      const doc = beneficiary(spec.given(inC1, inC2).when(retraction));
      expect(doc?.supports.map((s) => s.status)).toEqual(['effective', 'retracted']);
      expect(doc?.supports[1].corrections).toMatchObject([
        { eventId: retraction.id, kind: 'retraction', agency: 'UBND-D-1' },
      ]);
      expect(doc?.totals).toMatchObject({ supports: 1, retracted: 1, paidVnd: 540_000 });
      expect(doc).toMatchObject({ flagged: false, flags: [] });
    });

    it('changes nothing when the same events are applied again', () => {
      const { log, inC2 } = twoCommunes();
      log.correct(inC2, 'amendment', 'amount of the decision', { amountVnd: 700_000 });
      const docs = project(history, log.events);
      const before = docs.snapshot();
      project(history, log.events, docs);
      expect(docs.snapshot()).toEqual(before);
    });
  });

  it('flags the same programme paid for overlapping periods by two agencies', () => {
    const log = new EventLog();
    const year = payment(log, 'tro-cap-xa-hoi', '2024', 6_480_000, 'C-1');
    const month = payment(log, 'tro-cap-xa-hoi', '2024-05', 540_000, 'C-1', { agency: 'UBND-D-1' });
    const other = payment(log, 'tro-cap-xa-hoi', '2025-01', 540_000, 'C-1');
    const doc = beneficiary(spec.given(year, month).when(other));
    expect(doc?.flags).toEqual([
      {
        code: 'same_support_twice',
        eventIds: [year.id, month.id],
        detail:
          'social-support-payment tro-cap-xa-hoi twice: 2024 (LAB-D-1, C-1) and 2024-05 (UBND-D-1, C-1)',
      },
    ]);
  });

  it('flags an amount above the norm for the months of its period, and an amendment that brings it there', () => {
    const log = new EventLog();
    const june = payment(log, 'tro-cap-xa-hoi', '2024-06', 3_500_000, 'C-1');
    const quarter = payment(log, 'tro-cap-xa-hoi', '2024-Q3', 9_000_000, 'C-1');
    const docs = spec.given(june).when(quarter);
    expect(beneficiary(docs)?.flags.map((f) => [f.code, f.eventIds])).toEqual([
      ['above_programme_norm', [june.id]],
    ]);
    const amended = log.correct(quarter, 'amendment', 'the decision says 9.5 million', {
      amountVnd: 9_500_000,
    });
    const doc = beneficiary(project(history, [amended], docs));
    expect(doc?.supports[1]).toMatchObject({ amountVnd: 9_500_000, status: 'amended' });
    expect(doc?.flags.map((f) => [f.code, f.eventIds])).toEqual([
      ['above_programme_norm', [june.id]],
      ['above_programme_norm', [quarter.id]],
    ]);
    expect(doc?.totals.paidVnd).toBe(13_000_000);
  });

  it('does not see two communes in a commune and the commune it merged into', () => {
    const log = new EventLog();
    const before = payment(log, 'tro-cap-xa-hoi', '2025-06', 540_000, 'C-1');
    const enrolled = log.record(
      `health-insurance-enrolment-${ref}-2025`,
      'HealthInsuranceEnrolled',
      { enrolmentId: 'BHYT-1', beneficiaryRef: ref, commune: 'N-1', scheme: 'poor', year: 2025 },
      { orgUnit: 'N-1', occurredAt: '2025-07-10' },
    );
    const elsewhere = payment(log, 'tro-cap-khuyet-tat', '2025-06', 540_000, 'C-2');
    expect(beneficiary(spec.given(before).when(enrolled))?.flagged).toBe(false);
    // Two communes that merged later were still two places before the merger.
    expect(beneficiary(spec.given(before, enrolled).when(elsewhere))?.flags.map((f) => f.code)).toEqual([
      'two_communes_same_period',
    ]);
  });

  it('keeps the certificate on the training enrolment', () => {
    const log = new EventLog({ orgUnit: 'C-2' });
    const enrolled = log.record(
      'training-course-TC-1',
      'TraineeEnrolled',
      { courseId: 'TC-1', traineeRef: ref },
      { occurredAt: '2024-03-01' },
    );
    const certified = log.record(
      'training-course-TC-1',
      'TraineeCertified',
      { courseId: 'TC-1', traineeRef: ref, certificateNo: 'CC-0001' },
      { occurredAt: '2024-08-01' },
    );
    expect(beneficiary(spec.given(enrolled).when(certified))?.supports).toMatchObject([
      {
        type: 'TraineeEnrolled',
        programme: 'vocational-training',
        certificateNo: 'CC-0001',
        certifiedAt: '2024-08-01',
      },
    ]);
  });

  describe('housing', () => {
    const household = 'h-1';
    const register = (log: EventLog, caseId: string, occurredAt: string) =>
      log.record(
        `housing-case-${caseId}`,
        'HousingCaseRegistered',
        { caseId, householdRef: household, commune: 'C-1', category: 'poor' },
        { orgUnit: 'C-1', occurredAt },
      );
    const fund = (log: EventLog, caseId: string, amountVnd: number, source: string) =>
      log.record(
        `housing-case-${caseId}`,
        'HousingFundingApproved',
        { caseId, amountVnd, source },
        { orgUnit: 'C-1' },
      );

    it('keeps the funding of each house from every source, and flags a source approving twice and a total above the norm', () => {
      const log = new EventLog();
      const registered = register(log, 'HC-1', '2024-02-01');
      const central = fund(log, 'HC-1', 60_000_000, 'central_budget');
      const local = fund(log, 'HC-1', 20_000_000, 'local_budget');
      const docs = spec.given(registered, central).when(local);
      expect(docs.get<HousingCaseSupportDoc>(BENEFICIARY_HOUSING, 'HC-1')).toMatchObject({
        householdRef: household,
        step: 'HousingFundingApproved',
        fundedVnd: 80_000_000,
        sources: ['central_budget', 'local_budget'],
        flagged: false,
      });
      const again = fund(log, 'HC-1', 30_000_000, 'central_budget');
      const doc = project(history, [again], docs).get<HousingCaseSupportDoc>(BENEFICIARY_HOUSING, 'HC-1');
      expect(doc?.fundedVnd).toBe(110_000_000);
      expect(doc?.flags.map((f) => [f.code, f.eventIds])).toEqual([
        ['same_support_twice', [central.id, again.id]],
        ['above_programme_norm', [central.id, local.id, again.id]],
      ]);
      const retraction = log.correct(again, 'retraction', 'the second approval duplicated the first');
      expect(
        project(history, [retraction], docs).get<HousingCaseSupportDoc>(BENEFICIARY_HOUSING, 'HC-1'),
      ).toMatchObject({
        fundedVnd: 80_000_000,
        flagged: false,
      });
    });

    it('flags a household registered for a second house', () => {
      const log = new EventLog();
      const first = register(log, 'HC-1', '2024-02-01');
      const second = register(log, 'HC-7', '2026-04-01');
      expect(
        spec.given(first).when(second).get<BeneficiaryDoc>(BENEFICIARIES, household)?.flags,
      ).toMatchObject([{ code: 'same_support_twice', eventIds: [first.id, second.id] }]);
    });
  });
});
