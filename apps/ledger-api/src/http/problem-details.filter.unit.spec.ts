// The filter's table: every kind of LedgerError has one status, and each family's facts (field, current
// revision, retry time, store reason) reach the problem details; internal errors say nothing of themselves.
import { HttpException, NotFoundException } from '@nestjs/common';
import { conflict, invalid, notFound, type ErrorKind } from '@ledger/domain';
import {
  DuplicateEventIdError,
  EventStoreArgumentError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import {
  AccessDeniedError,
  AuthenticationRequiredError,
  PersonalKeysUnavailableError,
  PreconditionFailedError,
  RateLimitedError,
  ValidationFailedError,
} from '@ledger/ledger';
import { ReadStoreArgumentError, ReadStoreUnavailableError } from '@ledger/read-store';
import { PROBLEM_BY_KIND, problemHeaders, toProblem } from './problem-details.filter';

describe('problem details', () => {
  it('give each kind its own status', () => {
    const statuses = Object.values(PROBLEM_BY_KIND).map((row) => row.status);
    expect(new Set(statuses).size).toBe(statuses.length);
    const kinds: ErrorKind[] = [
      'invalid',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'unavailable',
    ];
    expect(kinds.map((kind) => PROBLEM_BY_KIND[kind].status)).toEqual([400, 401, 403, 404, 409, 503]);
  });

  it('name the field of bad input, once as field and once in errors', () => {
    expect(toProblem(invalid('TEXT_REQUIRED', 'note', 'note must be a non-empty text'))).toEqual({
      type: 'https://policy-ledger.local/problems/text-required',
      title: 'Invalid request',
      status: 400,
      detail: 'note must be a non-empty text',
      code: 'TEXT_REQUIRED',
      field: 'note',
      errors: [{ field: 'note', message: 'note must be a non-empty text' }],
    });
    const problems = [
      { field: 'a', message: 'a is wrong' },
      { field: 'b', message: 'b is wrong' },
    ];
    expect(toProblem(new ValidationFailedError(problems))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'a',
      errors: problems,
    });
    expect(toProblem(new ReadStoreArgumentError('after', 'is not a cursor'))).toMatchObject({
      status: 400,
      code: 'INVALID_QUERY',
      field: 'cursor',
      errors: [{ field: 'cursor', message: 'invalid after: is not a cursor' }],
    });
  });

  it('carry the current revision on a concurrent change and a failed If-Match', () => {
    expect(toProblem(new WrongExpectedRevisionError('housing-case-1', 2, 3))).toMatchObject({
      status: 409,
      title: 'Concurrent change',
      code: 'WRONG_EXPECTED_REVISION',
      stream: 'housing-case-1',
      currentRevision: 3,
    });
    expect(toProblem(new PreconditionFailedError('housing-case-1', 2, 3))).toMatchObject({
      status: 412,
      title: 'Precondition failed',
      stream: 'housing-case-1',
      currentRevision: 3,
    });
    expect(toProblem(new DuplicateEventIdError('e-1', 'other payload'))).toMatchObject({
      status: 409,
      title: 'Event id already used',
      field: 'id',
    });
    const rule = toProblem(conflict('COURSE_FULL', 'training course c-1 is full (2 trainees)'));
    expect(rule).toMatchObject({
      status: 409,
      title: 'Conflict with the recorded state',
      code: 'COURSE_FULL',
    });
    expect(JSON.parse(JSON.stringify(rule))).not.toHaveProperty('field');
    expect(toProblem(notFound('CASE_NOT_FOUND', 'no case'))).toMatchObject({
      status: 404,
      title: 'Not found',
    });
  });

  it('say who may retry and when, with the headers that go with it', () => {
    const limited = toProblem(new RateLimitedError('slow down', 17));
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 17 });
    expect(problemHeaders(limited)).toEqual({ 'Retry-After': '17' });
    const unauthenticated = toProblem(new AuthenticationRequiredError('token has expired'));
    expect(unauthenticated).toMatchObject({ status: 401, title: 'Authentication required' });
    expect(problemHeaders(unauthenticated)).toEqual({ 'WWW-Authenticate': 'Bearer realm="ledger"' });
    expect(toProblem(new AccessDeniedError('not yours'))).toMatchObject({ status: 403, title: 'Forbidden' });

    const down = toProblem(new StoreUnavailableError('/data/events.db: SQLITE_BUSY'));
    expect(down).toEqual(
      expect.objectContaining({
        status: 503,
        code: 'STORE_UNAVAILABLE',
        detail: 'The ledger store cannot be reached; try again shortly.',
      }),
    );
    expect(down).not.toHaveProperty('reason');
    expect(problemHeaders(down)).toEqual({ 'Retry-After': '5' });
    expect(toProblem(new StoreUnavailableError('full', undefined, 'disk_full'))).toMatchObject({
      status: 503,
      reason: 'disk_full',
      detail: expect.stringMatching(/^The disk of the ledger store is full: nothing was recorded/),
    });
    expect(toProblem(new ReadStoreUnavailableError('/data/read.db locked'))).toMatchObject({
      status: 503,
      code: 'READ_STORE_UNAVAILABLE',
      detail: 'The ledger store cannot be reached; try again shortly.',
    });
    expect(toProblem(new PersonalKeysUnavailableError('mongodb://10.0.0.5 timed out'))).toMatchObject({
      status: 503,
      detail: 'The personal key store cannot be reached; try again shortly.',
    });
  });

  it('tell nothing of internal errors and of anything unknown', () => {
    const internal = {
      type: 'https://policy-ledger.local/problems/internal-error',
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred; it has been logged.',
      code: 'INTERNAL_ERROR',
    };
    expect(toProblem(new EventStoreArgumentError('events[0].id', 'must be a non-empty string'))).toEqual(
      internal,
    );
    expect(toProblem(new Error('boom at /srv/ledger'))).toEqual(internal);
  });

  it("keep the framework's own HTTP errors", () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      title: 'NotFound',
      detail: 'Cannot GET /nowhere',
    });
    expect(toProblem(new HttpException('Unsupported', 415))).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });
});
