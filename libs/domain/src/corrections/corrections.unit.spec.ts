import { housingCaseAggregate } from '../housing/housing.aggregate';
import { remainsCaseAggregate } from '../remains/remains.aggregate';
import { subsidyPaymentAggregate } from '../subsidy/subsidy.aggregate';
import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { trainingCourseAggregate } from '../training/training.aggregate';
import { DomainError } from '../shared/domain-error';
import { aggregateForStream, aggregates, currentSchemaVersions } from './aggregate-registry';
import type { CorrectEvent, CorrectionKind } from './correction.command';
import { CorrectionWouldOrphanError } from './correction.errors';
import type { EventCorrectedData } from './correction.event';
import { decideCorrection } from './decide-correction';
import { effectiveEvents, foldStream, UnknownEventTypeError } from './effective-events';

const now = '2024-06-30T10:00:00+07:00';
const reason = 'entered on the wrong case by mistake';

const correct = (over: Partial<CorrectEvent> & Pick<CorrectEvent, 'correctsEventId'>): CorrectEvent => ({
  type: 'CorrectEvent',
  kind: 'retraction',
  reason,
  occurredAt: '2024-06-30',
  now,
  ...over,
});
/** An EventCorrected of `target` as decideCorrection writes it; `standing` is the target's data just before. */
const corrected = (
  target: GivenEvent,
  kind: CorrectionKind,
  changes: Record<string, unknown> | null,
  { reason: why = reason, standing = target.data }: { reason?: string; standing?: unknown } = {},
) => ({
  type: 'EventCorrected',
  data: {
    correctsEventId: target.id as string,
    correctedType: target.type,
    kind,
    reason: why,
    changes,
    original: originalOf(target, standing),
  } satisfies EventCorrectedData,
});
const retraction = (target: GivenEvent, standing?: unknown): GivenEvent => ({
  id: `retract-${target.id}`,
  ...corrected(target, 'retraction', null, { standing }),
});
const amendment = (target: GivenEvent, changes: Record<string, unknown>, standing?: unknown): GivenEvent => ({
  id: `amend-${target.id}-${JSON.stringify(changes)}`,
  ...corrected(target, 'amendment', changes, { standing }),
});

describe('corrections', () => {
  describe('of a housing case', () => {
    const spec = specFor(housingCaseAggregate);
    const caseId = 'HC-1';
    const registered: GivenEvent = {
      id: 'reg',
      type: 'HousingCaseRegistered',
      data: { caseId, householdRef: 'h-1', commune: 'PHUOC-DAI', category: 'poor' },
    };
    const funded: GivenEvent = {
      id: 'fund-1',
      type: 'HousingFundingApproved',
      data: { caseId, amountVnd: 60_000_000, source: 'central_budget' },
    };
    const fundedAgain: GivenEvent = {
      id: 'fund-2',
      type: 'HousingFundingApproved',
      data: { caseId, amountVnd: 10_000_000, source: 'fatherland_front' },
    };
    const started: GivenEvent = { id: 'start', type: 'HousingConstructionStarted', data: { caseId } };
    const completed: GivenEvent = {
      id: 'done',
      type: 'HousingConstructionCompleted',
      data: { caseId, floorAreaM2: 48.5, occupants: 4 },
    };

    it('retracts an event', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1' }))
        .then(corrected(funded, 'retraction', null)));

    it('amends an amendable field, keeping only the validated changes', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { amountVnd: 45_000_000 } }))
        .then(corrected(funded, 'amendment', { amountVnd: 45_000_000 })));

    it('trims the reason', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', reason: `  ${reason}\n` }))
        .then(corrected(funded, 'retraction', null)));

    it('refuses an event that is not in the stream', () =>
      spec
        .given(registered)
        .when(correct({ correctsEventId: 'elsewhere' }))
        .thenThrows('CORRECTED_EVENT_NOT_IN_STREAM', { kind: 'not_found' }));

    it('refuses to correct a correction', () =>
      spec
        .given(registered, funded, retraction(funded))
        .when(correct({ correctsEventId: 'retract-fund-1' }))
        .thenThrows('CANNOT_CORRECT_A_CORRECTION', { kind: 'conflict' }));

    it('refuses to retract an event twice', () =>
      spec
        .given(registered, funded, retraction(funded))
        .when(correct({ correctsEventId: 'fund-1' }))
        .thenThrows('EVENT_ALREADY_RETRACTED', { kind: 'conflict' }));

    it('refuses to amend a retracted event', () =>
      spec
        .given(registered, funded, retraction(funded))
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { amountVnd: 1 } }))
        .thenThrows('EVENT_ALREADY_RETRACTED', { kind: 'conflict' }));

    it.each([undefined, {}, null])('refuses an amendment with changes %p', (changes) =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: changes as never }))
        .thenThrows('CHANGES_REQUIRED', { kind: 'invalid', field: 'changes' }),
    );

    it('refuses changes that are not an object', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: [1] as never }))
        .thenThrows('CHANGES_REQUIRED', { kind: 'invalid', field: 'changes' }));

    it('refuses a retraction that carries changes', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', changes: { amountVnd: 1 } }))
        .thenThrows('CHANGES_NOT_ALLOWED', { kind: 'invalid', field: 'changes' }));

    it.each(['too short', 'x'.repeat(2001), '          ', 42])('refuses reason %p', (bad) =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', reason: bad as string }))
        .thenThrows('REASON_LENGTH_OUT_OF_RANGE', { kind: 'invalid', field: 'reason' }),
    );

    it('accepts a reason of exactly 10 and of 2000 characters', () => {
      for (const r of ['0123456789', 'y'.repeat(2000)]) {
        spec
          .given(registered, funded)
          .when(correct({ correctsEventId: 'fund-1', reason: r }))
          .then(corrected(funded, 'retraction', null, { reason: r }));
      }
    });

    it('refuses an unknown kind', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'deletion' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'kind' }));

    it('refuses a missing target id', () =>
      spec
        .given(registered)
        .when(correct({ correctsEventId: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'correctsEventId' }));

    it('follows the shared occurredAt rule', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', occurredAt: '2024-07-01' }))
        .thenThrows('OCCURRED_AT_IN_FUTURE', { kind: 'invalid', field: 'occurredAt' }));

    it('refuses to amend an event type that has nothing amendable', () =>
      spec
        .given(registered)
        .when(correct({ correctsEventId: 'reg', kind: 'amendment', changes: { category: 'merit' } }))
        .thenThrows('EVENT_NOT_AMENDABLE', { kind: 'conflict' }));

    it.each(['caseId', 'colour'])('refuses to amend field %p', (field) =>
      spec
        .given(registered, funded)
        .when(
          correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { amountVnd: 1, [field]: 'x' } }),
        )
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: `changes.${field}` }),
    );

    it('validates amended values with the rule of the command', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { amountVnd: 0 } }))
        .thenThrows('AMOUNT_OUT_OF_RANGE', { kind: 'invalid', field: 'changes.amountVnd' }));

    it('validates an amended funding source', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { source: 'lottery' } }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'changes.source' }));

    it('amends a completed construction', () =>
      spec
        .given(registered, funded, started, completed)
        .when(
          correct({ correctsEventId: 'done', kind: 'amendment', changes: { floorAreaM2: 52, occupants: 5 } }),
        )
        .then(corrected(completed, 'amendment', { floorAreaM2: 52, occupants: 5 })));

    it('refuses an amendment that changes nothing', () =>
      spec
        .given(registered, funded)
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { amountVnd: 60_000_000 } }))
        .thenThrows('AMENDMENT_CHANGES_NOTHING', { kind: 'invalid', field: 'changes' }));

    it('refuses to retract an event that later events stand on', () =>
      spec
        .given(registered, funded, started)
        .when(correct({ correctsEventId: 'fund-1' }))
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS', { kind: 'conflict' }));

    it('lists the later events that stand on the target', () => {
      const history = [registered, funded, started].map((e) => ({ ...e, id: e.id as string }));
      let error: unknown;
      try {
        decideCorrection(housingCaseAggregate, correct({ correctsEventId: 'reg' }), history);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CorrectionWouldOrphanError);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as CorrectionWouldOrphanError).dependents).toEqual([
        { id: 'fund-1', type: 'HousingFundingApproved' },
        { id: 'start', type: 'HousingConstructionStarted' },
      ]);
    });

    it('retracts one funding approval when only another approval follows', () =>
      spec
        .given(registered, funded, fundedAgain)
        .when(correct({ correctsEventId: 'fund-1' }))
        .then(corrected(funded, 'retraction', null)));

    it('retracts an event once the events standing on it are retracted', () =>
      spec
        .given(registered, funded, retraction(funded))
        .when(correct({ correctsEventId: 'reg' }))
        .then(corrected(registered, 'retraction', null)));

    it('behaves as if a retracted approval never happened', () =>
      spec
        .given(registered, funded, retraction(funded))
        .when({ type: 'StartHousingConstruction', caseId, occurredAt: '2024-03-01', now })
        .thenThrows('HOUSING_FUNDING_NOT_APPROVED', { kind: 'conflict' }));

    it('registers again once the registration was retracted', () =>
      spec
        .given(registered, retraction(registered))
        .when({
          type: 'RegisterHousingCase',
          caseId,
          householdRef: 'h-2',
          commune: 'PHUOC-DAI',
          category: 'merit',
          occurredAt: '2024-03-01',
          now,
        })
        .then({
          type: 'HousingCaseRegistered',
          data: { caseId, householdRef: 'h-2', commune: 'PHUOC-DAI', category: 'merit' },
        }));

    it('retracts an amended event, carrying it as amended', () =>
      spec
        .given(registered, funded, amendment(funded, { amountVnd: 1 }))
        .when(correct({ correctsEventId: 'fund-1' }))
        .then(
          corrected(funded, 'retraction', null, {
            standing: { caseId, amountVnd: 1, source: 'central_budget' },
          }),
        ));

    it('amends an amended event, carrying it as the earlier amendments left it', () =>
      spec
        .given(registered, funded, amendment(funded, { amountVnd: 50_000_000 }))
        .when(correct({ correctsEventId: 'fund-1', kind: 'amendment', changes: { source: 'local_budget' } }))
        .then(
          corrected(
            funded,
            'amendment',
            { source: 'local_budget' },
            {
              standing: { caseId, amountVnd: 50_000_000, source: 'central_budget' },
            },
          ),
        ));

    // Projections are pure reducers: the correction alone must say what to take back and whom to credit.
    it('carries the org unit, date and actor of the corrected event', () => {
      const actor = { officer: 'cb-07', agency: 'LDTBXH-BAC-AI', role: 'officer' };
      const stamped = {
        ...funded,
        id: 'fund-1',
        metadata: { occurredAt: '2024-02-01', orgUnit: 'PHUOC-DAI', actor },
      };
      const [event] = decideCorrection(housingCaseAggregate, correct({ correctsEventId: 'fund-1' }), [
        { ...registered, id: 'reg' },
        stamped,
      ]);
      expect(event.data.original).toEqual({
        type: 'HousingFundingApproved',
        data: { caseId, amountVnd: 60_000_000, source: 'central_budget' },
        orgUnit: 'PHUOC-DAI',
        occurredAt: '2024-02-01',
        actor,
      });
    });

    it('leaves out of the original the metadata the corrected event does not carry', () => {
      const history = [registered, funded, { ...fundedAgain, metadata: { occurredAt: '2024-02-15' } }];
      const correctionOf = (id: string) =>
        decideCorrection(
          housingCaseAggregate,
          correct({ correctsEventId: id }),
          history.map((e) => ({ ...e, id: e.id as string })),
        )[0].data.original;
      expect(correctionOf('fund-1')).toStrictEqual({ type: 'HousingFundingApproved', data: funded.data });
      expect(correctionOf('fund-2')).toStrictEqual({
        type: 'HousingFundingApproved',
        data: fundedAgain.data,
        occurredAt: '2024-02-15',
      });
    });

    it('folds amendments in order over the original data and drops retracted events', () => {
      const history = [
        registered,
        funded,
        fundedAgain,
        amendment(funded, { amountVnd: 50_000_000 }),
        amendment(
          funded,
          { amountVnd: 45_000_000, source: 'local_budget' },
          { caseId, amountVnd: 50_000_000, source: 'central_budget' },
        ),
        retraction(fundedAgain),
      ].map((e) => ({ ...e, id: e.id as string }));
      expect(effectiveEvents(housingCaseAggregate, history).map((e) => [e.id, e.data])).toEqual([
        ['reg', registered.data],
        ['fund-1', { caseId, amountVnd: 45_000_000, source: 'local_budget' }],
      ]);
      expect(foldStream(housingCaseAggregate, history)).toMatchObject({
        status: 'funded',
        fundings: [{ amountVnd: 45_000_000, source: 'local_budget' }],
        fundingApprovedVnd: 45_000_000,
      });
    });

    it('refuses to fold a stream holding an event type of another aggregate', () => {
      expect(() => foldStream(housingCaseAggregate, [{ id: 'x', type: 'SubsidyPaid', data: {} }])).toThrow(
        UnknownEventTypeError,
      );
    });
  });

  describe('of a subsidy payment', () => {
    const spec = specFor(subsidyPaymentAggregate);
    const data = {
      paymentId: 'PC-1',
      programme: 'tro-cap-xa-hoi',
      beneficiaryRef: 'b-0123456789abcdef0123456789abcdef',
      period: '2024-05',
      amountVnd: 500_000,
      method: 'cash',
      commune: 'PHUOC-DAI',
    };
    const paid: GivenEvent = { id: 'paid-1', type: 'SubsidyPaid', data };

    it('amends the amount and the method', () =>
      spec
        .given(paid)
        .when(
          correct({
            correctsEventId: 'paid-1',
            kind: 'amendment',
            changes: { amountVnd: 540_000, method: 'e_wallet' },
          }),
        )
        .then(corrected(paid, 'amendment', { amountVnd: 540_000, method: 'e_wallet' })));

    it('refuses to amend the period, which is part of the stream key', () =>
      spec
        .given(paid)
        .when(correct({ correctsEventId: 'paid-1', kind: 'amendment', changes: { period: '2024-06' } }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.period' }));

    it('retracts a payment made after an earlier one was retracted', () =>
      spec
        .given(paid, retraction(paid), { ...paid, id: 'paid-2' })
        .when(correct({ correctsEventId: 'paid-2' }))
        .then(corrected({ ...paid, id: 'paid-2' }, 'retraction', null)));

    it('folds a retracted payment to unpaid', () => {
      expect(
        foldStream(
          subsidyPaymentAggregate,
          [paid, retraction(paid)].map((e) => ({ ...e, id: e.id as string })),
        ),
      ).toEqual({ status: 'unpaid' });
    });
  });

  describe('of a remains case', () => {
    const spec = specFor(remainsCaseAggregate);
    const caseId = 'RC-1';
    const opened: GivenEvent = {
      id: 'open',
      type: 'RemainsCaseOpened',
      data: { caseId, site: 'Đồi 300', commune: 'PHUOC-TIEN' },
    };
    const recovered: GivenEvent = { id: 'rec', type: 'RemainsRecovered', data: { caseId, setsOfRemains: 3 } };
    const identified: GivenEvent = {
      id: 'ident',
      type: 'RemainsIdentified',
      data: { caseId, method: 'dna', martyrRecordRef: 'LS-1' },
    };
    const reburied: GivenEvent = {
      id: 'rebury',
      type: 'RemainsReburied',
      data: { caseId, cemetery: 'NTLS Bác Ái' },
    };
    const closed: GivenEvent = {
      id: 'close',
      type: 'RemainsCaseClosed',
      data: { caseId, outcome: 'reburied' },
    };

    it('retracts an identification that only a reburial follows', () =>
      spec
        .given(opened, recovered, identified, reburied)
        .when(correct({ correctsEventId: 'ident' }))
        .then(corrected(identified, 'retraction', null)));

    it('refuses to retract a recovery that an identification stands on', () =>
      spec
        .given(opened, recovered, identified)
        .when(correct({ correctsEventId: 'rec' }))
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS', { kind: 'conflict' }));

    it('refuses to retract any step of a closed case', () =>
      spec
        .given(opened, recovered, reburied, identified, closed)
        .when(correct({ correctsEventId: 'ident' }))
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS', { kind: 'conflict' }));

    it('reopens a case by retracting its closing', () =>
      spec
        .given(opened, recovered, reburied, closed, retraction(closed))
        .when({
          type: 'IdentifyRemains',
          caseId,
          method: 'documents',
          martyrRecordRef: 'LS-1',
          occurredAt: '2024-06-01',
          now,
        })
        .then({ type: 'RemainsIdentified', data: { caseId, method: 'documents', martyrRecordRef: 'LS-1' } }));

    it('amends the number of sets of remains', () =>
      spec
        .given(opened, recovered)
        .when(correct({ correctsEventId: 'rec', kind: 'amendment', changes: { setsOfRemains: 2 } }))
        .then(corrected(recovered, 'amendment', { setsOfRemains: 2 })));

    it('validates the amended number of sets of remains', () =>
      spec
        .given(opened, recovered)
        .when(correct({ correctsEventId: 'rec', kind: 'amendment', changes: { setsOfRemains: 0 } }))
        .thenThrows('SETS_OF_REMAINS_OUT_OF_RANGE', { kind: 'invalid', field: 'changes.setsOfRemains' }));
  });

  describe('of a training course', () => {
    const spec = specFor(trainingCourseAggregate);
    const courseId = 'TC-1';
    const courseData = {
      courseId,
      occupation: 'Hàn',
      level: 'elementary',
      commune: 'PHUOC-BINH',
      capacity: 2,
    };
    const opened: GivenEvent = { id: 'open', type: 'TrainingCourseOpened', data: courseData };
    const enrolled = (ref: string): GivenEvent => ({
      id: `enrol-${ref}`,
      type: 'TraineeEnrolled',
      data: { courseId, traineeRef: ref },
    });
    const certifiedA: GivenEvent = {
      id: 'cert-t-a',
      type: 'TraineeCertified',
      data: { courseId, traineeRef: 't-a', certificateNo: 'CC-1' },
    };
    const closed: GivenEvent = { id: 'close', type: 'TrainingCourseClosed', data: { courseId } };

    it("retracts a trainee's enrolment while another trainee's certificate follows", () =>
      spec
        .given(opened, enrolled('t-a'), enrolled('t-b'), certifiedA)
        .when(correct({ correctsEventId: 'enrol-t-b' }))
        .then(corrected(enrolled('t-b'), 'retraction', null)));

    it("refuses to retract the enrolment that the trainee's certificate stands on", () =>
      spec
        .given(opened, enrolled('t-a'), certifiedA)
        .when(correct({ correctsEventId: 'enrol-t-a' }))
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS', { kind: 'conflict' }));

    it('refuses to retract the opening of a course with anything in it', () =>
      spec
        .given(opened, closed)
        .when(correct({ correctsEventId: 'open' }))
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS', { kind: 'conflict' }));

    it('frees a place when an enrolment is retracted', () =>
      spec
        .given(opened, enrolled('t-a'), enrolled('t-b'), retraction(enrolled('t-b')))
        .when({ type: 'EnrollTrainee', courseId, traineeRef: 't-c', occurredAt: '2024-03-01', now })
        .then({ type: 'TraineeEnrolled', data: { courseId, traineeRef: 't-c' } }));

    it('reopens a course by retracting its closing', () =>
      spec
        .given(opened, closed, retraction(closed))
        .when({ type: 'EnrollTrainee', courseId, traineeRef: 't-a', occurredAt: '2024-03-01', now })
        .then({ type: 'TraineeEnrolled', data: { courseId, traineeRef: 't-a' } }));

    it('amends capacity and occupation, even below the trainees already enrolled', () =>
      spec
        .given(opened, enrolled('t-a'), enrolled('t-b'))
        .when(
          correct({
            correctsEventId: 'open',
            kind: 'amendment',
            changes: { capacity: 1, occupation: ' Hàn điện ' },
          }),
        )
        .then(corrected(opened, 'amendment', { capacity: 1, occupation: 'Hàn điện' })));

    it('validates an amended capacity', () =>
      spec
        .given(opened)
        .when(correct({ correctsEventId: 'open', kind: 'amendment', changes: { capacity: 501 } }))
        .thenThrows('CAPACITY_OUT_OF_RANGE', { kind: 'invalid', field: 'changes.capacity' }));

    it('refuses to amend the level', () =>
      spec
        .given(opened)
        .when(correct({ correctsEventId: 'open', kind: 'amendment', changes: { level: 'college' } }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.level' }));

    it('amends a certificate number', () =>
      spec
        .given(opened, enrolled('t-a'), certifiedA)
        .when(
          correct({ correctsEventId: 'cert-t-a', kind: 'amendment', changes: { certificateNo: 'CC-0001' } }),
        )
        .then(corrected(certifiedA, 'amendment', { certificateNo: 'CC-0001' })));

    it('refuses to amend an enrolment', () =>
      spec
        .given(opened, enrolled('t-a'))
        .when(correct({ correctsEventId: 'enrol-t-a', kind: 'amendment', changes: { traineeRef: 't-z' } }))
        .thenThrows('EVENT_NOT_AMENDABLE', { kind: 'conflict' }));
  });

  describe('aggregate registry', () => {
    it.each([
      ['housing-case-HC-1', 'housing-case'],
      ['subsidy-payment-tro-cap-b-0123456789abcdef-2024', 'subsidy-payment'],
      ['remains-case-RC-1', 'remains-case'],
      ['training-course-TC-1', 'training-course'],
      ['plan-bac-ai', 'plan'],
      ['org-unit-PHUOC-DAI', 'org-unit'],
      ['target-bac-ai.houses_built', 'target'],
      ['baseline-bac-ai.population.PHUOC-DAI', 'baseline'],
    ])('finds the aggregate of %p', (stream, name) => expect(aggregateForStream(stream)?.name).toBe(name));

    it.each(['plan-', 'housing-case-', 'housing-cases-1', 'plans-bac-ai'])(
      'finds no aggregate for %p',
      (stream) => expect(aggregateForStream(stream)).toBeUndefined(),
    );

    it('writes every event type at one version, whichever aggregate it appears in', () => {
      for (const definition of aggregates) {
        expect(Object.keys(definition.schemaVersions).sort()).toEqual([...definition.eventTypes].sort());
        for (const [type, version] of Object.entries(definition.schemaVersions)) {
          expect(currentSchemaVersions[type]).toBe(version);
        }
      }
    });

    it('gives every aggregate its own prefix, none a prefix of another', () => {
      const prefixes = aggregates.map((d) => d.streamPrefix);
      for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    });
  });
});
