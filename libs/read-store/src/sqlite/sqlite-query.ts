// Compiles normalized queries into SQL over the documents table. Collection names and field paths are
// inlined as literals (both are checked against strict patterns first): sqlite uses an expression index
// only when the query spells the same expression, and a partial index only when the query's WHERE names
// the same collection literal; bound parameters would match neither.
import type { CursorKey, CursorPosition } from '../cursor';
import type { FilterScalar } from '../read-store.query';
import type { FieldPredicate, NormalizedOrder, RangeBound } from '../read-store.validation';

export type SqlParam = string | number;

export interface SqlFragment {
  sql: string;
  params: SqlParam[];
}

export const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The value sqlite sorts and indexes by: numbers, text, NULL for null or missing (booleans as 0/1). */
export const valueExpr = (field: string): string => `json_extract(doc, ${literal(`$.${field}`)})`;
const typeExpr = (field: string): string => `json_type(doc, ${literal(`$.${field}`)})`;

const NUMBER_TYPES = `('integer', 'real')`;

/** Rows of the collection in its projection's active generation: one snapshot, one statement. */
export function collectionScope(collection: string): string {
  const name = literal(collection);
  return (
    `collection = ${name} AND generation = (SELECT g.id FROM collections c JOIN generations g ` +
    `ON g.projection = c.projection AND g.state = 'active' WHERE c.name = ${name})`
  );
}

export function compileWhere(predicates: readonly FieldPredicate[]): SqlFragment {
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const predicate of predicates) {
    const fragment = compilePredicate(predicate);
    parts.push(fragment.sql);
    params.push(...fragment.params);
  }
  return { sql: parts.join(' AND '), params };
}

function compilePredicate(predicate: FieldPredicate): SqlFragment {
  const value = valueExpr(predicate.field);
  const type = typeExpr(predicate.field);
  switch (predicate.kind) {
    case 'eq':
      return compileIn(value, type, [predicate.value]);
    case 'in':
      return compileIn(value, type, predicate.values);
    case 'range': {
      const parts: string[] = [];
      const params: SqlParam[] = [];
      const bound = (b: RangeBound | undefined, strict: string, inclusive: string): void => {
        if (!b) return;
        parts.push(`${value} ${b.inclusive ? inclusive : strict} ?`);
        params.push(b.value);
      };
      bound(predicate.lower, '>', '>=');
      bound(predicate.upper, '<', '<=');
      // sqlite orders every number before every text, so a bare range would leak across types.
      if (predicate.type === 'number') parts.push(`${type} IN ${NUMBER_TYPES}`);
      else {
        // Text: json_extract gives a JSON string as text, a number as a number (below every text) and an
        // object or array as JSON text ('[...' or '{...', above '['). A lower bound of at least '' keeps out
        // numbers and NULL, an upper bound below '[' keeps out objects and arrays: then the range alone is
        // exact, and an index on the field answers it without reading documents (a count, a page).
        if (!predicate.lower) parts.push(`${value} >= ''`);
        if (!predicate.upper || !(String(predicate.upper.value) < '[')) parts.push(`${type} = 'text'`);
      }
      return { sql: parts.join(' AND '), params };
    }
  }
}

/** Typed membership: each value matches only values of its own JSON type. */
function compileIn(value: string, type: string, values: readonly FilterScalar[]): SqlFragment {
  const allStrings = values.filter((v): v is string => typeof v === 'string');
  // A text parameter equals only text: a JSON string, or an object or array as JSON text ('{...', '[...').
  // Other strings need no type check, so an index on the field answers alone (counts read no document).
  const jsonLike = (v: string): boolean => v.startsWith('{') || v.startsWith('[');
  const plain = allStrings.filter((v) => !jsonLike(v));
  const strings = allStrings.filter(jsonLike);
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const booleans = [...new Set(values.filter((v): v is boolean => typeof v === 'boolean'))];
  const alternatives: string[] = [];
  const params: SqlParam[] = [];
  const member = (list: SqlParam[], typeCheck: string): void => {
    if (list.length === 0) return;
    alternatives.push(
      list.length === 1
        ? `(${value} = ? AND ${typeCheck})`
        : `(${value} IN (${list.map(() => '?').join(', ')}) AND ${typeCheck})`,
    );
    params.push(...list);
  };
  if (plain.length > 0) {
    alternatives.push(
      plain.length === 1 ? `${value} = ?` : `${value} IN (${plain.map(() => '?').join(', ')})`,
    );
    params.push(...plain);
  }
  member(strings, `${type} = 'text'`);
  member(numbers, `${type} IN ${NUMBER_TYPES}`);
  // json_extract gives 1 or 0 for true or false: compared on it first, so that an expression index on the
  // field serves it (json_type alone, which no index holds, read every document of the collection).
  for (const b of booleans) alternatives.push(`(${value} = ${b ? 1 : 0} AND ${type} = '${b}')`);
  if (values.includes(null)) alternatives.push(`${value} IS NULL`);
  if (alternatives.length === 0) return { sql: '0', params: [] };
  return { sql: alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`, params };
}

/** Ties go by id in the direction of the last sort key, so an index (generation, keys..., id) read backwards serves a 'desc' order. */
export function idDirection(orderBy: readonly NormalizedOrder[]): 'asc' | 'desc' {
  return orderBy.length > 0 ? orderBy[orderBy.length - 1].direction : 'asc';
}

/** ORDER BY the sort keys, then id. */
export function compileOrder(orderBy: readonly NormalizedOrder[]): string {
  return [
    ...orderBy.map((o) => `${valueExpr(o.field)} ${o.direction.toUpperCase()}`),
    `id ${idDirection(orderBy).toUpperCase()}`,
  ].join(', ');
}

/**
 * Rows strictly after the cursor in (keys..., id) order, spelled out term by term because sqlite sorts NULL
 * first and `x > NULL` is never true: after a null key in 'asc' come all non-null values; in 'desc' nulls
 * come last, so after a non-null key the nulls still follow and after a null key only ties (by id) do.
 */
export function compileAfter(orderBy: readonly NormalizedOrder[], position: CursorPosition): SqlFragment {
  const params: SqlParam[] = [];
  const equal = (expr: string, key: CursorKey): string => {
    if (key === null) return `${expr} IS NULL`;
    params.push(key);
    return `${expr} = ?`;
  };
  const beyond = (expr: string, key: CursorKey, direction: 'asc' | 'desc'): string => {
    if (key === null) return direction === 'asc' ? `${expr} IS NOT NULL` : '0';
    params.push(key);
    return direction === 'asc' ? `${expr} > ?` : `(${expr} < ? OR ${expr} IS NULL)`;
  };
  // Built innermost first, so the parameters are pushed in the order they appear in the text.
  const build = (i: number): string => {
    if (i === orderBy.length) {
      params.push(position.id);
      return idDirection(orderBy) === 'asc' ? 'id > ?' : 'id < ?';
    }
    const expr = valueExpr(orderBy[i].field);
    const key = position.keys[i];
    const gt = beyond(expr, key, orderBy[i].direction);
    const eq = equal(expr, key);
    return `(${gt} OR (${eq} AND ${build(i + 1)}))`;
  };
  const condition = build(0);
  // A leading bound the planner can seek the index with; the spelled-out condition stays exact.
  const first = orderBy[0];
  const firstKey = position.keys[0];
  if (first && first.direction === 'asc' && firstKey !== null) {
    return { sql: `${valueExpr(first.field)} >= ? AND ${condition}`, params: [firstKey, ...params] };
  }
  if (first && first.direction === 'desc' && firstKey === null) {
    return { sql: `${valueExpr(first.field)} IS NULL AND ${condition}`, params };
  }
  return { sql: condition, params };
}
