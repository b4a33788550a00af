// One JSON line per request for the operator: the request id, method and path, status, time taken in ms and
// the acting officer. The request id is the caller's X-Request-Id when it is a sane token (so a
// request can be followed from a proxy or a client), else a fresh UUID; either way it is echoed in the
// response's X-Request-Id and carried by every line logged while the request is served.
//
// The path is logged with its query string through an allow-list: the value of a parameter that names a
// code, a date, a period or a page is kept; any other parameter (a reader's free-text reason, a token someone
// put in the address, a beneficiary reference or citizen id) shows as `name=-`. An inspector may name a person
// by citizen id in a path (/beneficiaries/{id}/history): any run of 12 digits is masked. Bodies, headers
// (Authorization, Cookie) and the client address are never logged, and control characters are escaped. The
// log-scan e2e suite scans the lines of the built api; access-log.e2e-spec.ts reads them field by field.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AuthenticatedRequest } from './auth/access.guard';

/** Query parameters whose values are codes, dates, periods or paging, never about a person. */
const LOGGED_PARAMETERS = new Set([
  'orgUnit',
  'asOf',
  'section',
  'period',
  'format',
  'limit',
  'cursor',
  'from',
  'to',
  'type',
  'agency',
  'actor',
  'status',
  'dueBefore',
  'size',
  'event',
]);

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming request id worth keeping: a short token of letters, digits and . _ : - (a UUID, a trace id). */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const CITIZEN_ID = /(?<!\d)\d{12}(?!\d)/g;

/** Control and non-ASCII characters escaped: a logged value stays one line and shows what was sent. */
export function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The request's path and its query string with every parameter outside the allow-list reduced to its name. */
export function loggedPath(originalUrl: string): string {
  const mark = originalUrl.indexOf('?');
  if (mark < 0) return printable(originalUrl);
  const path = originalUrl.slice(0, mark);
  const query = originalUrl
    .slice(mark + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return LOGGED_PARAMETERS.has(name) ? part : `${name}=-`;
    });
  return printable(query.length > 0 ? `${path}?${query.join('&')}` : path);
}

/** Any run of exactly 12 digits (a citizen id) in a path or query string, masked. */
export function maskCitizenIds(url: string): string {
  return url.replace(CITIZEN_ID, '############');
}

/** The caller's X-Request-Id when sane (and naming no citizen id), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && SANE_REQUEST_ID.test(value) && !new RegExp(CITIZEN_ID.source).test(value))
    return value;
  return randomUUID();
}

const pathOf = (req: IncomingMessage) =>
  loggedPath(maskCitizenIds((req as AuthenticatedRequest).originalUrl ?? req.url ?? ''));

/** What the request's line says beside its id and `req`: status, ms, the officer, whether it was cut off. */
function outcome(req: IncomingMessage, res: ServerResponse, ms: number): Record<string, unknown> {
  const officer = (req as AuthenticatedRequest).principal?.officer;
  return {
    status: res.statusCode,
    ms,
    ...(officer ? { officer: printable(officer) } : {}),
    ...(res.writableEnded ? {} : { aborted: true }),
  };
}

const message = (req: IncomingMessage, res: ServerResponse) =>
  `${req.method ?? '-'} ${pathOf(req)} ${res.statusCode}${res.writableEnded ? '' : ' aborted'}`;

/** The request as its line (and any line logged with a `req`) shows it: method and path only. */
const requestSerializer = (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) });

export type AccessLog = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The request-logging middleware over the process's root logger. Every request gets its id (echoed in
 * X-Request-Id) and `req.log`, a child logger whose lines carry `requestId` (nestjs-pino hands it to Nest's
 * loggers while the request is served). When the response finishes or the connection closes, one line:
 * `requestId`, `req` (method, path), `status`, `ms`, `officer`, `aborted` when cut off, and a message;
 * level error for a 5xx, info otherwise. `lines: false` (LEDGER_ACCESS_LOG=false) keeps the ids and the
 * header but writes no line per request.
 */
export function createAccessLog(logger: Logger, options: { lines: boolean }): AccessLog {
  // Only what is named here reaches a line: never headers, bodies or the client address.
  const base = logger.child({}, { serializers: { req: requestSerializer } });
  return (req, res, next) => {
    const id = requestIdFrom(req.headers['x-request-id']);
    res.setHeader(REQUEST_ID_HEADER, id);
    req.id = id;
    const log = base.child({ requestId: id });
    req.log = log;
    if (options.lines) {
      const start = Date.now();
      const done = (): void => {
        res.removeListener('close', done);
        res.removeListener('finish', done);
        const ms = Date.now() - start;
        const fields = { req, ...outcome(req, res, ms) };
        if (res.statusCode >= 500) log.error(fields, message(req, res));
        else log.info(fields, message(req, res));
      };
      res.on('close', done);
      res.on('finish', done);
    }
    next();
  };
}
