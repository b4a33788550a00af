import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { hygienicLatrineAggregate, hygienicLatrineStream } from './hygienic-latrine.aggregate';
import type { RecordHygienicLatrineCompletion } from './hygienic-latrine.commands';

const spec = specFor(hygienicLatrineAggregate);
const now = '2026-06-30T10:00:00+07:00';
const householdRef = 'b-00112233445566778899aabbccddeeff';

const household = {
  latrineId: 'VS-2026-001',
  facilityKind: 'household' as const,
  facilityRef: householdRef,
  commune: 'PHUOC-HOA',
};
const school = {
  latrineId: 'VS-2026-002',
  facilityKind: 'school' as const,
  facilityRef: 'TH-PHUOC-HOA',
  commune: 'PHUOC-HOA',
};
const completed: GivenEvent = {
  id: 'completed-1',
  type: 'HygienicLatrineCompleted',
  data: household,
  metadata: { occurredAt: '2026-05-02' },
};

const complete = (over: Partial<RecordHygienicLatrineCompletion> = {}): RecordHygienicLatrineCompletion => ({
  type: 'RecordHygienicLatrineCompletion',
  ...household,
  occurredAt: '2026-05-02T09:00:00+07:00',
  now,
  ...over,
});

describe('hygienic latrine', () => {
  describe('RecordHygienicLatrineCompletion', () => {
    it("records a household's latrine under the household head's reference", () =>
      spec.given().when(complete()).then({ type: 'HygienicLatrineCompleted', data: household }));

    it("records a school's latrine under the school's code", () =>
      spec.given().when(complete(school)).then({ type: 'HygienicLatrineCompleted', data: school }));

    it('records a health station', () =>
      spec
        .given()
        .when(complete({ ...school, facilityKind: 'health_station', facilityRef: '58012' }))
        .then({
          type: 'HygienicLatrineCompleted',
          data: { ...school, facilityKind: 'health_station', facilityRef: '58012' },
        }));

    it('refuses a second latrine for the same facility', () =>
      spec
        .given(completed)
        .when(complete({ latrineId: 'VS-2026-009' }))
        .thenThrows('HYGIENIC_LATRINE_ALREADY_COMPLETED', { kind: 'conflict' }));

    it('records again once the first was retracted', () =>
      spec
        .given(completed, {
          type: 'EventCorrected',
          data: {
            correctsEventId: 'completed-1',
            correctedType: 'HygienicLatrineCompleted',
            kind: 'retraction',
            reason: 'the latrine failed the hygiene inspection',
            changes: null,
            original: originalOf(completed),
          },
        })
        .when(complete())
        .then({ type: 'HygienicLatrineCompleted', data: household }));

    it('refuses a household whose reference is a code (or a citizen id)', () =>
      spec
        .given()
        .when(complete({ facilityRef: '058200000001' }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'facilityRef' }));

    it.each(['058200000001', 'a', 'TH PHUOC', ''])('refuses school code %p', (facilityRef) =>
      spec
        .given()
        .when(complete({ ...school, facilityRef }))
        .thenThrows('FACILITY_CODE_INVALID', { kind: 'invalid', field: 'facilityRef' }),
    );

    it('refuses an unknown facility kind', () =>
      spec
        .given()
        .when(complete({ facilityKind: 'market' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'facilityKind' }));
  });

  describe('corrections', () => {
    it('amends nothing: the facility keys the stream', () =>
      spec
        .given(completed)
        .when({
          type: 'CorrectEvent',
          correctsEventId: 'completed-1',
          kind: 'amendment',
          reason: 'recorded in the wrong commune',
          changes: { commune: 'PHUOC-DAI' },
          occurredAt: '2026-05-03',
          now,
        })
        .thenThrows('EVENT_NOT_AMENDABLE', { kind: 'conflict' }));
  });

  it('keys the stream by facility kind and reference', () => {
    expect(hygienicLatrineAggregate.streamFor(complete())).toBe(`hygienic-latrine-household-${householdRef}`);
    expect(hygienicLatrineStream('school', 'TH-PHUOC-HOA')).toBe('hygienic-latrine-school-TH-PHUOC-HOA');
  });
});
