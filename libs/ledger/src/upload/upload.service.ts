// Checks and records the rows of a register. Every row goes through the HTTP route's request class, the same
// write rules before anything is recorded (the officer's agency, org units and the days they are in force),
// then becomes the same execute request as a single write of its command (ActionExecuteRequests), so every
// domain rule and the write policy apply to each row exactly as to one request. Rows are decided in memory and
// appended a thousand at a time in one batch of the store (AggregateCommandExecutor.executeBatch), in file
// order on the same case. A row's event id comes from its row id, else from its own cells, so uploading the
// same register again appends nothing.
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ProjectionRunner } from '@ledger/projections';
import { randomUUID } from 'node:crypto';
import {
  actorOf,
  localDayOf,
  refuseNotACommune,
  refuseStreamAccess,
  refuseWrite,
  type Principal,
  type WritePolicyContext,
} from '@ledger/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@ledger/event-store';
import { WRITE_ACCESS } from '../auth/write-access';
import { PROJECTION_RUNNER } from '../read/projections.providers';
import type { ProjectionsHandle } from '../read/projections-handle';
import { IMPORTABLE_COMMANDS, importColumnsOf, type ImportableCommand } from '../actions/action-import';
import { RecordActionCommand } from '../actions/record-action.command';
import type { ActionRequestBody } from '../actions/action-request.factory';
import { ActionExecuteRequests } from '../actions/action-execute-request';
import {
  AggregateCommandExecutor,
  type ExecuteOutcome,
  type ExecuteRequest,
} from '../write/aggregate-command-executor';
import type { CommandContext } from '../write/command-context';
import { eventIdFromName } from '../write/event-ids';
import { ACTOR_COLUMNS, keyOfHeader, uploadColumns } from './upload-columns';
import { checkRowBody, type Cells } from './upload-row';
import { problemsOfError, type RowProblem, type UploadProblem } from './upload-problems';
import type { SheetRow } from './upload-reader';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
/**
 * Rows decided in memory and appended in one batch of the store (one transaction, one fsync, one wake-up of
 * the projections, which catch up afterwards). Rows on the same case go in file order (see executeBatch).
 */
const BATCH_ROWS = 1000;

const commandOf = (prepared: Prepared) =>
  new RecordActionCommand(
    prepared.importable.action,
    prepared.importable.command,
    prepared.streamId,
    prepared.body,
    prepared.context,
  );

/** The projection runner of this thread can hold its live lanes during a bulk write. */
type Holdable = Pick<ProjectionRunner, 'hold'>;

export type UploadAuthority =
  /** A signed-in officer: he is the actor of every row, his rights apply to each. */
  | { principal: Principal }
  /** The operator at the console imports agencies' paper records: officer and agency are columns. */
  | { operator: string };

export interface UploadOptions {
  /** The command every row records; absent: each row names it in an `action` column. */
  command?: string;
  authority: UploadAuthority;
  /** false: only check (the preview); nothing is recorded. */
  commit: boolean;
  /** Rows in the file, when known (for progress). */
  total?: number;
  onProgress?: (done: number, total: number | undefined) => void;
}

export interface UploadSummary {
  rows: number;
  /** Rows that passed the checks (preview) or were recorded now or before (commit). */
  valid: number;
  recorded: number;
  alreadyRecorded: number;
  rejected: number;
  problems: UploadProblem[];
}

export class UploadHeaderError extends Error {
  constructor(readonly missing: string[]) {
    super(`the header row lacks the column(s) ${missing.join(', ')}`);
    this.name = 'UploadHeaderError';
  }
}

/** Any stable text names a case or a row; a UUID is used as it is. */
const idOf = (kind: string, text: string): string =>
  UUID.test(text) ? text.toLowerCase() : eventIdFromName(`import:${kind}:${text}`);

interface Prepared {
  importable: ImportableCommand;
  /** Where the row is in the file. */
  row: number;
  line: number;
  rowId: string;
  streamId: string;
  body: ActionRequestBody;
  context: CommandContext;
}

@Injectable()
export class UploadService {
  constructor(
    private readonly requests: ActionExecuteRequests,
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WRITE_ACCESS) private readonly access: WritePolicyContext,
    @Optional()
    @Inject(PROJECTION_RUNNER)
    private readonly projections?: ProjectionsHandle & Partial<Holdable>,
  ) {}

  async run(rows: AsyncIterable<SheetRow>, options: UploadOptions): Promise<UploadSummary> {
    // Projections in this thread wait while the rows are recorded, then catch up in a few large batches (a
    // projection worker thread does not hold up this one: it is left to follow).
    const release = options.commit ? this.projections?.hold?.() : undefined;
    try {
      return await this.record(rows, options);
    } finally {
      release?.();
    }
  }

  private async record(rows: AsyncIterable<SheetRow>, options: UploadOptions): Promise<UploadSummary> {
    const fixed = options.command !== undefined ? IMPORTABLE_COMMANDS.get(options.command) : undefined;
    if (options.command !== undefined && !fixed) throw new Error(`no action ${options.command}`);
    const summary: UploadSummary = {
      rows: 0,
      valid: 0,
      recorded: 0,
      alreadyRecorded: 0,
      rejected: 0,
      problems: [],
    };
    const rejectedRows = new Set<number>();
    const seen = new Map<string, number>();
    /** Cases opened by earlier rows of this file: a later row may take a step on them. */
    const opened = new Set<string>();
    let batch: Prepared[] = [];
    /** Records the rows gathered so far, in one batch of the store; then tells the progress of each. */
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      const requests: (ExecuteRequest | null)[] = [];
      const failures = new Map<number, unknown>();
      for (const [i, prepared] of rows.entries()) {
        try {
          requests.push(await this.requests.requestOf(commandOf(prepared)));
        } catch (error) {
          requests.push(null);
          failures.set(i, error);
        }
      }
      const ready = requests.filter((r): r is ExecuteRequest => r !== null);
      const outcomes = await this.executor.executeBatch(ready);
      let next = 0;
      for (const [i, prepared] of rows.entries()) {
        const outcome: ExecuteOutcome = failures.has(i)
          ? { ok: false, error: failures.get(i) }
          : outcomes[next++];
        if (outcome.ok) {
          if (outcome.result.replayed) summary.alreadyRecorded++;
          else summary.recorded++;
        } else {
          const columns = importColumnsOf(prepared.importable.command);
          const problems = problemsOfError(outcome.error, (field) => columns[field] ?? field);
          if (!problems) throw outcome.error;
          summary.valid--;
          for (const p of problems)
            summary.problems.push({ row: prepared.row, line: prepared.line, rowId: prepared.rowId, ...p });
          rejectedRows.add(prepared.row);
        }
        progress();
      }
    };
    let keys: string[] | null = null;
    let done = 0;
    const progress = () => options.onProgress?.(++done, options.total);

    for await (const sheetRow of rows) {
      if (!keys) {
        keys = this.checkHeader(sheetRow.values, options.command, options.authority);
        continue;
      }
      const row = ++summary.rows;
      const cells: Cells = {};
      keys.forEach((key, i) => {
        if (key) cells[key] = sheetRow.values[i] ?? '';
      });
      const reject = (problems: RowProblem[]) => {
        for (const p of problems)
          summary.problems.push({ row, line: sheetRow.line, rowId: cells.row_id ?? '', ...p });
        rejectedRows.add(row);
      };
      const at = { row, line: sheetRow.line };
      const prepared = await this.prepare(cells, fixed, options.authority, opened, seen, at);
      if ('problems' in prepared) {
        reject(prepared.problems);
        progress();
        continue;
      }
      summary.valid++;
      if (!options.commit) {
        progress();
        continue;
      }
      batch.push(prepared);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
    if (!keys) throw new UploadHeaderError(['occurred_at']);
    summary.rejected = rejectedRows.size;
    summary.problems.sort((a, b) => a.row - b.row);
    return summary;
  }

  /** The column key of each header cell; throws UploadHeaderError when a column every row needs is missing. */
  checkHeader(values: readonly string[], command: string | undefined, authority: UploadAuthority): string[] {
    const fixed = command !== undefined ? IMPORTABLE_COMMANDS.get(command) : undefined;
    const operator = 'operator' in authority;
    const known = fixed ? uploadColumns(fixed, { actor: operator }) : ACTOR_COLUMNS;
    const keys = values.map((h) => keyOfHeader(h, known));
    const required = [
      'occurred_at',
      ...(fixed ? [] : ['action']),
      ...(operator ? ['officer', 'agency'] : []),
    ];
    const missing = required.filter((c) => !keys.includes(c));
    if (missing.length > 0) throw new UploadHeaderError(missing);
    return keys;
  }

  private async prepare(
    cells: Cells,
    fixed: ImportableCommand | undefined,
    authority: UploadAuthority,
    opened: Set<string>,
    seen: Map<string, number>,
    { row, line }: { row: number; line: number },
  ): Promise<Prepared | { problems: RowProblem[] }> {
    const problems: RowProblem[] = [];
    const need = (column: string, vi: string) => {
      if (!cells[column])
        problems.push({ column, reason: `Bắt buộc: ${vi}`, reasonEn: `${column} is required` });
    };
    const importable = fixed ?? IMPORTABLE_COMMANDS.get(cells.action ?? '');
    if (!fixed) {
      need('action', 'tên việc (action)');
      if (cells.action && !importable)
        problems.push({
          column: 'action',
          reason: `Không có việc "${cells.action}"; chọn một trong: ${[...IMPORTABLE_COMMANDS.keys()].join(', ')}`,
          reasonEn: `action must be one of ${[...IMPORTABLE_COMMANDS.keys()].join(', ')}`,
        });
    }
    need('occurred_at', 'ngày thực hiện');
    if ('operator' in authority) {
      need('officer', 'mã cán bộ');
      need('agency', 'mã cơ quan');
      for (const column of ['officer', 'agency'] as const)
        if (cells[column] && !CODE.test(cells[column]))
          problems.push({
            column,
            reason: `${column === 'officer' ? 'Mã cán bộ' : 'Mã cơ quan'} phải gồm 2-64 chữ, số, . _ -`,
            reasonEn: `${column} must be an ${column === 'officer' ? 'officer id' : 'agency code'} (2-64 letters, digits, . _ -)`,
          });
    }
    if (importable?.needsCase) need('case_id', 'mã hồ sơ');
    if (problems.length > 0 || !importable) return { problems };

    const caseId = cells.case_id ? idOf('case', cells.case_id) : undefined;
    const checked = await checkRowBody(importable, cells, caseId);
    if (checked.problems.length > 0) return { problems: checked.problems };
    const { body } = checked;

    const eventId = cells.row_id
      ? idOf('row', cells.row_id)
      : eventIdFromName(`upload:${importable.name}:${JSON.stringify(Object.entries(cells).sort())}`);
    const twin = seen.get(eventId);
    if (twin !== undefined)
      return {
        problems: [
          {
            column: cells.row_id ? 'row_id' : 'action',
            reason: `Trùng với dòng ${twin} của tệp`,
            reasonEn: `the same as row ${twin} of the file`,
          },
        ],
      };
    seen.set(eventId, row);
    const command = importable.command;
    const streamId =
      (importable.needsCase ? caseId : (body[command.idField] as string | undefined)) ?? eventId;

    const refused = await this.refusal(importable, body, streamId, authority, opened);
    if (refused) return { problems: [refused] };
    if (command.orgUnitField && importable.command.returnsCaseId) opened.add(streamId);

    const evidence = body.evidence as Array<{ ref: string; sha256: string }> | undefined;
    delete body.evidence;
    const principal = 'principal' in authority ? authority.principal : undefined;
    const context: CommandContext = {
      actor: principal
        ? actorOf(principal)
        : { officer: cells.officer, agency: cells.agency, role: 'officer' },
      authority: principal ? { principal } : authority,
      eventId,
      correlationId: randomUUID(),
      evidence: (evidence ?? []).map((e) => ({ ref: e.ref, sha256: e.sha256.toLowerCase() })),
      receivedAt: new Date(),
    };
    return {
      importable,
      streamId,
      body: body as ActionRequestBody,
      context,
      row,
      line,
      rowId: cells.row_id ?? '',
    };
  }

  /**
   * The write rules that can be told before recording: the new case's org unit is a commune in the officer's
   * scope and in force on the day, his agency may record the action; a step names a case that exists (or an
   * earlier row opens) and that he may record on. The commit checks all of them again, with the rest.
   */
  private async refusal(
    importable: ImportableCommand,
    body: Record<string, unknown>,
    streamId: string,
    authority: UploadAuthority,
    opened: Set<string>,
  ): Promise<RowProblem | null> {
    const { command, action } = importable;
    const columns = importColumnsOf(command);
    const aggregate = action.aggregate.name as string;
    if (command.orgUnitField) {
      const orgUnit = body[command.orgUnitField] as string;
      const column = columns[command.orgUnitField] ?? command.orgUnitField;
      const notACommune = command.orgUnitField === 'commune' ? refuseNotACommune(orgUnit, this.access) : null;
      if (notACommune) return { column, reason: `Không phải mã xã: ${notACommune}`, reasonEn: notACommune };
      if (!('principal' in authority)) return null;
      const refused = refuseWrite(
        authority.principal,
        {
          stream: `${action.aggregate.streamPrefix}${streamId}`,
          aggregate,
          orgUnit,
          events: Object.keys(action.events)
            .slice(0, 1)
            .map((type) => ({ type, data: {} })),
          occurredOn: localDayOf(body.occurredAt as string) ?? undefined,
          namesOrgUnit: true,
        },
        this.access,
      );
      if (!refused) return null;
      const instead = 'instead' in refused ? `; hãy ghi cho: ${refused.instead.join(', ')}` : '';
      const words = refused.code === 'FORBIDDEN' ? 'Không có quyền ghi' : 'Không ghi được cho đơn vị này';
      return {
        column: refused.code.startsWith('AGENCY') ? 'agency' : column,
        reason: `${words}: ${refused.message}${instead}`,
        reasonEn: refused.message,
      };
    }
    if (!importable.needsCase || opened.has(streamId)) return null;
    const stream = `${action.aggregate.streamPrefix}${streamId}`;
    let orgUnit: string;
    try {
      const events = await this.store.readStream(stream);
      orgUnit = events[0].metadata.orgUnit;
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      return {
        column: 'case_id',
        reason: 'Không tìm thấy hồ sơ này: hãy ghi việc mở hồ sơ trước (trong tệp này hoặc đã ghi)',
        reasonEn: `no case ${streamId}`,
      };
    }
    if (!('principal' in authority)) return null;
    const refused = refuseStreamAccess(authority.principal, { aggregate, orgUnit }, this.access);
    return refused
      ? {
          column: 'case_id',
          reason: `Không có quyền ghi cho hồ sơ này: ${refused.message}`,
          reasonEn: refused.message,
        }
      : null;
  }
}
