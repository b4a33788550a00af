// An inspector's read of a beneficiary's history is itself a fact on the record: who looked at whom, when
// and why (Decree 13/2023/ND-CP). One stream per beneficiary, so the person's reads can be listed together.
import { invalid } from '../shared/domain-error';

export const BENEFICIARY_HISTORY_READ = 'BeneficiaryHistoryRead';
export const BENEFICIARY_READS_STREAM_PREFIX = 'beneficiary-reads-';

export interface BeneficiaryHistoryReadData {
  beneficiaryRef: string;
  /** Why the inspector looked: a case file, a complaint, a planned inspection. */
  reason: string;
}

export function beneficiaryReadsStream(beneficiaryRef: string): string {
  return `${BENEFICIARY_READS_STREAM_PREFIX}${beneficiaryRef}`;
}

export function decideBeneficiaryRead(read: BeneficiaryHistoryReadData): Array<{
  type: typeof BENEFICIARY_HISTORY_READ;
  data: BeneficiaryHistoryReadData;
}> {
  const reason = read.reason.trim();
  if (reason.length < 10 || reason.length > 500)
    throw invalid('READ_REASON_REQUIRED', 'reason', 'say why you read this history (10 to 500 characters)');
  return [{ type: BENEFICIARY_HISTORY_READ, data: { beneficiaryRef: read.beneficiaryRef, reason } }];
}
