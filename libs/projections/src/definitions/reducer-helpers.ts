// What the projection definitions share (STYLE.md practice 10): the guard that makes a reducer idempotent by
// position, keys without repeats, and a version that follows what a reducer reads from the plan. The shape of
// a projection itself is `Projection` (../projection.ts).
import type { RecordedEvent } from '@ledger/domain';
import type { DocumentKey } from '../projection';

/** Every document of these projections records the position of the last event applied to it. */
export interface PositionedDocument {
  lastPosition: number;
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
