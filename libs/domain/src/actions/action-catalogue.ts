// The actions as a client sees them (GET /actions): labels in Vietnamese and English, each command's route and
// fields (type, allowed values, bounds, example, labels, help), each event's labels and field labels. Read from
// ACTIONS, so a form, an upload template or a dashboard label never keeps a copy of its own.
import type { ActionCommand, AnyActionDescriptor, Label, RequestField } from './action-descriptor';
import { commandPath } from './action-lists';
import { ACTIONS } from './actions';
import { enumValueLabels } from './enum-value-labels';
import { MONEY_VND, PATTERN_RULES } from './field-types';

export interface CatalogueField {
  name: string;
  type: RequestField['type'];
  required: boolean;
  label: Label;
  example: string | number;
  help?: string;
  values?: readonly string[];
  /** The allowed values in words, by value. */
  valueLabels?: Readonly<Record<string, Label>>;
  min?: number;
  max?: number;
  maxLength?: number;
  /** The pattern the whole value must match (JavaScript RegExp source, no flags), for text kinds checked by one. */
  pattern?: string;
  /** Only sent when `field` holds one of `values`. */
  onlyWhen?: { field: string; values: readonly string[] };
}

export interface CatalogueCommand {
  type: string;
  label: Label;
  summary: string;
  method: 'POST';
  /** /<resource> or /<resource>/{id}/<step>; {id} is the case's UUID. */
  path: string;
  fields: CatalogueField[];
}

export interface CatalogueEvent {
  type: string;
  label: Label;
  fields: { name: string; label: Label }[];
}

export interface CatalogueAction {
  name: string;
  label: Label;
  recordingTask: string;
  commands: CatalogueCommand[];
  /** The events it writes (named eventTypes: a public body never has a key `events`). */
  eventTypes: CatalogueEvent[];
}

export interface ActionCatalogue {
  /** Fields every command takes besides its own. */
  commonFields: CatalogueField[];
  actions: CatalogueAction[];
}

/** Fields every recording body shares (RecordActionRequest). */
export const COMMON_FIELDS: readonly CatalogueField[] = [
  {
    name: 'id',
    type: 'uuid',
    required: false,
    label: { vi: 'Mã sự kiện', en: 'Event id' },
    example: '0b7e6f5a-3c2d-4e1f-8a9b-1c2d3e4f5a6b',
    help: 'Event id chosen by the client. Sending the same id again appends nothing and returns the first result.',
  },
  {
    name: 'occurredAt',
    type: 'text',
    required: true,
    label: { vi: 'Thời điểm thực hiện', en: 'When it happened' },
    example: '2026-11-20T09:30:00+07:00',
    help: 'When the action happened (ISO 8601)',
  },
];

const patternOf = (type: RequestField['type']): string | undefined =>
  type in PATTERN_RULES ? PATTERN_RULES[type as keyof typeof PATTERN_RULES].pattern.source : undefined;

function fieldOf(field: RequestField): CatalogueField {
  const pattern = patternOf(field.type);
  const money = field.type === 'moneyVnd';
  const min = field.min ?? (money ? MONEY_VND.min : undefined);
  const max = field.max ?? (money ? MONEY_VND.max : undefined);
  const valueLabels = field.values ? enumValueLabels(field.values) : undefined;
  return {
    name: field.name,
    type: field.type,
    required: field.required,
    label: field.label,
    example: field.example,
    ...(field.help !== undefined ? { help: field.help } : {}),
    ...(field.values !== undefined ? { values: field.values } : {}),
    ...(valueLabels !== undefined ? { valueLabels } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    ...(pattern !== undefined ? { pattern } : {}),
    ...(field.onlyWhen ? { onlyWhen: { field: field.onlyWhen.field, values: field.onlyWhen.values } } : {}),
  };
}

function commandOf(command: ActionCommand): CatalogueCommand {
  return {
    type: command.type,
    label: command.label,
    summary: command.summary,
    method: 'POST',
    path: commandPath(command),
    fields: command.fields.map(fieldOf),
  };
}

export function catalogueOf(actions: readonly AnyActionDescriptor[]): ActionCatalogue {
  return {
    commonFields: [...COMMON_FIELDS],
    actions: actions.map((action) => ({
      name: action.name,
      label: action.label,
      recordingTask: action.recordingTask,
      commands: Object.values(action.commands).map(commandOf),
      eventTypes: Object.entries(action.events).map(([type, event]) => ({
        type,
        label: event.label,
        fields: Object.entries(event.fields as Record<string, Label>).map(([name, label]) => ({
          name,
          label,
        })),
      })),
    })),
  };
}

/** The catalogue of every action of the ledger. */
export const ACTION_CATALOGUE: ActionCatalogue = catalogueOf(ACTIONS);
