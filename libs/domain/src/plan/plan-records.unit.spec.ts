// Deciders of the plan document, responsibilities and baselines.
import { originalOf, specFor } from '../testing/decider-spec';
import { baselineAggregate, baselineStream } from './baseline.aggregate';
import type { AdoptPlan, AssignResponsibility, RecordBaseline } from './plan.commands';
import { planDocumentAggregate } from './plan-document.aggregate';
import { responsibilityAggregate } from './responsibility.aggregate';
import { sampleSeed, timed } from './testing/sample-records';

const seed = sampleSeed();
const reason = 'the district reassigned the indicator in decision 5/QĐ-UBND';

describe('plan', () => {
  const spec = specFor(planDocumentAggregate);
  const adopt = (over: Partial<AdoptPlan> = {}): AdoptPlan => ({
    type: 'AdoptPlan',
    ...timed,
    ...seed.plan,
    ...over,
  });
  const adopted = { type: 'PlanAdopted', data: seed.plan, id: 'adopted' };

  it('is adopted once', () => spec.given().when(adopt()).then({ type: 'PlanAdopted', data: seed.plan }));

  it('appends nothing when adopted again with the same content', () =>
    spec.given(adopted).when(adopt()).then());

  it('refuses other content', () =>
    spec
      .given(adopted)
      .when(adopt({ titleEn: 'Another plan' }))
      .thenThrows('PLAN_ALREADY_ADOPTED', { kind: 'conflict' }));

  it('refuses a period that ends before it starts', () =>
    spec
      .given()
      .when(adopt({ periodTo: '2023-12-31' }))
      .thenThrows('PERIOD_EMPTY', { field: 'periodTo' }));

  it('takes the document number and date as an amendment once the signed original is checked', () =>
    spec
      .given(adopted)
      .when({
        type: 'CorrectEvent',
        ...timed,
        correctsEventId: 'adopted',
        kind: 'amendment',
        reason: 'number and date read on the signed original',
        changes: { documentNumber: '123-KH/HU', adoptedOn: '2024-04-02' },
      })
      .then({
        type: 'EventCorrected',
        data: {
          correctsEventId: 'adopted',
          correctedType: 'PlanAdopted',
          kind: 'amendment',
          reason: 'number and date read on the signed original',
          changes: { documentNumber: '123-KH/HU', adoptedOn: '2024-04-02' },
          original: originalOf(adopted),
        },
      }));
});

describe('responsibility', () => {
  const spec = specFor(responsibilityAggregate);
  const { responsibility } = seed.indicators[0];
  const assign = (over: Partial<AssignResponsibility> = {}): AssignResponsibility => ({
    type: 'AssignResponsibility',
    ...timed,
    planId: 'sample-plan',
    indicatorKey: 'houses_built',
    ...responsibility,
    reason: null,
    ...over,
  });
  const assigned = {
    type: 'ResponsibilityAssigned',
    data: { planId: 'sample-plan', indicatorKey: 'houses_built', ...responsibility, reason: null },
  };

  it('assigns the lead of an indicator', () => spec.given().when(assign()).then(assigned));

  it('appends nothing when the same assignment is made again', () =>
    spec.given(assigned).when(assign()).then());

  it('reassigns with a reason', () =>
    spec
      .given(assigned)
      .when(assign({ lead: 'UBND-D-1', reason }))
      .then({ type: 'ResponsibilityAssigned', data: { ...assigned.data, lead: 'UBND-D-1', reason } }));

  it('refuses to reassign without a reason', () =>
    spec
      .given(assigned)
      .when(assign({ lead: 'UBND-D-1' }))
      .thenThrows('REASON_REQUIRED', { field: 'reason' }));

  it('refuses a lead that is also listed as support', () =>
    spec
      .given()
      .when(assign({ support: ['LAB-D-1'] }))
      .thenThrows('LEAD_ALSO_SUPPORTS', { field: 'support' }));
});

describe('baseline', () => {
  const spec = specFor(baselineAggregate);
  const { values, ...series } = seed.baselines[0];
  const baseline = { planId: 'sample-plan', ...series, orgUnit: 'C-1', value: values['C-1'] };
  const record = (over: Partial<RecordBaseline> = {}): RecordBaseline => ({
    type: 'RecordBaseline',
    ...timed,
    ...baseline,
    ...over,
  });
  const recorded = { type: 'BaselineRecorded', data: baseline, id: 'b1' };

  it('lives in one stream per plan, statistic and org unit', () =>
    expect(baselineAggregate.streamFor(record())).toBe(baselineStream('sample-plan', 'population', 'C-1')));

  it('records a figure, marked illustrative in its data', () =>
    spec.given().when(record()).then({ type: 'BaselineRecorded', data: baseline }));

  it('appends nothing when recorded again', () => spec.given(recorded).when(record()).then());

  it('records a figure of a later date beside the first', () =>
    spec
      .given(recorded)
      .when(record({ asOf: '2024', value: 3100 }))
      .then({ type: 'BaselineRecorded', data: { ...baseline, asOf: '2024', value: 3100 } }));

  it('refuses another figure for the same date', () =>
    spec
      .given(recorded)
      .when(record({ value: 3100 }))
      .thenThrows('BASELINE_ALREADY_RECORDED', { kind: 'conflict' }));

  it('refuses an illustrative figure that does not say how it was made up', () =>
    spec
      .given()
      .when(record({ note: null }))
      .thenThrows('ILLUSTRATIVE_NOTE_REQUIRED', { field: 'note' }));

  it('replaces an illustrative figure with the official one by amendment', () => {
    const changes = { value: 3127, illustrative: false, source: 'Chi cục Thống kê, niên giám 2023' };
    spec
      .given(recorded)
      .when({
        type: 'CorrectEvent',
        ...timed,
        correctsEventId: 'b1',
        kind: 'amendment',
        reason: 'official figure received',
        changes,
      })
      .then({
        type: 'EventCorrected',
        data: {
          correctsEventId: 'b1',
          correctedType: 'BaselineRecorded',
          kind: 'amendment',
          reason: 'official figure received',
          changes,
          original: originalOf(recorded),
        },
      });
  });
});
