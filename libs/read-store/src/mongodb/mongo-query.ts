// Compiles normalized queries into MongoDB filters and sorts over the documents of one generation. Pure: the
// adapter adds the generation and runs them. A document is stored as { _id, g: generation, i: id, d: doc },
// so a field path of the port is `d.<path>` here.
import type { CursorKey, CursorPosition } from '../cursor';
import { ReadStoreArgumentError } from '../read-store.errors';
import type { FieldPredicate, NormalizedOrder } from '../read-store.validation';

export type MongoFilter = Record<string, unknown>;
export type MongoSort = Record<string, 1 | -1>;

export const docPath = (field: string): string => `d.${field}`;

/**
 * MongoDB matches a scalar against the elements of an array (`{v: 1}` matches `{v: [1, 2]}`); the port compares
 * arrays as values, so a field holding an array never matches a scalar condition.
 */
const NOT_ARRAY = { $not: { $type: 'array' } } as const;

/**
 * One clause per predicate, to be AND-ed. Typed comparison comes from MongoDB itself: equality never matches
 * across BSON types (5 is not "5", true is not 1), and range operators only match values of the bound's type
 * ("type bracketing"). `null` matches null or missing, as the port says.
 */
export function compileWhere(predicates: readonly FieldPredicate[]): MongoFilter[] {
  return predicates.map((predicate): MongoFilter => {
    const path = docPath(predicate.field);
    switch (predicate.kind) {
      case 'eq':
        return { [path]: { $eq: predicate.value, ...NOT_ARRAY } };
      case 'in':
        return { [path]: { $in: predicate.values, ...NOT_ARRAY } };
      case 'range': {
        const condition: Record<string, unknown> = {};
        if (predicate.lower) condition[predicate.lower.inclusive ? '$gte' : '$gt'] = predicate.lower.value;
        if (predicate.upper) condition[predicate.upper.inclusive ? '$lte' : '$lt'] = predicate.upper.value;
        return { [path]: { ...condition, ...NOT_ARRAY } };
      }
    }
  });
}

/** Ties go by id in the direction of the last sort key, so one ascending index read backwards serves 'desc'. */
export function idDirection(orderBy: readonly NormalizedOrder[]): 'asc' | 'desc' {
  return orderBy.length > 0 ? orderBy[orderBy.length - 1].direction : 'asc';
}

const sign = (direction: 'asc' | 'desc'): 1 | -1 => (direction === 'asc' ? 1 : -1);

/** The sort keys, then the id. MongoDB sorts null and missing alike, before numbers, before strings. */
export function compileSort(orderBy: readonly NormalizedOrder[]): MongoSort {
  const sort: MongoSort = {};
  for (const order of orderBy) sort[docPath(order.field)] = sign(order.direction);
  sort.i = sign(idDirection(orderBy));
  return sort;
}

const NEVER = null;

/**
 * Values strictly after `key` in MongoDB's sort order of one field (null/missing < numbers < strings <
 * objects < booleans), or NEVER when nothing sorts after it. A sort field is meant to hold one type and null;
 * the other types are covered so that a mixed field still pages without gaps.
 */
function beyond(path: string, key: CursorKey, direction: 'asc' | 'desc'): MongoFilter | typeof NEVER {
  if (direction === 'asc') {
    if (key === null) return { [path]: { $ne: null } };
    const later = typeof key === 'number' ? ['string', 'object', 'bool'] : ['object', 'bool'];
    return { $or: [{ [path]: { $gt: key } }, { [path]: { $type: later } }] };
  }
  if (key === null) return NEVER;
  const later: MongoFilter[] = [{ [path]: { $lt: key } }];
  if (typeof key === 'string') later.push({ [path]: { $type: 'number' } });
  later.push({ [path]: null });
  return { $or: later };
}

/** `null` matches null and missing, which sort as one value. */
const equal = (path: string, key: CursorKey): MongoFilter => ({ [path]: key });

/**
 * Documents strictly after the cursor in (keys..., id) order: after on the first key, or equal on it and after
 * on the second, ..., or equal on every key and after on the id.
 */
export function compileAfter(orderBy: readonly NormalizedOrder[], position: CursorPosition): MongoFilter {
  const terms: MongoFilter[] = [];
  const prefix: MongoFilter[] = [];
  orderBy.forEach((order, i) => {
    const path = docPath(order.field);
    const key = position.keys[i];
    const after = beyond(path, key, order.direction);
    if (after !== NEVER) terms.push(prefix.length === 0 ? after : { $and: [...prefix, after] });
    prefix.push(equal(path, key));
  });
  const idAfter = { i: idDirection(orderBy) === 'asc' ? { $gt: position.id } : { $lt: position.id } };
  terms.push(prefix.length === 0 ? idAfter : { $and: [...prefix, idAfter] });
  return terms.length === 1 ? terms[0] : { $or: terms };
}

/**
 * The sort keys of a document for its page cursor: the value at each path, null when missing (or when a step of
 * the path is not an object). Booleans, objects and arrays have no place in the cursor scheme: paging past one
 * is refused, naming the sort field.
 */
export function cursorKeys(doc: unknown, orderBy: readonly NormalizedOrder[], id: string): CursorKey[] {
  return orderBy.map((order, i) => {
    let value: unknown = doc;
    for (const segment of order.field.split('.')) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        value = null;
        break;
      }
      value = (value as Record<string, unknown>)[segment];
    }
    if (value === undefined || value === null) return null;
    if (typeof value === 'string' || typeof value === 'number') return value;
    throw new ReadStoreArgumentError(
      `orderBy[${i}].field`,
      `document ${JSON.stringify(id)} holds ${Array.isArray(value) ? 'an array' : `a ${typeof value}`} at ` +
        `${order.field}; pages can only be sorted by numbers, strings and null`,
    );
  });
}

/** Combines clauses with AND, leaving out the $and when there is only one. */
export function and(clauses: readonly MongoFilter[]): MongoFilter {
  return clauses.length === 1 ? clauses[0] : { $and: [...clauses] };
}
