// Every aggregate, for code that only knows a stream name or an event type: the actions' (from ACTIONS) and
// the plan's, and the officers' accounts.
import { accountAggregate } from '../accounts/account.aggregate';
import { actionAggregates } from '../actions/action-lists';
import { planAggregates } from '../plan/plan-aggregates';
import type { AnyAggregateDefinition } from './aggregate-definition';

export const aggregates: readonly AnyAggregateDefinition[] = [
  ...actionAggregates,
  ...planAggregates,
  accountAggregate,
];

/** The definition whose stream prefix the stream name starts with; undefined for any other stream. */
export function aggregateForStream(stream: string): AnyAggregateDefinition | undefined {
  return aggregates.find(
    (definition) =>
      stream.startsWith(definition.streamPrefix) && stream.length > definition.streamPrefix.length,
  );
}

/** Schema version written today for every event type of every aggregate. */
export const currentSchemaVersions: Readonly<Record<string, number>> = Object.freeze(
  Object.assign({}, ...aggregates.map((definition) => definition.schemaVersions)) as Record<string, number>,
);
