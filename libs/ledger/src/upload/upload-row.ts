// One row of a register turned into the request body the HTTP route would receive, checked with the route's
// own request class (class-validator), with every problem named by column in Vietnamese.
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { RequestField } from '@ledger/domain';
import { actionRequestClass } from '../actions/action-request.factory';
import { importBody, importColumnsOf, type ImportableCommand } from '../actions/action-import';
import { ruleOf } from './upload-columns';
import type { RowProblem } from './upload-problems';

export type Cells = Record<string, string>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A day alone is that day in Vietnam (midnight, +07:00); a date and time is taken as written. */
export function occurredAtOf(text: string): string {
  const vn = DAY_VN.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : text;
  return DAY.test(iso) ? `${iso}T00:00:00+07:00` : text;
}

const OCCURRED_RULE = {
  vi: 'Ngày thực hiện phải là ngày (2026-07-20 hoặc 20/07/2026) hoặc ngày giờ ISO 8601',
  en: 'occurred_at must be a day (2026-07-20 or 20/07/2026) or an ISO 8601 date and time',
};

function flatten(
  errors: ValidationError[],
  fields: ReadonlyMap<string, RequestField>,
  columns: Readonly<Record<string, string>>,
  out: RowProblem[],
): void {
  for (const e of errors) {
    const messages = Object.values(e.constraints ?? {});
    if (messages.length > 0) {
      const field = fields.get(e.property);
      const column = columns[e.property] ?? e.property;
      const rule = field ? ruleOf(field) : e.property === 'occurredAt' ? OCCURRED_RULE : null;
      const missing = 'isDefined' in (e.constraints ?? {}) || e.value === undefined;
      out.push({
        column,
        reason:
          missing && field?.required ? `Bắt buộc: ${rule?.vi ?? column}` : (rule?.vi ?? messages.join('; ')),
        reasonEn: messages.join('; '),
      });
    }
    flatten(e.children ?? [], fields, columns, out);
  }
}

/** The route's body of a row and what is wrong with it (nothing: ready to record). */
export async function checkRowBody(
  importable: ImportableCommand,
  cells: Cells,
  caseId: string | undefined,
): Promise<{ body: Record<string, unknown>; problems: RowProblem[] }> {
  const body: Record<string, unknown> = { ...importBody(importable, cells, caseId) };
  if (cells.occurred_at) body.occurredAt = occurredAtOf(cells.occurred_at);
  if (cells.evidence_ref || cells.evidence_sha256)
    body.evidence = [{ ref: cells.evidence_ref, sha256: cells.evidence_sha256 }];
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  const problems: RowProblem[] = [];
  const dto = plainToInstance(actionRequestClass(importable.command), body);
  const fields = new Map(importable.command.fields.map((f) => [f.name, f]));
  flatten(
    await validate(dto, { whitelist: true, forbidNonWhitelisted: true }),
    fields,
    { ...importColumnsOf(importable.command), evidence: 'evidence_sha256' },
    problems,
  );
  return { body, problems };
}
