import { LedgerError } from '@ledger/domain';

/** A part the instance cannot serve without: a store, or a projection failed or too far behind. */
export interface NotReadyPart {
  part: 'eventStore' | 'readStore' | 'projections';
  /** The projection, for part `projections`. */
  name?: string;
  reason: string;
}

/**
 * This instance should get no traffic yet: a store does not answer, or a projection has failed or is more
 * events behind the log than LEDGER_READY_MAX_LAG allows. 503, naming each part that is not ready.
 */
export class NotReadyError extends LedgerError {
  readonly code = 'NOT_READY';
  readonly kind = 'unavailable';
  constructor(readonly parts: readonly NotReadyPart[]) {
    super(
      `not ready: ${parts.map((p) => `${p.part === 'projections' ? `projection ${p.name}` : p.part}: ${p.reason}`).join('; ')}`,
    );
  }

  override details() {
    return { notReady: this.parts.map((p) => ({ ...p })) };
  }
}
