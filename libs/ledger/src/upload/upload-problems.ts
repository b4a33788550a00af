// A refused row, in words an officer reads (Vietnamese; English beside it), with the column at fault.
import { LedgerError } from '@ledger/domain';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '@ledger/event-store';
import { ValidationFailedError } from '../errors/ledger-errors';

export interface UploadProblem {
  /** The row of data, counted from 1 after the header. */
  row: number;
  /** The CSV line or worksheet row it is on. */
  line: number;
  rowId: string;
  column: string;
  /** Vietnamese. */
  reason: string;
  reasonEn: string;
}

export type RowProblem = Pick<UploadProblem, 'column' | 'reason' | 'reasonEn'>;

const KIND_WORDS: Record<string, string> = {
  invalid: 'Dữ liệu không hợp lệ',
  conflict: 'Không ghi được vì trái với những gì đã ghi',
  not_found: 'Không tìm thấy',
  forbidden: 'Không có quyền ghi',
  precondition_failed: 'Hồ sơ đã thay đổi',
};

/** The problems a write refused at commit time carries, by column (the field's column, else `action`). */
export function problemsOfError(error: unknown, columnOf: (field: string) => string): RowProblem[] | null {
  if (error instanceof ValidationFailedError)
    return error.problems.map((p) => ({
      column: columnOf(p.field),
      reason: `${KIND_WORDS.invalid}: ${p.message}`,
      reasonEn: p.message,
    }));
  if (error instanceof DuplicateEventIdError)
    return [
      {
        column: 'row_id',
        reason: `Mã dòng này đã được dùng cho một ghi nhận khác (${error.message})`,
        reasonEn: error.message,
      },
    ];
  if (error instanceof WrongExpectedRevisionError)
    return [
      {
        column: 'case_id',
        reason: 'Hồ sơ đang được người khác ghi cùng lúc; hãy tải lên lại dòng này',
        reasonEn: error.message,
      },
    ];
  if (error instanceof LedgerError && error.kind !== 'unavailable' && error.kind !== 'internal') {
    const words = KIND_WORDS[error.kind] ?? 'Bị từ chối';
    const instead =
      'instead' in error && Array.isArray(error.instead) ? `; hãy ghi cho: ${error.instead.join(', ')}` : '';
    return [
      {
        column: error.field ? columnOf(error.field) : 'action',
        reason: `${words} (${error.code}): ${error.message}${instead}`,
        reasonEn: error.message,
      },
    ];
  }
  return null;
}
