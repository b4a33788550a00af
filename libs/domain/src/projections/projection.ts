// The shape of a read-side projection (DESIGN.md, "Read side"; STYLE.md practice 10): pure reducers of
// (document | null, event) -> document | null, keyed by documents named from the event alone. The runner
// (libs/projections) reads events in position order, loads the documents keys() names, calls reduce once
// per key and writes the documents together with its checkpoint.
import type { RecordedEvent } from '../shared/envelope';

export interface DocumentKey {
  collection: string;
  id: string;
}

/** Every document of these projections records the position of the last event applied to it. */
export interface PositionedDocument {
  lastPosition: number;
}

export interface ProjectionDefinition<D extends object = object> {
  /** e.g. 'inspection-trail'; the runner keeps one checkpoint per name. */
  name: string;
  /**
   * Bump when the reducer's output changes: the runner then rebuilds from position 0. Projections that read
   * the plan (rules, org-unit tree, norms) use projectionVersion(base, plan parts) so that a change of the
   * plan's rules is a new version too.
   */
  version: number;
  collections: readonly string[];
  /** The event types keys() can name a document for; absent: every type. Others only move the checkpoint. */
  eventTypes?: readonly string[];
  /**
   * Field lists the read side filters or sorts on, per collection (equality on the leading fields, then a
   * range or an order): hand them to ReadStore.ensureIndexes.
   */
  indexes?: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** Which documents this event touches (possibly several: a commune document and its roll-ups). [] to ignore. */
  keys(event: RecordedEvent): DocumentKey[];
  /**
   * Pure. null deletes. Called once per key, in event position order; idempotent per position: a document
   * keeps the last applied position and comes back unchanged for an event at or below it. Events come at
   * today's schema version (the runner reads them through the upcasters, as every reader of the store does).
   */
  reduce(doc: D | null, event: RecordedEvent, key: DocumentKey): D | null;
}

/** True when this document has already seen the event (a replay after a crash, or a duplicate delivery). */
export function alreadyApplied(
  doc: PositionedDocument | null,
  event: Pick<RecordedEvent, 'position'>,
): boolean {
  return doc !== null && doc.lastPosition >= event.position;
}

/** The keys without repeats, in first-seen order. */
export function uniqueKeys(keys: readonly DocumentKey[]): DocumentKey[] {
  const seen = new Set<string>();
  const out: DocumentKey[] = [];
  for (const key of keys) {
    const name = `${key.collection}\u0000${key.id}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(key);
  }
  return out;
}

/**
 * 1000 x base + a stable hash (0..999) of what the reducer reads from the plan. Bump `base` when the code
 * changes; the hash moves by itself when the rules, the tree or the norms change. A collision (1 in 1000)
 * would miss a rebuild, so a change that matters can always be forced by bumping `base`.
 */
export function projectionVersion(base: number, ...planParts: unknown[]): number {
  return base * 1000 + (planParts.length === 0 ? 0 : stableHash(planParts) % 1000);
}

/** FNV-1a (32 bit) over canonical JSON (object keys sorted): the same data gives the same number anywhere. */
export function stableHash(value: unknown): number {
  const text = canonicalJson(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, inner]) => inner !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}
