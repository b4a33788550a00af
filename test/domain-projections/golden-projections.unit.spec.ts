// Every projection over the golden events (every event type we write, corrections of action and plan events
// included), as the runner would apply them: nothing throws, a rebuild from position 0 gives the same
// documents, and applying the stream again changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planModelFromSeed, type RecordedEvent } from '@ledger/domain';
import { createLedgerProjections, lifecycleOfStream, OPEN_CASE_STEPS } from '@ledger/projections';
import { project } from '@ledger/projections/definitions/testing/projection-spec';
import { readSeedFiles } from '@ledger/ledger/plan/read-seed-files';

const FIXTURES = join(__dirname, '..', 'fixtures');
const FILES = ['golden-events-plan.v1.json', 'golden-events.v1.json', 'golden-events-actions.v1.json'];

interface GoldenEvent {
  id: string;
  stream: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { occurredAt: string; orgUnit?: string; actor?: RecordedEvent['metadata']['actor'] };
}

/** The golden events with the envelope a store adds (positions in file order, revisions per stream). */
function goldenEvents(): RecordedEvent[] {
  const revisions = new Map<string, number>();
  const golden = FILES.flatMap(
    (file) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as GoldenEvent[],
  );
  return golden.map((e, i) => {
    const revision = revisions.get(e.stream) ?? 0;
    revisions.set(e.stream, revision + 1);
    const commune = (e.data as { commune?: unknown }).commune;
    return {
      ...e,
      revision,
      position: i + 1,
      recordedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      prevHash: null,
      hash: `h${i}`,
      metadata: {
        occurredAt: e.metadata.occurredAt,
        orgUnit: e.metadata.orgUnit ?? (typeof commune === 'string' ? commune : 'BA-PHUOC-DAI'),
        actor: e.metadata.actor ?? { officer: 'cb-01', agency: 'LDTBXH-BAC-AI', role: 'officer' },
        commandId: `c${i}`,
        correlationId: `c${i}`,
        causationId: `c${i}`,
        evidence: [],
      },
    };
  });
}

describe('the projections over the golden events', () => {
  const plan = planModelFromSeed(readSeedFiles(join(__dirname, '..', '..', 'seeds')));
  const events = goldenEvents();

  for (const projection of createLedgerProjections(plan)) {
    it(`${projection.name}: rebuilds to the same documents and ignores a replay`, () => {
      const docs = project(projection, events);
      const rebuilt = project(projection, events);
      expect(rebuilt.snapshot()).toEqual(docs.snapshot());
      const before = docs.snapshot();
      // A closed case leaves open-case-steps: with its document gone, nothing remembers its positions, so
      // only the runner's checkpoint keeps its old events from being applied again. Those are left out.
      const closed = new Set(
        events
          .filter((e) => lifecycleOfStream(e.stream) && docs.get(OPEN_CASE_STEPS, e.stream) === null)
          .map((e) => e.stream),
      );
      const replay = projection.collections.includes(OPEN_CASE_STEPS)
        ? events.filter((e) => !closed.has(e.stream))
        : events;
      project(projection, replay, docs);
      expect(docs.snapshot()).toEqual(before);
      expect(projection.collections.some((c) => docs.ids(c).length > 0)).toBe(true);
    });
  }
});
