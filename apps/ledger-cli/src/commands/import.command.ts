// import FILE.csv: actions recorded before the ledger existed, one per row. Each row is checked with the
// api's request DTOs and executed through the CommandBus with the api's commands, so every domain rule
// applies; its row_id becomes the event id, so importing the same file again appends nothing twice.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { EventStoreError } from '@ledger/event-store';
import {
  ActionCommandsModule,
  actionRequestClass,
  CsvSyntaxError,
  eventIdFromName,
  importColumnsOf,
  IMPORTABLE_COMMANDS,
  importBody,
  parseCsv,
  RecordActionCommand,
  toCsvLine,
  ValidationFailedError,
  type ActionRequestBody,
  type CommandContext,
  type CommandResult,
  type ImportableCommand,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { progressPrinter, withLedger } from '../ledger-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const REQUIRED = ['row_id', 'action', 'officer', 'agency', 'occurred_at'] as const;

type Row = Record<string, string>;

const opt = (text: string | undefined): string | undefined => (text === '' ? undefined : text);
const ACTION_NAMES = [...IMPORTABLE_COMMANDS.keys()];

interface Rejection {
  row: number;
  line: number;
  rowId: string;
  column: string;
  reason: string;
}

/** Any stable text names a case or a row; a UUID is used as it is. */
const idOf = (kind: string, text: string): string =>
  UUID.test(text) ? text.toLowerCase() : eventIdFromName(`import:${kind}:${text}`);

function flatten(
  errors: ValidationError[],
  columns: Readonly<Record<string, string>>,
  out: Array<{ column: string; reason: string }>,
): void {
  for (const e of errors) {
    for (const message of Object.values(e.constraints ?? {}))
      out.push({ column: columns[e.property] ?? e.property, reason: message });
    flatten(e.children ?? [], columns, out);
  }
}

async function checkRow(row: Row, action: ImportableCommand, caseId: string | undefined) {
  const problems: Array<{ column: string; reason: string }> = [];
  const body: Record<string, unknown> = { ...importBody(action, row, caseId), occurredAt: row.occurred_at };
  if (opt(row.evidence_ref) || opt(row.evidence_sha256))
    body.evidence = [{ ref: row.evidence_ref, sha256: row.evidence_sha256 }];
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  const dto = plainToInstance(actionRequestClass(action.command), body);
  flatten(
    await validate(dto, { whitelist: true, forbidNonWhitelisted: true }),
    importColumnsOf(action.command),
    problems,
  );
  return { body, problems };
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import past actions from a CSV file, one per row; re-importing appends nothing twice.',
  help: `Usage: npm run cli -- import FILE.csv

Records actions taken before the ledger existed, one per row of a CSV file (RFC 4180, UTF-8, optional
BOM, a header row). Columns: row_id, action, officer, agency, occurred_at, then what the action needs;
see seeds/examples/README.md and seeds/examples/past-actions.csv. Actions: ${ACTION_NAMES.join(', ')}.
Each row is checked like an api request and recorded through the same commands, so every rule applies.
row_id becomes the event id: importing the same file again appends nothing twice.
Rejected rows go to FILE.csv.rejected.csv beside it (row, line, row_id, column, reason); exits 1 when any row was rejected.`,
  async run(args) {
    const { positionals } = parseArgs('import', args, { maxPositionals: 1 });
    const file = positionals[0];
    if (!file) throw new UsageError('import: FILE.csv is required');
    if (!existsSync(file)) throw new UsageError(`import: no file ${file}`);
    let records;
    try {
      records = parseCsv(readFileSync(file, 'utf8'));
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        console.error(`import: ${file} is not valid CSV: ${error.message}`);
        return 1;
      }
      throw error;
    }
    const [header, ...data] = records;
    const columns = (header?.fields ?? []).map((h) => h.trim().toLowerCase());
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      console.error(`import: ${file} lacks the column(s) ${missing.join(', ')}`);
      return 1;
    }
    const rejectedFile = `${file}.rejected.csv`;
    const rejections: Rejection[] = [];
    let appended = 0;
    let already = 0;
    await withLedger({ runProjections: false, features: [ActionCommandsModule] }, async (app) => {
      const bus = app.get(CommandBus);
      const progress = progressPrinter('import', 500);
      for (const [index, record] of data.entries()) {
        const rowNumber = index + 1;
        const row: Row = {};
        columns.forEach((c, i) => (row[c] = (record.fields[i] ?? '').trim()));
        const reject = (column: string, reason: string) =>
          rejections.push({ row: rowNumber, line: record.line, rowId: row.row_id, column, reason });
        progress.update(rowNumber, data.length);
        const before = rejections.length;
        for (const c of REQUIRED) if (!row[c]) reject(c, `${c} is required`);
        if (row.officer && !CODE.test(row.officer))
          reject('officer', 'officer must be an officer id (2-64 letters, digits, . _ -)');
        if (row.agency && !CODE.test(row.agency))
          reject('agency', 'agency must be an agency code (2-64 letters, digits, . _ -)');
        const action = IMPORTABLE_COMMANDS.get(row.action);
        if (row.action && !action) reject('action', `action must be one of ${ACTION_NAMES.join(', ')}`);
        if (action?.needsCase && !row.case_id) reject('case_id', `case_id is required for ${row.action}`);
        if (rejections.length > before || !action) continue;
        const caseId = row.case_id ? idOf('case', row.case_id) : undefined;
        const { body, problems } = await checkRow(row, action, caseId);
        for (const p of problems) reject(p.column, p.reason);
        if (problems.length > 0) continue;
        const context: CommandContext = {
          actor: { officer: row.officer, agency: row.agency, role: 'officer' },
          // The operator imports the agencies' paper records with access to the data directory.
          authority: { operator: 'ledger-cli import' },
          eventId: idOf('row', row.row_id),
          correlationId: randomUUID(),
          evidence: ((body.evidence as Array<{ ref: string; sha256: string }>) ?? []).map((e) => ({
            ref: e.ref,
            sha256: e.sha256.toLowerCase(),
          })),
          receivedAt: new Date(),
        };
        const payload = { ...body } as ActionRequestBody;
        delete payload.evidence;
        const command = action.command;
        // A step goes to the row's case; a new case is keyed by its id, a one-off fact by the row's event id.
        const streamId =
          (action.needsCase ? caseId : (body[command.idField] as string | undefined)) ?? context.eventId;
        try {
          const result = await bus.execute<RecordActionCommand, CommandResult>(
            new RecordActionCommand(action.action, command, streamId as string, payload, context),
          );
          if (result.replayed) already++;
          else appended++;
        } catch (error) {
          if (error instanceof EventStoreError) throw error;
          if (error instanceof ValidationFailedError)
            for (const p of error.problems) reject(importColumnsOf(command)[p.field] ?? p.field, p.message);
          else reject('action', error instanceof Error ? error.message : String(error));
        }
      }
      progress.done();
    });
    if (rejections.length > 0) {
      const lines = [toCsvLine(['row', 'line', 'row_id', 'column', 'reason'])];
      for (const r of rejections) lines.push(toCsvLine([r.row, r.line, r.rowId, r.column, r.reason]));
      writeFileSync(rejectedFile, lines.join('\r\n') + '\r\n');
    } else if (existsSync(rejectedFile)) rmSync(rejectedFile);
    const rejectedRows = new Set(rejections.map((r) => r.row)).size;
    console.log(
      `import: ${data.length} rows: ${appended} appended, ${already} already recorded, ${rejectedRows} rejected` +
        (rejectedRows > 0 ? ` (reasons in ${rejectedFile})` : ''),
    );
    return rejectedRows > 0 ? 1 : 0;
  },
};
