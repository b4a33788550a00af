// One line per request for the operator: method, path, status, time taken and the acting officer. Paths
// and query strings carry codes and pseudonymous references; an inspector may name a person by citizen id
// in a read (/trail?beneficiary=, /beneficiaries/{id}/history), and any run of 12 digits is masked before
// the line is written. Bodies are never logged. So the log holds no personal data; the personal-data e2e
// suite scans it.
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from './auth/access.guard';

const logger = new Logger('HTTP');

export function accessLog(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const officer = (request as AuthenticatedRequest).principal?.officer ?? '-';
    logger.log(
      `${request.method} ${maskCitizenIds(request.originalUrl)} ${response.statusCode} ${ms.toFixed(1)}ms officer=${officer}`,
    );
  });
  next();
}

/** Any run of exactly 12 digits (a citizen id) in a path or query string, masked. */
export function maskCitizenIds(url: string): string {
  return url.replace(/(?<!\d)\d{12}(?!\d)/g, '############');
}
