// Declares the errors a route can answer, each as application/problem+json (the schema is filled in when the
// document is built, see openapi-document.ts): @ApiProblems(400, 404, 409) next to the route.
import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The statuses the error filter writes, and what each means on a route of this API. */
export const PROBLEM_STATUSES = {
  400: 'Invalid request: `field` names the value at fault (body, query, path or header)',
  401: 'No token, or a token that does not verify or has expired',
  403: 'The token does not allow this',
  404: 'Nothing is recorded under this name or id',
  409: 'Conflicts with the recorded state (a concurrent change, an event id already used, a rule of the record)',
  412: 'If-Match names a revision that is no longer the stream’s current one; nothing was recorded',
  413: 'The request body is larger than this API accepts',
  415: 'The body is not JSON, or its encoding is not supported',
  429: 'Too many requests: wait `retryAfterSeconds` (Retry-After)',
  503: 'A store does not answer: try again later (Retry-After)',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

/** The problem responses of a route (method or controller). */
export const ApiProblems = (...statuses: ProblemStatus[]) =>
  applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: PROBLEM_STATUSES[status] })),
  );
