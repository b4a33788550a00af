import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_DUE_DATE, OPEN_CASE_STEPS, OPEN_STEP_COUNTS, type OpenCaseStepDoc } from '@ledger/projections';
import { SqliteReadStore } from '@ledger/read-store';
import { countOpenSteps, openStepsPage } from './open-case-steps';

const step = (i: number, agency: string, dutyHolder: string, dueBy: string | null): OpenCaseStepDoc =>
  ({
    stream: `housing-case-${String(i).padStart(4, '0')}`,
    agency,
    dutyHolder,
    successorDutyHolder: dutyHolder === agency ? null : dutyHolder,
    dueBy,
    lastPosition: i,
  }) as unknown as OpenCaseStepDoc;

describe('open case steps of an agency, from the indexes', () => {
  let dir: string;
  let store: SqliteReadStore;
  const docs: OpenCaseStepDoc[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'open-steps-'));
    store = new SqliteReadStore(join(dir, 'read.db'));
    await store.ensureIndexes(OPEN_CASE_STEPS, [
      ['agency', 'dueBy'],
      ['successorDutyHolder', 'dueBy'],
    ]);
    for (let i = 0; i < 230; i++) {
      const agency = ['OLD', 'NEW', 'OTHER'][i % 3];
      const holder = agency === 'OLD' && i % 2 === 0 ? 'NEW' : agency;
      const dueBy =
        i % 17 === 0
          ? null
          : `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      docs.push(step(i, agency, holder, dueBy));
    }
    const generation = await store.beginRebuild('agency-trail', 1);
    await store.commit({
      projection: 'agency-trail',
      generation,
      expectedCheckpoint: 0,
      checkpoint: 1,
      writes: [
        ...docs.map((doc) => ({ collection: OPEN_CASE_STEPS, id: doc.stream, doc })),
        {
          collection: OPEN_STEP_COUNTS,
          id: 'NEW',
          doc: { total: 7, buckets: { '2026-04-30': 2, '2026-05-01': 1, '2026-06-01': 3, [NO_DUE_DATE]: 1 } },
        },
      ],
    });
    await store.switchOver('agency-trail', generation);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expected = (agency: string, keep: (d: OpenCaseStepDoc) => boolean = () => true): string[] =>
    docs
      .filter((d) => (d.agency === agency || d.dutyHolder === agency) && keep(d))
      .sort((a, b) =>
        (a.dueBy ?? '') !== (b.dueBy ?? '')
          ? (a.dueBy ?? '') < (b.dueBy ?? '')
            ? -1
            : 1
          : a.stream < b.stream
            ? -1
            : 1,
      )
      .map((d) => d.stream);

  it.each([
    ['NEW', 7],
    ['NEW', 50],
    ['OLD', 13],
    ['OTHER', 500],
  ])('pages %s (recorded last or held by succession) in due order, %i at a time', async (agency, limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await openStepsPage(store, { agency }, limit, cursor);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((d) => d.stream));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected(agency));
  });

  it("counts from the agency's running count: all, and those due before a day (not those with no date)", async () => {
    expect(await countOpenSteps(store, 'NEW', '2026-05-01')).toEqual({ total: 7, dueBefore: 2 });
    expect(await countOpenSteps(store, 'NEW', '2026-06-02')).toEqual({ total: 7, dueBefore: 6 });
    expect(await countOpenSteps(store, 'NOBODY', '2026-06-02')).toEqual({ total: 0, dueBefore: 0 });
  });

  it('lists those past due on a day', async () => {
    const past = (d: OpenCaseStepDoc) => d.dueBy !== null && d.dueBy < '2026-05-01';
    const first = await openStepsPage(store, { agency: 'NEW', dueBefore: '2026-05-01' }, 10);
    expect(first.items.map((d) => d.stream)).toEqual(expected('NEW', past).slice(0, 10));
  });

  it('refuses a cursor it did not make', async () => {
    await expect(openStepsPage(store, { agency: 'NEW' }, 5, 'bm90LWEtY3Vyc29y')).rejects.toThrow(/cursor/);
  });
});
