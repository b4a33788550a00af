import { DomainError } from '../shared/domain-error';

export interface DependentEvent {
  id: string;
  type: string;
}

/** Kept as its own class so the HTTP layer can list the dependents in the problem details. */
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
    this.name = 'CorrectionWouldOrphanError';
  }
}
