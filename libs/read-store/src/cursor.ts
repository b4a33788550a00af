// Opaque page cursors: the sort keys and id of the last document of a page, plus a digest of the query's
// collection and order so that a cursor is refused by a query it does not belong to.
import { createHash } from 'node:crypto';
import { ReadStoreArgumentError } from './read-store.errors';
import type { NormalizedOrder } from './read-store.validation';

/** Sort key values as the adapter compares them (not necessarily the JSON values of the document). */
export type CursorKey = string | number | null;

export interface CursorPosition {
  keys: CursorKey[];
  id: string;
}

interface CursorBody {
  q: string;
  k: CursorKey[];
  i: string;
}

export function querySignature(collection: string, orderBy: readonly NormalizedOrder[]): string {
  const text = [collection, ...orderBy.map((o) => `${o.field}:${o.direction}`)].join('|');
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

export function encodeCursor(signature: string, position: CursorPosition): string {
  const body: CursorBody = { q: signature, k: position.keys, i: position.id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(cursor: string, signature: string, keyCount: number): CursorPosition {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw new ReadStoreArgumentError('after', 'is not a cursor');
  }
  const isKey = (k: unknown): k is CursorKey =>
    k === null || typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k));
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.i !== 'string' ||
    !Array.isArray(body.k) ||
    body.k.length !== keyCount ||
    !body.k.every(isKey)
  ) {
    throw new ReadStoreArgumentError('after', 'is not a cursor');
  }
  if (body.q !== signature) {
    throw new ReadStoreArgumentError('after', 'belongs to another query (collection or orderBy differ)');
  }
  return { keys: body.k, id: body.i };
}
