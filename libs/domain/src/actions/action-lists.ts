// What the rest of the ledger reads from ACTIONS: the action aggregates, the fields of every action event
// that contribution rules may use, the beneficiary-history support kinds, the recording tasks, the labels.
import type { AnyAggregateDefinition } from '../corrections/aggregate-definition';
import type { ActionCommand, AnyActionDescriptor, Label, SupportKind } from './action-descriptor';
import { ACTIONS, type ActionEventType } from './actions';

export interface ActionEventFields {
  /** Numeric data fields a rule may sum. */
  numeric: readonly string[];
  /** Data fields a rule may filter on with `where`. */
  filterable: readonly string[];
  /** Data fields that name the period the fact belongs to (e.g. the insurance year). */
  period: readonly string[];
}

const actions: readonly AnyActionDescriptor[] = ACTIONS;

/** The aggregate of every action, in the order of ACTIONS. */
export const actionAggregates: readonly AnyAggregateDefinition[] = actions.map(
  (action) => action.aggregate as AnyAggregateDefinition,
);

/** Every event an action writes, with the action it belongs to. */
export const actionEvents = actions.flatMap((action) =>
  Object.entries(action.events).map(([type, event]) => ({ action, type, event })),
);

/** Which data fields of each action event a contribution rule may sum, filter on or read a period from. */
export const ACTION_EVENT_CATALOGUE: Readonly<Record<ActionEventType, ActionEventFields>> = Object.freeze(
  Object.fromEntries(
    actionEvents.map(({ type, event }) => [
      type,
      { numeric: event.numeric ?? [], filterable: event.filterable ?? [], period: event.period ?? [] },
    ]),
  ) as Record<ActionEventType, ActionEventFields>,
);

export const ACTION_EVENT_TYPES = actionEvents.map(({ type }) => type as ActionEventType);

export function isActionEventType(type: unknown): type is ActionEventType {
  return typeof type === 'string' && Object.hasOwn(ACTION_EVENT_CATALOGUE, type);
}

/** Valid data of each action event type, as its decider writes it (each descriptor's example). */
export const ACTION_EVENT_EXAMPLES: Readonly<Record<ActionEventType, Readonly<Record<string, unknown>>>> =
  Object.freeze(
    Object.fromEntries(
      actionEvents.map(({ type, event }) => [type, event.example as Record<string, unknown>]),
    ) as Record<ActionEventType, Record<string, unknown>>,
  );

/** How each event that names a beneficiary shows in the beneficiary history, by event type. */
export const ACTION_SUPPORT_KINDS: Readonly<Record<string, SupportKind>> = Object.freeze(
  Object.fromEntries(
    actionEvents.flatMap(({ type, event }) => (event.support ? [[type, event.support as SupportKind]] : [])),
  ),
);

/** The task names recording-rights.json may give an agency. */
export const RECORDING_TASKS: readonly string[] = actions.map((action) => action.recordingTask);

/** Every command of every action, with its action. */
export const actionCommands: readonly { action: AnyActionDescriptor; command: ActionCommand }[] =
  actions.flatMap((action) => Object.values(action.commands).map((command) => ({ action, command })));

/** The label of each action event type, for readers that show events in words. */
export const ACTION_EVENT_LABELS: Readonly<Record<string, Label>> = Object.freeze(
  Object.fromEntries(actionEvents.map(({ type, event }) => [type, event.label])),
);

/** The HTTP path of a command: /<resource> or /<resource>/{id}/<step>. */
export function commandPath(command: ActionCommand): string {
  return command.route.step
    ? `/${command.route.resource}/{id}/${command.route.step}`
    : `/${command.route.resource}`;
}
