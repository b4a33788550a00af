import { Query } from '@nestjs/cqrs';

/** One projection document; 404 with `notFoundCode` when there is none. */
export class GetDocumentQuery<T = Record<string, unknown>> extends Query<T> {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly notFoundCode: string,
    readonly what: string,
  ) {
    super();
  }
}
