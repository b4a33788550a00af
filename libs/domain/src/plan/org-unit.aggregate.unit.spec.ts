import { originalOf, specFor } from '../testing/decider-spec';
import { orgUnitAggregate, reorganisationAggregate } from './org-unit.aggregate';
import type { RecordOrgUnitChange, RegisterOrgUnit } from './plan.commands';
import { sampleSeed, timed } from './testing/sample-records';

const seed = sampleSeed();
const reason = 'confirmed against the official gazette';

describe('org unit', () => {
  const spec = specFor(orgUnitAggregate);
  const unit = seed.orgUnits[2]; // C-1
  const register = (over: Partial<RegisterOrgUnit> = {}): RegisterOrgUnit => ({
    type: 'RegisterOrgUnit',
    ...timed,
    ...unit,
    ...over,
  });
  const registered = { type: 'OrgUnitRegistered', data: unit, id: 'reg' };

  it('registers a unit', () => spec.given().when(register()).then({ type: 'OrgUnitRegistered', data: unit }));

  it('appends nothing when the same unit is registered again', () =>
    spec.given(registered).when(register()).then());

  it('refuses other content for a registered code', () =>
    spec
      .given(registered)
      .when(register({ nameEn: 'Other' }))
      .thenThrows('ORG_UNIT_ALREADY_REGISTERED', { kind: 'conflict' }));

  it('refuses an official code that was not verified', () =>
    spec
      .given()
      .when(register({ code: '22795', codeKind: 'official', officialCode: '22795', verified: false }))
      .thenThrows('OFFICIAL_CODE_NOT_VERIFIED', { field: 'codeKind' }));

  it('refuses a commune without its parent', () =>
    spec
      .given()
      .when(register({ parent: null }))
      .thenThrows('PARENT_REQUIRED', { field: 'parent' }));

  it('refuses a code that cannot be part of a stream name', () =>
    spec
      .given()
      .when(register({ code: 'phuoc dai' }))
      .thenThrows('CODE_INVALID', { field: 'code' }));

  it('takes the official code and the confirmation as an amendment, once they are found', () =>
    spec
      .given(registered)
      .when({
        type: 'CorrectEvent',
        ...timed,
        correctsEventId: 'reg',
        kind: 'amendment',
        reason,
        changes: { officialCode: '22795', verified: true },
      })
      .then({
        type: 'EventCorrected',
        data: {
          correctsEventId: 'reg',
          correctedType: 'OrgUnitRegistered',
          kind: 'amendment',
          reason,
          changes: { officialCode: '22795', verified: true },
          original: originalOf(registered),
        },
      }));

  it('never amends the parent: the tree changes by a reorganisation', () =>
    spec
      .given(registered)
      .when({
        type: 'CorrectEvent',
        ...timed,
        correctsEventId: 'reg',
        kind: 'amendment',
        reason,
        changes: { parent: 'P-1' },
      })
      .thenThrows('FIELD_NOT_AMENDABLE', { field: 'changes.parent' }));
});

describe('reorganisation', () => {
  const spec = specFor(reorganisationAggregate);
  const change = seed.orgUnitChanges[0];
  const record = (over: Partial<RecordOrgUnitChange> = {}): RecordOrgUnitChange => ({
    type: 'RecordOrgUnitChange',
    ...timed,
    ...change,
    ...over,
  });
  const recorded = { type: 'OrgUnitChangeRecorded', data: change };

  it('records a dated change with its crosswalk', () => spec.given().when(record()).then(recorded));

  it('appends nothing when recorded again', () => spec.given(recorded).when(record()).then());

  it('refuses another crosswalk for the same change', () =>
    spec
      .given(recorded)
      .when(record({ crosswalk: change.crosswalk.slice(0, 1) }))
      .thenThrows('ORG_UNIT_CHANGE_ALREADY_RECORDED', { kind: 'conflict' }));

  it('refuses a crosswalk from a unit the change does not end', () =>
    spec
      .given()
      .when(record({ ends: ['C-1'] }))
      .thenThrows('CROSSWALK_FROM_NOT_ENDED', { field: 'crosswalk[1].from' }));

  it('refuses a crosswalk row without a relation', () =>
    spec
      .given()
      .when(record({ crosswalk: [{ from: 'C-1', to: 'N-1' } as never] }))
      .thenThrows('VALUE_NOT_ALLOWED', { field: 'crosswalk[0].relation' }));
});
