// What a CSV import of past actions needs from the descriptors: the name of each command in the `action`
// column, the column each request field is read from, and how a row becomes the command's request body.
import { ACTIONS, type ActionCommand, type AnyActionDescriptor, type RequestField } from '@ledger/domain';

export interface ImportableCommand {
  name: string;
  action: AnyActionDescriptor;
  command: ActionCommand;
  /** A step on a case: the row must name the case. */
  needsCase: boolean;
}

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The CSV column a request field is read from. */
export function importColumnOf(field: RequestField): string {
  if (field.importColumn) return field.importColumn;
  if (field.newId) return 'case_id';
  if (field.type === 'citizenId') return 'citizen_id';
  return snake(field.name);
}

/** Every action command by its name in the `action` column. */
export const IMPORTABLE_COMMANDS: ReadonlyMap<string, ImportableCommand> = new Map(
  (ACTIONS as readonly AnyActionDescriptor[]).flatMap((action) =>
    Object.values(action.commands).map((command): [string, ImportableCommand] => {
      const name = command.importAs ?? snake(command.type);
      return [name, { name, action, command, needsCase: command.route.step !== undefined }];
    }),
  ),
);

/** Request field -> CSV column, for every field a command reads (the shared fields included). */
export function importColumnsOf(command: ActionCommand): Readonly<Record<string, string>> {
  return {
    occurredAt: 'occurred_at',
    evidence: 'evidence_ref',
    ...Object.fromEntries(command.fields.map((field) => [field.name, importColumnOf(field)])),
  };
}

const NUMERIC = new Set<RequestField['type']>(['integer', 'number', 'moneyVnd']);

/** A numeric column as a number when it reads as one; the validators refuse anything else. */
const valueOf = (field: RequestField, text: string | undefined): unknown => {
  if (text === undefined || text === '') return undefined;
  return NUMERIC.has(field.type) && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
};

/**
 * The request body of a row (api field names, empty cells left out). A new case takes the row's case id;
 * a one-off fact is keyed by its own stream fields and takes the row's event id.
 */
export function importBody(
  importable: ImportableCommand,
  row: Readonly<Record<string, string>>,
  caseId: string | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of importable.command.fields) {
    const value = field.newId
      ? importable.command.returnsCaseId
        ? caseId
        : undefined
      : valueOf(field, row[importColumnOf(field)]);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}
