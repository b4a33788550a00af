// Argument checks shared by every adapter, so that all stores refuse the same malformed calls the same way,
// and the normalized form of a query that adapters compile into their own language.
import { ReadStoreArgumentError } from './read-store.errors';
import type { CommitBatch, DocumentRef } from './read-store.port';
import {
  DEFAULT_FIND_LIMIT,
  MAX_FIND_LIMIT,
  MAX_ORDER_BY_FIELDS,
  type FieldCondition,
  type Filter,
  type FilterScalar,
  type FindQuery,
  type SortDirection,
} from './read-store.query';

/** Collection names end up in index names and SQL text; keeping them plain keeps that safe and readable. */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Dotted path of plain identifiers: the same text is a JSON path in sqlite and a field path in MongoDB. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,7}$/;

export type RangeKind = 'number' | 'string';

export interface RangeBound {
  value: number | string;
  inclusive: boolean;
}

/** One normalized condition on one field; a FieldCondition may give several. */
export type FieldPredicate =
  | { field: string; kind: 'eq'; value: FilterScalar }
  | { field: string; kind: 'in'; values: FilterScalar[] }
  | { field: string; kind: 'range'; type: RangeKind; lower?: RangeBound; upper?: RangeBound };

export interface NormalizedOrder {
  field: string;
  direction: SortDirection;
}

export interface NormalizedFind {
  where: FieldPredicate[];
  orderBy: NormalizedOrder[];
  limit: number;
  after?: string;
}

export function checkCollection(collection: unknown, argument = 'collection'): string {
  if (typeof collection !== 'string' || !COLLECTION_NAME.test(collection)) {
    throw new ReadStoreArgumentError(
      argument,
      `must match ${String(COLLECTION_NAME)}, got ${JSON.stringify(collection)}`,
    );
  }
  return collection;
}

export function checkDocumentId(id: unknown, argument = 'id'): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) {
    throw new ReadStoreArgumentError(argument, 'must be a string of 1 to 512 characters');
  }
  return id;
}

export function checkField(field: unknown, argument: string): string {
  if (typeof field !== 'string' || !FIELD_PATH.test(field)) {
    throw new ReadStoreArgumentError(
      argument,
      `must be a field or dotted path, got ${JSON.stringify(field)}`,
    );
  }
  return field;
}

export function checkProjectionName(projection: unknown, argument = 'projection'): string {
  if (typeof projection !== 'string' || projection.length === 0 || projection.length > 128) {
    throw new ReadStoreArgumentError(argument, 'must be a string of 1 to 128 characters');
  }
  return projection;
}

export function checkNonNegativeInteger(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ReadStoreArgumentError(argument, `must be an integer >= 0, got ${String(value)}`);
  }
  return value;
}

export function checkRefs(refs: unknown): DocumentRef[] {
  if (!Array.isArray(refs)) throw new ReadStoreArgumentError('refs', 'must be an array');
  return refs.map((ref: unknown, i) => {
    const { collection, id } = (ref ?? {}) as Partial<DocumentRef>;
    return {
      collection: checkCollection(collection, `refs[${i}].collection`),
      id: checkDocumentId(id, `refs[${i}].id`),
    };
  });
}

function isScalar(value: unknown): value is FilterScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

const CONDITION_KEYS = new Set(['eq', 'in', 'gt', 'gte', 'lt', 'lte']);

export function normalizeFilter(where: Filter | undefined): FieldPredicate[] {
  if (where === undefined) return [];
  if (typeof where !== 'object' || where === null || Array.isArray(where)) {
    throw new ReadStoreArgumentError('where', 'must be an object of field -> value or condition');
  }
  const predicates: FieldPredicate[] = [];
  for (const [field, condition] of Object.entries(where)) {
    const at = `where.${field}`;
    checkField(field, at);
    if (isScalar(condition)) {
      predicates.push({ field, kind: 'eq', value: condition });
      continue;
    }
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      throw new ReadStoreArgumentError(at, 'must be a string, finite number, boolean, null or a condition');
    }
    predicates.push(...normalizeCondition(field, condition, at));
  }
  return predicates;
}

function normalizeCondition(field: string, condition: FieldCondition, at: string): FieldPredicate[] {
  const keys = Object.keys(condition).filter((key) => condition[key as keyof FieldCondition] !== undefined);
  const unknown = keys.find((key) => !CONDITION_KEYS.has(key));
  if (unknown !== undefined) throw new ReadStoreArgumentError(`${at}.${unknown}`, 'is not a known operator');
  if (keys.length === 0) throw new ReadStoreArgumentError(at, 'has no operator');
  const predicates: FieldPredicate[] = [];
  if (condition.eq !== undefined) {
    if (!isScalar(condition.eq)) throw new ReadStoreArgumentError(`${at}.eq`, 'must be a scalar');
    predicates.push({ field, kind: 'eq', value: condition.eq });
  }
  if (condition.in !== undefined) {
    if (!Array.isArray(condition.in) || !condition.in.every(isScalar)) {
      throw new ReadStoreArgumentError(`${at}.in`, 'must be an array of scalars');
    }
    if (condition.in.length > MAX_FIND_LIMIT) {
      throw new ReadStoreArgumentError(`${at}.in`, `must have at most ${MAX_FIND_LIMIT} values`);
    }
    predicates.push({ field, kind: 'in', values: [...condition.in] });
  }
  const range = normalizeRange(condition, at);
  if (range) predicates.push({ field, kind: 'range', ...range });
  return predicates;
}

function normalizeRange(
  condition: FieldCondition,
  at: string,
): { type: RangeKind; lower?: RangeBound; upper?: RangeBound } | null {
  const bound = (op: 'gt' | 'gte' | 'lt' | 'lte'): RangeBound | undefined => {
    const value = condition[op];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new ReadStoreArgumentError(`${at}.${op}`, 'must be a finite number or a string');
    }
    return { value, inclusive: op === 'gte' || op === 'lte' };
  };
  const [gt, gte, lt, lte] = [bound('gt'), bound('gte'), bound('lt'), bound('lte')];
  if (gt && gte) throw new ReadStoreArgumentError(at, 'has both gt and gte');
  if (lt && lte) throw new ReadStoreArgumentError(at, 'has both lt and lte');
  const lower = gt ?? gte;
  const upper = lt ?? lte;
  if (!lower && !upper) return null;
  const kinds = new Set([lower, upper].filter((b) => b !== undefined).map((b) => typeof b.value));
  if (kinds.size > 1) throw new ReadStoreArgumentError(at, 'bounds must both be numbers or both strings');
  const type = kinds.has('number') ? 'number' : 'string';
  return { type, ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

export function normalizeFind(query: FindQuery | undefined): NormalizedFind {
  const q = query ?? {};
  if (typeof q !== 'object' || q === null) throw new ReadStoreArgumentError('query', 'must be an object');
  const limit = q.limit ?? DEFAULT_FIND_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT) {
    throw new ReadStoreArgumentError('limit', `must be an integer from 1 to ${MAX_FIND_LIMIT}, got ${limit}`);
  }
  const orderBy = q.orderBy ?? [];
  if (!Array.isArray(orderBy)) throw new ReadStoreArgumentError('orderBy', 'must be an array');
  if (orderBy.length > MAX_ORDER_BY_FIELDS) {
    throw new ReadStoreArgumentError('orderBy', `must have at most ${MAX_ORDER_BY_FIELDS} fields`);
  }
  const normalizedOrder = orderBy.map((order, i): NormalizedOrder => {
    const direction = order?.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw new ReadStoreArgumentError(`orderBy[${i}].direction`, "must be 'asc' or 'desc'");
    }
    return { field: checkField(order?.field, `orderBy[${i}].field`), direction };
  });
  if (q.after !== undefined && (typeof q.after !== 'string' || q.after.length === 0)) {
    throw new ReadStoreArgumentError('after', 'must be a cursor string');
  }
  return {
    where: normalizeFilter(q.where),
    orderBy: normalizedOrder,
    limit,
    ...(q.after !== undefined ? { after: q.after } : {}),
  };
}

/**
 * Serializes a document, refusing what JSON would silently change (NaN becoming null, a Date becoming a
 * string, undefined in an array becoming null), so that a document reads back exactly as it was written.
 */
export function serializeDocument(doc: unknown, argument: string): string {
  if (!isPlainObject(doc)) throw new ReadStoreArgumentError(argument, 'must be a plain JSON object');
  const problem = findNonJson(doc, '');
  if (problem) throw new ReadStoreArgumentError(argument + problem.path, problem.reason);
  return JSON.stringify(doc);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function findNonJson(value: unknown, path: string): { path: string; reason: string } | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : { path, reason: `non-finite number ${value}` };
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) return { path: `${path}[${i}]`, reason: 'undefined in an array' };
          const problem = findNonJson(item, `${path}[${i}]`);
          if (problem) return problem;
        }
        return null;
      }
      if (!isPlainObject(value)) return { path, reason: 'is not a plain object' };
      for (const key of Object.keys(value)) {
        const item = value[key];
        if (item === undefined) continue;
        const problem = findNonJson(item, `${path}.${key}`);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return { path, reason: `${typeof value} is not JSON` };
  }
}

/** Checks a commit batch apart from its documents (serialized by the adapter where it writes them). */
export function checkCommitBatch(batch: CommitBatch): void {
  if (typeof batch !== 'object' || batch === null)
    throw new ReadStoreArgumentError('batch', 'must be an object');
  checkProjectionName(batch.projection);
  checkNonNegativeInteger(batch.generation, 'generation');
  const expected = checkNonNegativeInteger(batch.expectedCheckpoint, 'expectedCheckpoint');
  const checkpoint = checkNonNegativeInteger(batch.checkpoint, 'checkpoint');
  if (checkpoint < expected) {
    throw new ReadStoreArgumentError('checkpoint', `${checkpoint} is behind expectedCheckpoint ${expected}`);
  }
  if (!Array.isArray(batch.writes)) throw new ReadStoreArgumentError('writes', 'must be an array');
  batch.writes.forEach((write, i) => {
    checkCollection(write?.collection, `writes[${i}].collection`);
    checkDocumentId(write?.id, `writes[${i}].id`);
    if (write.doc === undefined)
      throw new ReadStoreArgumentError(`writes[${i}].doc`, 'is missing (null deletes)');
  });
}
