// Given/when/then for deciders (STYLE.md practice 3): given these events, when this command, then these
// events or this named error. No test framework inside, because libs/ is built without jest's types:
// a failed expectation throws an Error whose message shows what was expected and what came out.
import type { AggregateDefinition, StreamEvent } from '../corrections/aggregate-definition';
import type { CorrectEvent } from '../corrections/correction.command';
import type { CorrectedOriginal } from '../corrections/correction.event';
import { decideCorrection } from '../corrections/decide-correction';
import { foldStream } from '../corrections/effective-events';
import { DomainError, type DomainErrorKind } from '../shared/domain-error';
import type { DomainEvent } from '../shared/envelope';

/** A past event: ids are optional (given-1, given-2, ... by position) unless a correction points at it. */
export type GivenEvent = DomainEvent & { id?: string; metadata?: StreamEvent['metadata'] };

/**
 * What a correction of this past event carries as its `original`. Pass `data` when earlier amendments
 * changed it: the original is the event as it stood just before the correction.
 */
export function originalOf(event: GivenEvent, data: unknown = event.data): CorrectedOriginal {
  return { type: event.type, data, ...event.metadata };
}

export interface ExpectedError {
  kind?: DomainErrorKind;
  field?: string;
}

export class SpecificationFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecificationFailed';
  }
}

export function specFor<C extends { type: string }, E extends DomainEvent, S>(
  definition: AggregateDefinition<C, E, S>,
) {
  return {
    given: (...given: GivenEvent[]) => {
      const history: StreamEvent[] = given.map((event, index) => ({
        ...event,
        id: event.id ?? `given-${index + 1}`,
      }));
      return {
        when: (command: C | CorrectEvent) => {
          const decide = (): DomainEvent[] =>
            command.type === 'CorrectEvent'
              ? decideCorrection(definition, command as CorrectEvent, history)
              : definition.decider.decide(command as C, foldStream(definition, history));
          return {
            then: (...expected: DomainEvent[]): void => {
              let actual: DomainEvent[];
              try {
                actual = decide();
              } catch (error) {
                throw new SpecificationFailed(
                  `expected events, but the command was refused: ${describe(error)}`,
                );
              }
              if (canonical(actual) !== canonical(expected)) {
                throw new SpecificationFailed(
                  `events differ\nexpected: ${pretty(expected)}\nactual:   ${pretty(actual)}`,
                );
              }
            },
            thenThrows: (code: string, expected: ExpectedError = {}): void => {
              let actual: DomainEvent[];
              try {
                actual = decide();
              } catch (error) {
                if (!(error instanceof DomainError)) {
                  throw new SpecificationFailed(`expected DomainError ${code}, got ${describe(error)}`);
                }
                const mismatch =
                  error.code !== code ||
                  (expected.kind !== undefined && error.kind !== expected.kind) ||
                  (expected.field !== undefined && error.field !== expected.field);
                if (mismatch) {
                  throw new SpecificationFailed(
                    `expected ${code} ${pretty(expected)}, got ${error.code} ` +
                      `${pretty({ kind: error.kind, field: error.field })}: ${error.message}`,
                  );
                }
                return;
              }
              throw new SpecificationFailed(`expected ${code}, but the command produced ${pretty(actual)}`);
            },
          };
        },
      };
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof DomainError)
    return `${error.code} (${error.kind}${error.field ? `, ${error.field}` : ''}): ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** JSON with sorted keys and undefined dropped, so that key order and absent-vs-undefined do not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
