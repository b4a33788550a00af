// Every error leaves the API here, once, as application/problem+json (RFC 9457): type, title, status,
// detail, a stable code, and the offending field where there is one. Nothing a client can send reaches
// the 500 branch; that branch logs, and says nothing of internals.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@ledger/domain';
import {
  DuplicateEventIdError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import {
  AccessDeniedError,
  AuthenticationRequiredError,
  PersonalKeysUnavailableError,
  RateLimitedError,
  PreconditionFailedError,
  ResourceNotFoundError,
  ValidationFailedError,
  type FieldProblem,
} from '@ledger/ledger';
import { ReadStoreArgumentError, ReadStoreUnavailableError } from '@ledger/read-store';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://policy-ledger.local/problems/';

function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  extra: Partial<Problem> = {},
): Problem {
  return { type: TYPE_BASE + code.toLowerCase().replace(/_/g, '-'), title, status, detail, code, ...extra };
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ValidationFailedError) {
    return problem(400, error.code, 'Invalid request', error.message, {
      field: error.problems[0]?.field,
      errors: error.problems,
    });
  }
  if (error instanceof DomainError) {
    switch (error.kind) {
      case 'invalid':
        return problem(400, error.code, 'Invalid request', error.message, {
          field: error.field,
          errors: error.field ? [{ field: error.field, message: error.message }] : undefined,
        });
      case 'conflict':
        return problem(409, error.code, 'Conflict with the recorded state', error.message);
      case 'not_found':
        return problem(404, error.code, 'Not found', error.message);
    }
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, error.code, 'Concurrent change', error.message, {
      stream: error.stream,
      currentRevision: error.actual,
    });
  }
  if (error instanceof PreconditionFailedError) {
    return problem(412, error.code, 'Precondition failed', error.message, {
      stream: error.stream,
      currentRevision: error.actual,
    });
  }
  if (error instanceof AuthenticationRequiredError) {
    return problem(401, error.code, 'Authentication required', error.message);
  }
  if (error instanceof AccessDeniedError) {
    return problem(403, error.code, 'Forbidden', error.message);
  }
  if (error instanceof RateLimitedError) {
    return problem(429, error.code, 'Too many requests', error.message, {
      retryAfterSeconds: error.retryAfterSeconds,
    });
  }
  if (error instanceof DuplicateEventIdError) {
    return problem(409, error.code, 'Event id already used', error.message, { field: 'id' });
  }
  if (error instanceof StreamNotFoundError) {
    return problem(404, error.code, 'Not found', error.message);
  }
  if (error instanceof ResourceNotFoundError) {
    return problem(404, error.code, 'Not found', error.message);
  }
  if (error instanceof ReadStoreArgumentError) {
    // A query parameter the read store refused: a cursor from another query, a limit out of range.
    const field = error.argument === 'after' ? 'cursor' : error.argument;
    return problem(400, 'INVALID_QUERY', 'Invalid request', error.message, {
      field,
      errors: [{ field, message: error.message }],
    });
  }
  if (error instanceof StoreUnavailableError && error.reason !== 'unavailable') {
    const why =
      error.reason === 'disk_full'
        ? 'The disk of the ledger store is full'
        : 'The ledger store is on a read-only disk';
    return problem(
      503,
      error.code,
      'Store unavailable',
      `${why}: nothing was recorded. Reads still work; writes resume once an operator frees space or makes it writable.`,
      { reason: error.reason },
    );
  }
  if (error instanceof PersonalKeysUnavailableError) {
    return problem(
      503,
      error.code,
      'Store unavailable',
      'The personal key store cannot be reached; try again shortly.',
    );
  }
  if (error instanceof StoreUnavailableError || error instanceof ReadStoreUnavailableError) {
    return problem(
      503,
      error.code,
      'Store unavailable',
      'The ledger store cannot be reached; try again shortly.',
    );
  }
  const parser = bodyParserError(error);
  if (parser) return parser;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail =
      typeof body === 'string'
        ? body
        : typeof body === 'object' && body !== null && 'message' in body
          ? String((body as { message: unknown }).message)
          : error.message;
    return problem(status, httpCode(status), error.name.replace(/Exception$/, ''), detail);
  }
  return problem(
    500,
    'INTERNAL_ERROR',
    'Internal error',
    'An unexpected error occurred; it has been logged.',
  );
}

/**
 * Errors of Express' JSON body parser and of the stream under it (http-errors: a 4xx `status`, `expose`):
 * malformed JSON, too large, an unsupported charset or Content-Encoding, a body that does not inflate.
 * Each is the client's doing, so each is a 4xx, never a 500.
 */
function bodyParserError(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null || error instanceof HttpException) return null;
  const { type, status, expose } = error as { type?: unknown; status?: unknown; expose?: unknown };
  const fromParser = typeof type === 'string' && /^(entity|charset|encoding|request|stream)\./.test(type);
  if (typeof status !== 'number' || (!fromParser && expose !== true)) return null;
  if (type === 'entity.parse.failed') {
    return problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.', {
      field: 'body',
    });
  }
  if (type === 'entity.too.large') {
    return problem(
      413,
      'PAYLOAD_TOO_LARGE',
      'Payload too large',
      'The request body is larger than this API accepts.',
    );
  }
  if (status === 415) {
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', (error as Error).message, {
      field: type === 'encoding.unsupported' ? 'Content-Encoding' : 'Content-Type',
    });
  }
  return problem(
    status >= 400 && status < 500 ? status : 400,
    'BAD_REQUEST_BODY',
    'Unreadable body',
    status >= 400 && status < 500 ? (error as Error).message : 'The request body could not be read.',
  );
}

function httpCode(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 404:
      return 'ROUTE_NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return `HTTP_${status}`;
  }
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toProblem(error);
    if (body.status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    if (body.status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    if (error instanceof RateLimitedError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    if (body.status === HttpStatus.UNAUTHORIZED)
      response.setHeader('WWW-Authenticate', 'Bearer realm="ledger"');
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
