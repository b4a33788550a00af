import { specFor } from '../testing/decider-spec';
import { agencyAggregate } from './agency.aggregate';
import type { RecordAgencySuccession, RegisterAgency } from './plan.commands';
import { sampleSeed, timed } from './testing/sample-records';

const spec = specFor(agencyAggregate);
const seed = sampleSeed();
const agency = seed.agencies[1]; // LAB-D-1
const succession = seed.agencySuccessions[0];
const register = (over: Partial<RegisterAgency> = {}): RegisterAgency => ({
  type: 'RegisterAgency',
  ...timed,
  ...agency,
  ...over,
});
const succeed = (over: Partial<RecordAgencySuccession> = {}): RecordAgencySuccession => ({
  type: 'RecordAgencySuccession',
  ...timed,
  ...succession,
  ...over,
});
const registered = { type: 'AgencyRegistered', data: agency, id: 'reg' };
const succeeded = { type: 'AgencySuccessionRecorded', data: succession };

describe('agency', () => {
  it('registers an agency', () =>
    spec.given().when(register()).then({ type: 'AgencyRegistered', data: agency }));

  it('appends nothing when registered again', () => spec.given(registered).when(register()).then());

  it('refuses other content for a registered code', () =>
    spec
      .given(registered)
      .when(register({ kind: 'vertical_branch' }))
      .thenThrows('AGENCY_ALREADY_REGISTERED'));

  it('refuses an unknown kind', () =>
    spec
      .given()
      .when(register({ kind: 'ministry' as never }))
      .thenThrows('VALUE_NOT_ALLOWED', { field: 'kind' }));

  describe('RecordAgencySuccession', () => {
    it("records on the predecessor's stream where its duties go", () => {
      expect(agencyAggregate.streamFor(succeed())).toBe('agency-LAB-D-1');
      spec.given(registered).when(succeed()).then(succeeded);
    });

    it('appends nothing when recorded again', () => spec.given(registered, succeeded).when(succeed()).then());

    it('refuses a second, different succession', () =>
      spec
        .given(registered, succeeded)
        .when(succeed({ effectiveFrom: '2025-08-01' }))
        .thenThrows('AGENCY_ALREADY_SUCCEEDED', { kind: 'conflict' }));

    it('refuses a succession of an agency that is not registered', () =>
      spec.given().when(succeed()).thenThrows('AGENCY_NOT_REGISTERED', { kind: 'not_found' }));

    it('refuses a succession dated before the agency began', () =>
      spec
        .given({ ...registered, data: { ...agency, validFrom: '2025-07-01' } })
        .when(succeed())
        .thenThrows('SUCCESSION_BEFORE_AGENCY', { field: 'effectiveFrom' }));

    it('refuses an agency that succeeds itself', () =>
      spec
        .given(registered)
        .when(succeed({ successors: [{ agency: 'LAB-D-1', orgUnits: null }] }))
        .thenThrows('SUCCESSOR_IS_PREDECESSOR', { field: 'successors[0].agency' }));

    it('refuses two successors for one org unit', () =>
      spec
        .given(registered)
        .when(
          succeed({
            successors: [
              { agency: 'SOC-N-1', orgUnits: ['C-1'] },
              { agency: 'UBND-D-1', orgUnits: ['C-1', 'C-2'] },
            ],
          }),
        )
        .thenThrows('SUCCESSOR_SCOPE_OVERLAP', { field: 'successors[1].orgUnits' }));

    it('cannot retract the registration while a succession stands on it', () =>
      spec
        .given(registered, succeeded)
        .when({
          type: 'CorrectEvent',
          ...timed,
          correctsEventId: 'reg',
          kind: 'retraction',
          reason: 'registered twice by mistake',
        })
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS'));
  });
});
