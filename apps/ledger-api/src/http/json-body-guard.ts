// Checks that the JSON parser cannot, on every method: a GET or HEAD carries no body; any other body is one
// JSON object, no deeper than MAX_DEPTH, with no key that could reach an object's prototype (__proto__,
// constructor, prototype) at any depth.
import type { NextFunction, Request, Response } from 'express';
import { ValidationFailedError } from '@ledger/ledger';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

function findForbiddenKey(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return path || 'body';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const here = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return here;
      const found = findForbiddenKey((value as Record<string, unknown>)[key], here, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

export function jsonBodyGuard(request: Request, _response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  // Nothing was parsed: no body, or one of a type no route reads.
  if (body === undefined) return next();
  if (request.method === 'GET' || request.method === 'HEAD')
    return next(new ValidationFailedError([{ field: 'body', message: `a ${request.method} takes no body` }]));
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return next(new ValidationFailedError([{ field: 'body', message: 'the body must be one JSON object' }]));
  }
  const forbidden = findForbiddenKey(body, '', 0);
  if (forbidden) {
    return next(
      new ValidationFailedError([
        { field: forbidden, message: 'this key is not allowed (too deep, or a prototype key)' },
      ]),
    );
  }
  next();
}
