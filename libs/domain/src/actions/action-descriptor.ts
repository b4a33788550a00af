// One action as data: its aggregate, the commands an officer sends (route and request fields), the events it
// writes (labels, which fields the contribution rules may sum, filter on or read a period from, how it shows in
// a beneficiary's history) and the recording task that recording-rights.json names. Pure data and pure
// functions: the shell builds routes, request classes and OpenAPI schemas from it, the read side its labels.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import type { DomainEvent } from '../shared/envelope';
import type { FieldType } from './field-types';
import type { PlanLookup } from './plan-lookup';

export interface Label {
  vi: string;
  en: string;
}

/** Only sent when another field holds one of these values (refused otherwise); required then. */
export interface FieldCondition {
  field: string;
  values: readonly string[];
  /** The field to send instead, named in the refusal. */
  instead: string;
}

/** A field of a request body, as data: the shell turns it into validators, OpenAPI and form metadata. */
export interface RequestField {
  name: string;
  type: FieldType;
  required: boolean;
  /** Allowed values of an enum. */
  values?: readonly string[];
  /** Bounds of an integer or number (inclusive). */
  min?: number;
  max?: number;
  /** A number that must be above 0. */
  positive?: boolean;
  maxDecimalPlaces?: number;
  /** Longest text (text fields are 1 to maxLength characters). */
  maxLength?: number;
  /** A value that passes the field's validation (the catalogue and OpenAPI show it). */
  example: string | number;
  /**
   * Whether OpenAPI shows the example (default yes: the examples of a request's fields make a valid request
   * together). A new stream's id shows none: an example sent twice would be a replay of the first.
   */
  documentExample?: boolean;
  label: Label;
  help?: string;
  /** The command field the value goes to when it is not the same name (a citizen id becomes a reference). */
  storedAs?: string;
  /** Trimmed before it reaches the command. */
  trim?: boolean;
  /** Personal data: sealed under the person's key, never in clear in the event. */
  sealed?: boolean;
  onlyWhen?: FieldCondition;
  /** The id of a new stream sent by the client (defaults to the event id, then to a random UUID). */
  newId?: boolean;
  /** Its column in a CSV import when not the name in snake_case (citizen ids: citizen_id). */
  importColumn?: string;
}

export interface CommandRoute {
  /** POST /<resource> opens a stream; POST /<resource>/{id}/<step> is a step on one. */
  resource: string;
  step?: string;
}

export interface ActionCommand<T extends string = string> {
  type: T;
  label: Label;
  /** OpenAPI summary. */
  summary: string;
  route: CommandRoute;
  /** The command field that names the stream: filled from the body (new stream) or the path (a step). */
  idField: string;
  /** Which field gives the org unit of a new stream; absent on a step (the case's own org unit). */
  orgUnitField?: string;
  /** Whether the response carries the new case's id as caseId. */
  returnsCaseId?: boolean;
  /** Its name in the action column of a CSV import when not the command type in snake_case. */
  importAs?: string;
  /** A rule that needs the plan (a pure function; throws the domain error that refuses the command). */
  checkAgainstPlan?: (plan: PlanLookup, command: Readonly<Record<string, unknown>>) => void;
  fields: readonly RequestField[];
}

/** How one event shows in a beneficiary's history, as data the beneficiary-history projection reads. */
export interface SupportKind<D = Record<string, unknown>> {
  /** The data field holding the person's or household's pseudonymous reference. */
  refField: keyof D & string;
  family: string;
  /** The programme: a data field (after an optional prefix), or a fixed name. */
  programme: { field: keyof D & string; prefix?: string } | { fixed: string };
  /** What the support is for: a data field (YYYY, YYYY-Qn, YYYY-MM or a year), or the year or month it happened. */
  period: { field: keyof D & string } | { occurred: 'year' | 'month' };
  /** The amount it carries, if any. */
  amount: { field: keyof D & string; kind: AmountKind } | null;
  /** overlap: same programme for overlapping periods; ever: any two; none: never a duplicate. */
  duplicates: 'overlap' | 'ever' | 'none';
  /** Whether it is given where the beneficiary lives (for two_communes_same_period). */
  residenceBound: boolean;
  /** Whether the plan model's programme norms (by this event type) cap its amount. */
  normed: boolean;
}

export type AmountKind = 'paid' | 'monthly' | 'loan';

type FieldOf<D> = keyof D & string;

export interface ActionEvent<D> {
  label: Label;
  /** Valid data of the event, as its decider writes it: tests record it (the compiler checks it is a D). */
  example: D;
  /** A label for every data field. */
  fields: { [K in FieldOf<D>]-?: Label };
  /** Numeric data fields a contribution rule may sum. */
  numeric?: readonly FieldOf<D>[];
  /** Data fields a rule may filter on with `where`. */
  filterable?: readonly FieldOf<D>[];
  /** Data fields that name the period the fact belongs to (e.g. the insurance year). */
  period?: readonly FieldOf<D>[];
  support?: SupportKind<D>;
}

type CommandTypeOf<C> = C extends { type: infer T extends string } ? T : never;

export interface ActionDescriptor<C = never, E extends DomainEvent = DomainEvent, S = unknown> {
  /** The folder's name. */
  name: string;
  label: Label;
  /** The feature module its routes belong to. */
  feature: 'housing' | 'remains' | 'training' | 'one-off-actions';
  /** OpenAPI tag of its routes. */
  apiTag: string;
  aggregate: AggregateDefinition<C, E, S>;
  /** The task recording-rights.json names (the aggregate's name). */
  recordingTask: AggregateDefinition<C, E, S>['name'];
  /** Every command, each with its route. */
  commands: { [T in CommandTypeOf<C>]: ActionCommand<T> };
  /** Every event the action writes, EventCorrected aside. */
  events: { [T in E['type']]: ActionEvent<Extract<E, { type: T }>['data']> };
}

/** Any descriptor, as the lists and the shell hold them. */
export interface AnyActionDescriptor {
  name: string;
  label: Label;
  feature: ActionDescriptor['feature'];
  apiTag: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  aggregate: AggregateDefinition<any, any, any>;
  recordingTask: string;
  commands: Readonly<Record<string, ActionCommand>>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events: Readonly<Record<string, ActionEvent<any>>>;
}

/** Checks a descriptor against its own aggregate's commands and events; returns it unchanged. */
export function defineAction<C, E extends DomainEvent, S>(
  descriptor: ActionDescriptor<C, E, S>,
): ActionDescriptor<C, E, S> {
  return descriptor;
}
