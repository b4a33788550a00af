// Who leads each indicator of a plan (stream responsibility-<planId>.<indicatorKey>). The first
// assignment needs no reason; a change of lead or support does.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../corrections/decide-correction';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { assertNever, type Decider } from '../shared/decider';
import { invalid } from '../shared/domain-error';
import { checkOccurredAt } from '../shared/rules';
import type { AssignResponsibility } from './plan.commands';
import type { ResponsibilityAssigned, ResponsibilityAssignedData } from './plan.events';
import { parseResponsibility, type Responsibility } from './plan-records';
import {
  optionalText,
  parseOrThrow,
  requireBoolean,
  requireKey,
  requireLongText,
  requirePlanId,
  sameRecord,
} from './plan-values';

export const RESPONSIBILITY_STREAM_PREFIX = 'responsibility-';

export function responsibilityStream(planId: string, indicatorKey: string): string {
  return `${RESPONSIBILITY_STREAM_PREFIX}${planId}.${indicatorKey}`;
}

export type ResponsibilityState = { status: 'none' } | { status: 'assigned'; responsibility: Responsibility };

const responsibilityOf = (data: Responsibility): Responsibility => ({
  lead: data.lead,
  support: data.support,
  basis: data.basis,
  verified: data.verified,
});

export const responsibilityDecider: Decider<
  AssignResponsibility,
  ResponsibilityAssigned,
  ResponsibilityState
> = {
  initialState: { status: 'none' },
  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'AssignResponsibility':
        return assign(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'ResponsibilityAssigned':
        return { status: 'assigned', responsibility: responsibilityOf(event.data) };
      default:
        return assertNever(event.type);
    }
  },
};

function assign(command: AssignResponsibility, state: ResponsibilityState): ResponsibilityAssigned[] {
  const data: ResponsibilityAssignedData = parseOrThrow((check) => ({
    planId: check.check('planId', (f) => requirePlanId(command.planId, f)),
    indicatorKey: check.check('indicatorKey', (f) => requireKey(command.indicatorKey, f)),
    ...parseResponsibility(command, check, ['planId', 'indicatorKey', 'reason']),
    reason: check.check('reason', (f) => optionalText(command.reason, f, REASON_MAX_LENGTH)),
  }));
  if (state.status === 'assigned') {
    if (sameRecord(state.responsibility, responsibilityOf(data))) return [];
    if (data.reason === null || data.reason.length < REASON_MIN_LENGTH) {
      throw invalid(
        'REASON_REQUIRED',
        'reason',
        `changing who leads ${data.indicatorKey} needs a reason of at least ${REASON_MIN_LENGTH} characters`,
      );
    }
  }
  return [{ type: 'ResponsibilityAssigned', data }];
}

export const responsibilityAggregate: AggregateDefinition<
  AssignResponsibility,
  ResponsibilityAssigned,
  ResponsibilityState
> = {
  name: 'responsibility',
  streamPrefix: RESPONSIBILITY_STREAM_PREFIX,
  streamFor: (command) => responsibilityStream(command.planId, command.indicatorKey),
  decider: responsibilityDecider,
  eventTypes: ['ResponsibilityAssigned', EVENT_CORRECTED],
  schemaVersions: { ResponsibilityAssigned: 1, [EVENT_CORRECTED]: 1 },
  // Each assignment stands on its own: it replaces whatever was before.
  dependsOn: () => false,
  // When the assignment is confirmed by a document, its basis and status are amended.
  amend: {
    ResponsibilityAssigned: amendFields<ResponsibilityAssignedData>({
      basis: (v, f) => requireLongText(v, f, 1000),
      verified: requireBoolean,
    }),
  },
};
