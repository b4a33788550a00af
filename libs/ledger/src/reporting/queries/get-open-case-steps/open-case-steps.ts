// An agency's open case steps, read from the open-case-steps collection without reading all of them: the
// steps it recorded last (agency = X) and those it holds by succession (successorDutyHolder = X) are two
// disjoint index ranges ordered by dueBy, merged here. How many there are comes from the agency's running
// count (open-step-counts), one document however many steps are open.
import {
  NO_DUE_DATE,
  OPEN_CASE_STEPS,
  OPEN_STEP_COUNTS,
  type CountDoc,
  type OpenCaseStepDoc,
} from '@ledger/projections';
import type { Filter, FieldCondition, ReadStoreReader } from '@ledger/read-store';
import { ReadStoreArgumentError } from '@ledger/read-store';

/** The two ranges: recorded last by the agency, held by it as successor. */
const SIDES = ['agency', 'successorDutyHolder'] as const;
type Side = (typeof SIDES)[number];

export interface OpenStepsFilter {
  agency: string;
  /** Only steps whose due date is before this day (YYYY-MM-DD). */
  dueBefore?: string;
  /** Only steps with a due date (true) or without (false); both when absent. */
  dated?: boolean;
}

export interface OpenStepsPage {
  items: OpenCaseStepDoc[];
  /** Pass back to read the next page; absent on the last page. */
  nextCursor?: string;
}

function where(filter: OpenStepsFilter, side: Side): Filter {
  const due: FieldCondition | null =
    filter.dueBefore !== undefined ? { lt: filter.dueBefore } : filter.dated === true ? { gte: '0' } : null;
  return {
    [side]: filter.agency,
    ...(filter.dated === false ? { dueBy: null } : due ? { dueBy: due } : {}),
  };
}

/** How many open steps the agency answers for (recorded last or held by succession), and how many are due before `day`. */
export async function countOpenSteps(
  store: ReadStoreReader,
  agency: string,
  day: string,
): Promise<{ total: number; dueBefore: number }> {
  const counts = await store.get<CountDoc>(OPEN_STEP_COUNTS, agency);
  let dueBefore = 0;
  for (const [dueBy, n] of Object.entries(counts?.buckets ?? {})) {
    if (dueBy !== NO_DUE_DATE && dueBy < day) dueBefore += n;
  }
  return { total: counts?.total ?? 0, dueBefore };
}

/** The store's order: dueBy ascending (no due date first), then id (the stream). */
function compare(a: OpenCaseStepDoc, b: OpenCaseStepDoc): number {
  const x = a.dueBy ?? '';
  const y = b.dueBy ?? '';
  if (x !== y) return x < y ? -1 : 1;
  return a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0;
}

/** Cursor of a merged page: each side's read-store cursor; null once that side is exhausted. */
type Cursor = Record<Side, string | null | undefined>;

function decode(cursor: string | undefined): Cursor {
  if (!cursor) return { agency: undefined, successorDutyHolder: undefined };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    const ok = (v: unknown): v is string | null | undefined =>
      v === undefined || v === null || typeof v === 'string';
    if (typeof parsed === 'object' && parsed && ok(parsed.agency) && ok(parsed.successorDutyHolder)) {
      return { agency: parsed.agency, successorDutyHolder: parsed.successorDutyHolder };
    }
  } catch {
    // fall through
  }
  throw new ReadStoreArgumentError('cursor', 'is not a cursor of this list');
}

const encode = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

/**
 * One page of the agency's open steps in dueBy order (then stream), `limit` at most: reads at most `limit`
 * documents from each side (and, for a side only partly used, its cursor after the last one used).
 */
export async function openStepsPage(
  store: ReadStoreReader,
  filter: OpenStepsFilter,
  limit: number,
  cursor?: string,
): Promise<OpenStepsPage> {
  const from = decode(cursor);
  const orderBy = [{ field: 'dueBy' }];
  const read = (side: Side, after: string | undefined, n: number) =>
    store.find<OpenCaseStepDoc>(OPEN_CASE_STEPS, {
      where: where(filter, side),
      orderBy,
      limit: n,
      ...(after ? { after } : {}),
    });
  const pages = await Promise.all(
    SIDES.map((side) => (from[side] === null ? null : read(side, from[side] ?? undefined, limit))),
  );
  const merged = SIDES.flatMap((side, i) => (pages[i]?.items ?? []).map((item) => ({ side, doc: item.doc })));
  merged.sort((a, b) => compare(a.doc, b.doc));
  const taken = merged.slice(0, limit);
  const next: Cursor = { agency: null, successorDutyHolder: null };
  await Promise.all(
    SIDES.map(async (side, i) => {
      const page = pages[i];
      if (!page) return;
      const used = taken.filter((t) => t.side === side).length;
      if (used === page.items.length) next[side] = page.nextCursor ?? null;
      else if (used === 0) next[side] = from[side];
      // Partly used: the cursor after the last one used is that of a page of exactly that many.
      else next[side] = (await read(side, from[side] ?? undefined, used)).nextCursor ?? null;
    }),
  );
  const more = SIDES.some((side) => next[side] !== null);
  return { items: taken.map((t) => t.doc), ...(more ? { nextCursor: encode(next) } : {}) };
}
