// The plan itself (stream plan-<planId>): adopted once; its document number and date may be amended
// when the copy we hold is replaced by the signed original.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import { assertNever, type Decider } from '../shared/decider';
import { checkOccurredAt } from '../shared/rules';
import type { AdoptPlan } from './plan.commands';
import type { PlanAdopted } from './plan.events';
import { parsePlanDocument, type PlanDocument } from './plan-records';
import { optionalText, parseOrThrow, requireDate, requireLongText, requireNullable } from './plan-values';
import { statedOnce } from './stated-once';

export const PLAN_STREAM_PREFIX = 'plan-';

export function planStream(planId: string): string {
  return `${PLAN_STREAM_PREFIX}${planId}`;
}

export type PlanDocumentState = { status: 'none' } | { status: 'adopted'; plan: PlanDocument };

export const planDocumentDecider: Decider<AdoptPlan, PlanAdopted, PlanDocumentState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'AdoptPlan': {
        const plan = parseOrThrow((check) => parsePlanDocument(command, check));
        return statedOnce(
          state.status === 'adopted' ? state.plan : null,
          plan,
          { type: 'PlanAdopted', data: plan },
          'PLAN_ALREADY_ADOPTED',
          `plan ${plan.planId} is already adopted with other content; correct the recorded event`,
        );
      }
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'PlanAdopted':
        return { status: 'adopted', plan: event.data };
      default:
        return assertNever(event.type);
    }
  },
};

export const planDocumentAggregate: AggregateDefinition<AdoptPlan, PlanAdopted, PlanDocumentState> = {
  name: 'plan',
  streamPrefix: PLAN_STREAM_PREFIX,
  streamFor: (command) => planStream(command.planId),
  decider: planDocumentDecider,
  eventTypes: ['PlanAdopted', EVENT_CORRECTED],
  schemaVersions: { PlanAdopted: 1, [EVENT_CORRECTED]: 1 },
  dependsOn: () => false,
  amend: {
    PlanAdopted: amendFields<PlanDocument>({
      documentNumber: (v, f) => optionalText(v, f, 100),
      adoptedOn: (v, f) => requireNullable(v, f, requireDate),
      titleEn: (v, f) => requireLongText(v, f, 500),
      source: (v, f) => requireLongText(v, f, 1000),
      note: (v, f) => optionalText(v, f),
    }),
  },
};
