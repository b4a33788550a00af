// The four aggregates, for code that only knows a stream name or an event type.
import { housingCaseAggregate } from '../housing/housing.aggregate';
import { remainsCaseAggregate } from '../remains/remains.aggregate';
import { subsidyPaymentAggregate } from '../subsidy/subsidy.aggregate';
import { trainingCourseAggregate } from '../training/training.aggregate';
import type { AnyAggregateDefinition } from './aggregate-definition';

export const aggregates: readonly AnyAggregateDefinition[] = [
  housingCaseAggregate,
  subsidyPaymentAggregate,
  remainsCaseAggregate,
  trainingCourseAggregate,
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
