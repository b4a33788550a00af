import { DomainError } from '../shared/domain-error';

export interface DependentEvent {
  id: string;
  type: string;
}

/** Its own class so that callers can read the dependents; a client sees them listed in the detail. */
export class CorrectionWouldOrphanError extends DomainError {
  constructor(
    readonly correctsEventId: string,
    readonly dependents: DependentEvent[],
  ) {
    super(
      'CORRECTION_WOULD_ORPHAN_LATER_EVENTS',
      'conflict',
      `retracting ${correctsEventId} would leave later events without it: ` +
        dependents.map((e) => `${e.id} (${e.type})`).join(', ') +
        '; retract those first',
    );
  }
}
