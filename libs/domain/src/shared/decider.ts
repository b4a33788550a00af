// The shape of every aggregate (STYLE.md practice 1): pure, no I/O, no clock, no random ids.
import type { DomainEvent } from './envelope';

export interface Decider<Command, Event extends DomainEvent, State> {
  /** Returns the events that the command produces, or throws a DomainError naming the broken rule. */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** Compile-time exhaustiveness check for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
