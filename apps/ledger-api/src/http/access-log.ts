// One line per request for the operator: method, path, status, time taken and the acting officer. The path
// is logged with its query string through an allow-list: the value of a parameter that names a code, a date,
// a period or a page is kept; any other parameter (a reader's free-text reason, a token someone put in the
// address, a beneficiary reference or citizen id) shows as `name=-`. An inspector may name a person by
// citizen id in a path (/beneficiaries/{id}/history): any run of 12 digits is masked. Bodies are never
// logged, and control characters are escaped, so no request can write a line of its own. The
// personal-data e2e suite scans the log.
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from './auth/access.guard';

const logger = new Logger('HTTP');

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

/** Control and non-ASCII characters escaped: a log line stays one line and shows what was sent. */
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

export function accessLog(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const officer = printable((request as AuthenticatedRequest).principal?.officer ?? '-');
    logger.log(
      `${request.method} ${loggedPath(maskCitizenIds(request.originalUrl))} ${response.statusCode} ${ms.toFixed(1)}ms officer=${officer}`,
    );
  });
  next();
}

/** Any run of exactly 12 digits (a citizen id) in a path or query string, masked. */
export function maskCitizenIds(url: string): string {
  return url.replace(/(?<!\d)\d{12}(?!\d)/g, '############');
}
