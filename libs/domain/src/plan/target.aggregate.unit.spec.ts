import { originalOf, specFor, type GivenEvent } from '../testing/decider-spec';
import type { ReviseTarget, SetTarget } from './plan.commands';
import { targetAggregate, targetStream } from './target.aggregate';
import type { Target } from './targets';
import { timed } from './testing/sample-records';

const spec = specFor(targetAggregate);
const planId = 'bac-ai-nq42';
const indicatorKey = 'houses_built';
const target: Target = {
  comparison: '>',
  value: 800,
  deadline: '2030-12-31',
  planText: 'hơn 800 căn',
  milestones: [],
};
const revised: Target = { ...target, value: 900 };
const reason = 'Provincial programme adds 100 houses for flood-hit households (decision 12/QĐ-UBND)';

const set = (over: Partial<SetTarget> = {}): SetTarget => ({
  type: 'SetTarget',
  ...timed,
  planId,
  indicatorKey,
  target,
  ...over,
});
const revise = (over: Partial<ReviseTarget> = {}): ReviseTarget => ({
  type: 'ReviseTarget',
  ...timed,
  planId,
  indicatorKey,
  target: revised,
  reason,
  ...over,
});
const targetSet: GivenEvent = { type: 'TargetSet', data: { planId, indicatorKey, target } };
const targetRevised = {
  type: 'TargetRevised',
  data: { planId, indicatorKey, previous: target, target: revised, reason },
};

describe('target', () => {
  it('lives in one stream per plan and indicator', () =>
    expect(targetAggregate.streamFor(set())).toBe(targetStream(planId, indicatorKey)));

  describe('SetTarget', () => {
    it('sets the target', () => spec.given().when(set()).then(targetSet));

    it('appends nothing when the same target is set again (a second seed load)', () =>
      spec.given(targetSet).when(set()).then());

    it('refuses a different target: that is a revision, with a reason', () =>
      spec
        .given(targetSet)
        .when(set({ target: revised }))
        .thenThrows('TARGET_ALREADY_SET', { kind: 'conflict' }));

    it('refuses a target of the wrong shape, naming the field', () =>
      spec
        .given()
        .when(set({ target: { ...target, comparison: 'more' } as unknown as Target }))
        .thenThrows('VALUE_NOT_ALLOWED', { kind: 'invalid', field: 'target.comparison' }));

    it('refuses an indicator key that is not one', () =>
      spec
        .given()
        .when(set({ indicatorKey: 'Houses Built' }))
        .thenThrows('KEY_INVALID', { field: 'indicatorKey' }));
  });

  describe('ReviseTarget', () => {
    it('revises the target, keeping the previous one and the reason in the event', () =>
      spec.given(targetSet).when(revise()).then(targetRevised));

    it('revises a revised target from its current value', () =>
      spec
        .given(targetSet, targetRevised)
        .when(revise({ target: target }))
        .then({ type: 'TargetRevised', data: { planId, indicatorKey, previous: revised, target, reason } }));

    it('refuses a revision that changes nothing', () =>
      spec
        .given(targetSet)
        .when(revise({ target }))
        .thenThrows('TARGET_UNCHANGED', { kind: 'invalid', field: 'target' }));

    it('refuses a revision without a reason', () =>
      spec
        .given(targetSet)
        .when(revise({ reason: 'because' }))
        .thenThrows('REASON_LENGTH_OUT_OF_RANGE', { kind: 'invalid', field: 'reason' }));

    it('refuses to revise a target that was never set', () =>
      spec.given().when(revise()).thenThrows('TARGET_NOT_SET', { kind: 'not_found' }));

    it('refuses to turn a numeric target into a milestone', () =>
      spec
        .given(targetSet)
        .when(
          revise({
            target: { comparison: 'achieved', deadline: '2030-12-31', planText: 'x', milestones: [] },
          }),
        )
        .thenThrows('TARGET_KIND_CHANGED', { field: 'target.comparison' }));

    it('reads the target as it stands after a revision is retracted', () =>
      spec
        .given(
          targetSet,
          { ...targetRevised, id: 'rev-1' },
          {
            type: 'EventCorrected',
            data: {
              correctsEventId: 'rev-1',
              correctedType: 'TargetRevised',
              kind: 'retraction',
              reason,
              changes: null,
              original: originalOf(targetRevised),
            },
          },
        )
        .when(revise())
        .then(targetRevised));

    it('cannot retract the target a revision replaced', () =>
      spec
        .given({ ...targetSet, id: 'set-1' }, targetRevised)
        .when({ type: 'CorrectEvent', ...timed, correctsEventId: 'set-1', kind: 'retraction', reason })
        .thenThrows('CORRECTION_WOULD_ORPHAN_LATER_EVENTS', { kind: 'conflict' }));

    it('is never amended: a change of target is a revision', () =>
      spec
        .given({ ...targetSet, id: 'set-1' })
        .when({
          type: 'CorrectEvent',
          ...timed,
          correctsEventId: 'set-1',
          kind: 'amendment',
          reason,
          changes: { target: revised },
        })
        .thenThrows('EVENT_NOT_AMENDABLE', { kind: 'conflict' }));
  });

  it('refuses a command dated in the future', () =>
    spec
      .given()
      .when(set({ occurredAt: '2030-01-01' }))
      .thenThrows('OCCURRED_AT_IN_FUTURE', { field: 'occurredAt' }));
});
