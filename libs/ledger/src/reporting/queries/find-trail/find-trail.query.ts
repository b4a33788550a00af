import { Query } from '@nestjs/cqrs';
import type { TrailDoc } from '@ledger/projections';
import type { Filter } from '@ledger/read-store';
import type { DocumentPage } from '../find-documents/find-documents.query';

/**
 * A page of the inspection trail, newest first: the trail's index finds the positions (by agency, officer,
 * org unit, type, beneficiary, day), the event store gives the events at those positions.
 */
export class FindTrailQuery extends Query<DocumentPage<TrailDoc>> {
  constructor(
    /** On the fields of the trail's index: agency, officer, orgUnit, type, subjectRef, occurredOn. */
    readonly where: Filter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
