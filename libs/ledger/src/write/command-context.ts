// What the HTTP (or CLI) edge knows about a command besides its payload.
import type { Actor, EvidenceRef, IndicatorMoved, Principal } from '@ledger/domain';

/**
 * Whose authority a command runs under: a verified token's principal (HTTP), checked against the write
 * rules before anything is appended; or the operator at the console (plan loading, CLI import), who has
 * the data directory and its keys and is trusted with them.
 */
export type Authority = { principal: Principal } | { operator: string };

export interface CommandContext {
  actor: Actor;
  authority: Authority;
  /** Client-chosen id of the (first) event: a retry with the same id appends nothing twice. */
  eventId?: string;
  correlationId: string;
  /** Id of the message that caused this one, when known; the command's own id otherwise. */
  causationId?: string;
  /** Revision the client last saw (If-Match). When set, a mismatch is 412 and nothing is retried. */
  ifMatchRevision?: number;
  evidence: EvidenceRef[];
  /** Server time at which the command was received. */
  receivedAt: Date;
}

export interface CommandResult {
  stream: string;
  eventIds: string[];
  positions: number[];
  /** Revision of the stream's last event after the command: the ETag for the next If-Match. */
  revision: number;
  /** True when the command had already been recorded with this id: nothing new was appended. */
  replayed: boolean;
  /** The indicators the events moved (actions recorded from their descriptors). */
  indicators?: IndicatorMoved[];
  /**
   * The pseudonymous references of the people or households the events name (beneficiaryRef, householdRef,
   * ...), so that whoever recorded a case or a support can look it up later without the citizen id.
   */
  beneficiaryRef?: string;
  householdRef?: string;
  traineeRef?: string;
  workerRef?: string;
  borrowerRef?: string;
}
