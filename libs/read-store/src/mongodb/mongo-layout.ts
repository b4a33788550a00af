// Where the MongoDB read store keeps things (see mongo-read-store.ts for why), and how a port document becomes
// a stored one. Pure.
import { ReadStoreArgumentError } from '../read-store.errors';
import type { GenerationId } from '../read-store.port';
import { serializeDocument } from '../read-store.validation';

/** One MongoDB collection per logical collection, holding every generation's documents. */
export const documentsCollection = (collection: string): string => `docs.${collection}`;

/** Generations: { _id: id, projection, version, state, checkpoint, droppedAt? }. */
export const GENERATIONS = 'meta.generations';
/** Which projection writes a collection: { _id: collection, projection }. */
export const COLLECTIONS = 'meta.collections';
/** Counters: { _id: 'generation', seq } hands out generation ids, never reused. */
export const COUNTERS = 'meta.counters';

export type GenerationState = 'building' | 'active' | 'dropped';

export interface GenerationDoc {
  _id: number;
  projection: string;
  version: number;
  state: GenerationState;
  checkpoint: number;
  droppedAt?: Date;
}

export interface CollectionDoc {
  _id: string;
  projection: string;
}

export interface CounterDoc {
  _id: string;
  seq: number;
}

export interface StoredDoc {
  _id: string;
  g: number;
  i: string;
  d: Record<string, unknown>;
}

/** The generation is part of _id, so that one collection holds the same id once per generation. */
export const storedId = (generation: GenerationId, id: string): string => `${generation}:${id}`;

/**
 * Index keys for a list of port fields: equality on the generation first (every query has it), then the
 * fields, then the id for ties. All ascending: MongoDB reads an index backwards for a fully descending order.
 */
export function indexKey(fields: readonly string[]): Record<string, 1> {
  const key: Record<string, 1> = { g: 1 };
  for (const field of fields) key[`d.${field}`] = 1;
  key.i = 1;
  return key;
}

/**
 * The document as MongoDB will store it: exactly its JSON form (so `undefined` properties vanish rather than
 * becoming null, as the BSON serializer would make them), refusing what JSON would change (as every adapter
 * does) and field names starting with `$`, which MongoDB reserves for operators.
 */
export function toStoredDocument(doc: unknown, argument: string): Record<string, unknown> {
  const parsed = JSON.parse(serializeDocument(doc, argument)) as Record<string, unknown>;
  const reserved = findReservedKey(parsed, '');
  if (reserved !== null) {
    throw new ReadStoreArgumentError(argument + reserved, 'field names starting with $ cannot be stored');
  }
  return parsed;
}

function findReservedKey(value: unknown, path: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findReservedKey(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$')) return `${path}.${key}`;
    const found = findReservedKey(item, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The database to use: the option, else the one named in the URL's path, else `ledger`. The URL's path names
 * the database in MongoDB connection strings (`mongodb://host/ledger?replicaSet=rs0`).
 */
export function databaseName(url: string, option?: string): string {
  if (option !== undefined) return option;
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]+)/.exec(url);
  return match ? decodeURIComponent(match[1]) : 'ledger';
}
