// The key of a subsidy payment stream, and the rules its parts follow so that the stream name is
// unambiguous: the period is read from the end, the reference has its single '-' right after one letter.
import { invalid } from '../shared/domain-error';

const PROGRAMME_PATTERN = /^[a-z0-9-]{2,40}$/;
const BENEFICIARY_REF_PATTERN = /^[a-z]-[0-9a-f]{16,64}$/;
const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

export function requireProgramme(value: unknown, field = 'programme'): string {
  if (typeof value !== 'string' || !PROGRAMME_PATTERN.test(value)) {
    throw invalid('PROGRAMME_CODE_INVALID', field, `${field} must be 2-40 lowercase letters, digits or '-'`);
  }
  return value;
}

export function requireBeneficiaryRef(value: unknown, field = 'beneficiaryRef'): string {
  if (typeof value !== 'string' || !BENEFICIARY_REF_PATTERN.test(value)) {
    throw invalid(
      'BENEFICIARY_REF_INVALID',
      field,
      `${field} must be a pseudonymous reference (a letter, '-', 16-64 lowercase hex digits), never a citizen id`,
    );
  }
  return value;
}

/** "2024", "2024-05" or "2024-Q2", in the years the ledger can hold. */
export function requirePeriod(value: unknown, field = 'period'): string {
  const match = typeof value === 'string' ? PERIOD_PATTERN.exec(value) : null;
  if (!match || Number(match[1]) < 2000 || Number(match[1]) > 2100) {
    throw invalid('PERIOD_INVALID', field, `${field} must be YYYY, YYYY-MM or YYYY-Qn (2000-2100)`);
  }
  return match[0];
}
