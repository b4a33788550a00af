// The query language of the ReadStore port: small on purpose, so that every adapter (sqlite expression
// indexes, MongoDB) can answer it from an index. Field names are top-level or dotted paths into the document.

/** A value a field can be compared with. `null` matches a field that is null or missing. */
export type FilterScalar = string | number | boolean | null;

/** Range bounds compare numbers with numbers and strings (ISO 8601 dates included) with strings, never across. */
export interface FieldCondition {
  eq?: FilterScalar;
  in?: readonly FilterScalar[];
  gt?: number | string;
  gte?: number | string;
  lt?: number | string;
  lte?: number | string;
}

/**
 * Every entry must hold (AND). A bare value is equality; an object is a FieldCondition.
 * Equality is typed: 5 does not match "5", true does not match 1. Arrays are compared as values, not searched.
 */
export type Filter = Readonly<Record<string, FilterScalar | FieldCondition>>;

export type SortDirection = 'asc' | 'desc';

export interface OrderBy {
  field: string;
  /** Default 'asc'. Null and missing values come first in 'asc' and last in 'desc'. */
  direction?: SortDirection;
}

export interface FindQuery {
  where?: Filter;
  /**
   * Ties are broken by document id, in the direction of the last sort key (ascending when orderBy is
   * empty), so pages are stable and an index serves a fully descending order too.
   */
  orderBy?: readonly OrderBy[];
  /** Default DEFAULT_FIND_LIMIT, at most MAX_FIND_LIMIT. */
  limit?: number;
  /** The nextCursor of the previous page of the same query (same collection and orderBy). */
  after?: string;
}

export const DEFAULT_FIND_LIMIT = 50;
export const MAX_FIND_LIMIT = 500;
/** More sort keys than this is a sign of a missing projection, not a query to run. */
export const MAX_ORDER_BY_FIELDS = 4;

export interface StoredDocument<T> {
  id: string;
  doc: T;
}

export interface Page<T> {
  items: StoredDocument<T>[];
  /** Present when more documents may follow; pass it as `after` to read the next page. */
  nextCursor?: string;
}
