import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import { jobPlacementAggregate } from './job-placement.aggregate';
import type { RecordJobPlacement } from './job-placement.commands';

const spec = specFor(jobPlacementAggregate);
const now = '2026-06-30T10:00:00+07:00';
const workerRef = 'b-0123456789abcdef0123456789abcdef';

const placement = {
  placementId: 'GQVL-2026-0042',
  workerRef,
  commune: 'PHUOC-TAN',
  employer: 'Công ty May Ninh Thuận',
  kind: 'domestic' as const,
};
const placed: GivenEvent = {
  id: 'placed-1',
  type: 'JobPlaced',
  data: placement,
  metadata: { occurredAt: '2026-04-15' },
};

const place = (over: Partial<RecordJobPlacement> = {}): RecordJobPlacement => ({
  type: 'RecordJobPlacement',
  ...placement,
  occurredAt: '2026-04-15T09:00:00+07:00',
  now,
  ...over,
});
const amend = (changes: Record<string, unknown>) => ({
  type: 'CorrectEvent' as const,
  correctsEventId: 'placed-1',
  kind: 'amendment' as const,
  reason: 'the contract names the parent company',
  changes,
  occurredAt: '2026-05-01',
  now,
});

describe('job placement', () => {
  describe('RecordJobPlacement', () => {
    it('records a placement, trimming the employer', () =>
      spec
        .given()
        .when(place({ employer: '  Công ty May Ninh Thuận ' }))
        .then({ type: 'JobPlaced', data: placement }));

    it('records an overseas contract', () =>
      spec
        .given()
        .when(place({ kind: 'overseas_contract', employer: 'Kobayashi Foods KK' }))
        .then({
          type: 'JobPlaced',
          data: { ...placement, kind: 'overseas_contract', employer: 'Kobayashi Foods KK' },
        }));

    it('refuses the same placement recorded twice', () =>
      spec.given(placed).when(place()).thenThrows('JOB_PLACEMENT_ALREADY_RECORDED', { kind: 'conflict' }));

    it('refuses an unknown kind', () =>
      spec
        .given()
        .when(place({ kind: 'seasonal' as never }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'kind' }));

    it('refuses a missing employer', () =>
      spec
        .given()
        .when(place({ employer: '' }))
        .thenThrows('TEXT_REQUIRED', { kind: 'invalid', field: 'employer' }));

    it('refuses a citizen id in place of the worker reference', () =>
      spec
        .given()
        .when(place({ workerRef: '058200000001' }))
        .thenThrows('BENEFICIARY_REF_INVALID', { kind: 'invalid', field: 'workerRef' }));

    it('refuses a placement id that cannot be part of a stream name', () =>
      spec
        .given()
        .when(place({ placementId: 'a/b' }))
        .thenThrows('ID_INVALID', { kind: 'invalid', field: 'placementId' }));
  });

  describe('corrections', () => {
    it('amends the employer and the kind', () =>
      spec
        .given(placed)
        .when(amend({ employer: 'Tổng công ty May', kind: 'overseas_contract' }))
        .then({
          type: 'EventCorrected',
          data: {
            correctsEventId: 'placed-1',
            correctedType: 'JobPlaced',
            kind: 'amendment',
            reason: 'the contract names the parent company',
            changes: { employer: 'Tổng công ty May', kind: 'overseas_contract' },
            original: originalOf(placed),
          },
        }));

    it('refuses to amend the worker', () =>
      spec
        .given(placed)
        .when(amend({ workerRef: 'b-ffeeddccbbaa99887766554433221100' }))
        .thenThrows('FIELD_NOT_AMENDABLE', { kind: 'invalid', field: 'changes.workerRef' }));
  });

  it('keys the stream by placement', () =>
    expect(jobPlacementAggregate.streamFor(place())).toBe('job-placement-GQVL-2026-0042'));
});
