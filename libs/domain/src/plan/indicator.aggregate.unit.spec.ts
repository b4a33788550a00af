import { specFor } from '../testing/decider-spec';
import type { DefineIndicator } from './plan.commands';
import type { IndicatorDefinition } from './plan-records';
import { indicatorAggregate } from './indicator.aggregate';
import { sampleSeed, timed } from './testing/sample-records';

const spec = specFor(indicatorAggregate);
const seed = sampleSeed();
const v1: IndicatorDefinition = seed.indicators[1].definition; // floor_area_per_person, a ratio
const v2: IndicatorDefinition = {
  ...v1,
  version: 2,
  changeNote: 'Counts the occupants of new houses in the denominator',
  contributions: [
    ...v1.contributions,
    {
      event: 'HousingConstructionCompleted',
      measure: 'sum',
      field: 'occupants',
      part: 'denominator',
      factor: 1,
      where: {},
      periodField: null,
    },
  ],
};
const define = (definition: IndicatorDefinition, over: Partial<DefineIndicator> = {}): DefineIndicator => ({
  type: 'DefineIndicator',
  ...timed,
  ...definition,
  ...over,
});
const defined = (definition: IndicatorDefinition) => ({ type: 'IndicatorDefined', data: definition });

describe('indicator', () => {
  it('defines version 1', () => spec.given().when(define(v1)).then(defined(v1)));

  it('appends nothing when the same version is defined again', () =>
    spec.given(defined(v1)).when(define(v1)).then());

  it('defines the next version, which must say what changed', () => {
    spec.given(defined(v1)).when(define(v2)).then(defined(v2));
    spec
      .given(defined(v1))
      .when(define({ ...v2, changeNote: null }))
      .thenThrows('CHANGE_NOTE_REQUIRED', { kind: 'invalid', field: 'changeNote' });
  });

  it('keeps an old version defined when the seed still states it', () =>
    spec.given(defined(v1), defined(v2)).when(define(v1)).then());

  it('refuses to redefine a version with other content', () =>
    spec
      .given(defined(v1))
      .when(define({ ...v1, nameEn: 'Something else' }))
      .thenThrows('INDICATOR_VERSION_EXISTS', { kind: 'conflict' }));

  it('refuses to skip a version', () =>
    spec
      .given(defined(v1))
      .when(define({ ...v2, version: 3 }))
      .thenThrows('INDICATOR_VERSION_OUT_OF_ORDER', { field: 'version' }));

  it('refuses a change of kind: that is another indicator', () =>
    spec
      .given(defined(v1))
      .when(define({ ...seed.indicators[2].definition, key: v1.key, version: 2, changeNote: 'now measured' }))
      .thenThrows('INDICATOR_KIND_CHANGED', { field: 'kind' }));

  it('refuses a rule that does not fit the kind, naming the rule', () =>
    spec
      .given()
      .when(define({ ...v1, contributions: [{ event: 'MeasurementRecorded', measure: 'measurement' }] }))
      .thenThrows('MEASURE_NOT_ALLOWED', { field: 'contributions[0].measure' }));

  it('refuses a field a definition does not have', () =>
    spec
      .given()
      .when({ ...define(v1), leadAgency: 'LAB-D-1' } as DefineIndicator)
      .thenThrows('FIELD_UNKNOWN', { field: 'leadAgency' }));

  it('is never amended, and a version cannot be retracted while a later one stands on it', () => {
    const reason = 'defined under the wrong key by mistake';
    spec
      .given({ ...defined(v1), id: 'v1' })
      .when({
        type: 'CorrectEvent',
        ...timed,
        correctsEventId: 'v1',
        kind: 'amendment',
        reason,
        changes: { unit: 'm2' },
      })
      .thenThrows('EVENT_NOT_AMENDABLE');
    spec
      .given({ ...defined(v1), id: 'v1' }, defined(v2))
      .when({ type: 'CorrectEvent', ...timed, correctsEventId: 'v1', kind: 'retraction', reason })
      .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS');
  });
});
