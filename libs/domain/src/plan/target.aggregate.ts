// Targets of a plan (stream target-<planId>.<indicatorKey>): set once, then revised by a command of its
// own that names the reason and keeps the previous target in the event.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../corrections/decide-correction';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { assertNever, type Decider } from '../shared/decider';
import { invalid, notFound } from '../shared/domain-error';
import { checkOccurredAt } from '../shared/rules';
import type { ReviseTarget, SetTarget } from './plan.commands';
import type { TargetRevised, TargetSet } from './plan.events';
import { FieldChecker, parseOrThrow, requireKey, requirePlanId, sameRecord } from './plan-values';
import { statedOnce } from './stated-once';
import { parseTarget, type Target } from './targets';

export const TARGET_STREAM_PREFIX = 'target-';

export function targetStream(planId: string, indicatorKey: string): string {
  return `${TARGET_STREAM_PREFIX}${planId}.${indicatorKey}`;
}

export type TargetCommand = SetTarget | ReviseTarget;
export type TargetEvent = TargetSet | TargetRevised;

export type TargetState =
  | { status: 'none' }
  | { status: 'set'; planId: string; indicatorKey: string; target: Target; revisions: number };

export const targetDecider: Decider<TargetCommand, TargetEvent, TargetState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'SetTarget':
        return setTarget(command, state);
      case 'ReviseTarget':
        return reviseTarget(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'TargetSet':
        return { status: 'set', ...event.data, revisions: 0 };
      case 'TargetRevised':
        return state.status === 'set'
          ? { ...state, target: event.data.target, revisions: state.revisions + 1 }
          : state;
      default:
        return assertNever(event);
    }
  },
};

function parseCommand(command: TargetCommand): { planId: string; indicatorKey: string; target: Target } {
  return parseOrThrow((check: FieldChecker) => ({
    planId: check.check('planId', (f) => requirePlanId(command.planId, f)),
    indicatorKey: check.check('indicatorKey', (f) => requireKey(command.indicatorKey, f)),
    target: parseTarget(command.target, check.nested('target')),
  }));
}

function setTarget(command: SetTarget, state: TargetState): TargetEvent[] {
  const data = parseCommand(command);
  return statedOnce(
    state.status === 'set' ? state.target : null,
    data.target,
    { type: 'TargetSet', data },
    'TARGET_ALREADY_SET',
    `the target of ${data.indicatorKey} in plan ${data.planId} is already set otherwise; revise it with a reason`,
  );
}

function reviseTarget(command: ReviseTarget, state: TargetState): TargetEvent[] {
  const { planId, indicatorKey, target } = parseCommand(command);
  const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
  if (reason.length < REASON_MIN_LENGTH || reason.length > REASON_MAX_LENGTH) {
    throw invalid(
      'REASON_LENGTH_OUT_OF_RANGE',
      'reason',
      `reason must be ${REASON_MIN_LENGTH} to ${REASON_MAX_LENGTH} characters`,
    );
  }
  if (state.status !== 'set') {
    throw notFound('TARGET_NOT_SET', `no target of ${indicatorKey} is set in plan ${planId}`);
  }
  if (sameRecord(state.target, target)) {
    throw invalid('TARGET_UNCHANGED', 'target', 'the revised target equals the current one');
  }
  if ((state.target.comparison === 'achieved') !== (target.comparison === 'achieved')) {
    throw invalid(
      'TARGET_KIND_CHANGED',
      'target.comparison',
      'a milestone target stays a milestone, a numeric target stays numeric',
    );
  }
  return [{ type: 'TargetRevised', data: { planId, indicatorKey, previous: state.target, target, reason } }];
}

export const targetAggregate: AggregateDefinition<TargetCommand, TargetEvent, TargetState> = {
  name: 'target',
  streamPrefix: TARGET_STREAM_PREFIX,
  streamFor: (command) => targetStream(command.planId, command.indicatorKey),
  decider: targetDecider,
  eventTypes: ['TargetSet', 'TargetRevised', EVENT_CORRECTED],
  schemaVersions: { TargetSet: 1, TargetRevised: 1, [EVENT_CORRECTED]: 1 },
  // A revision names the target it replaced: it stands on every earlier target event.
  dependsOn: () => true,
  // A target changes by revision (with a reason), never by amendment.
  amend: {},
};
