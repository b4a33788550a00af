// Documents each projection writes per event, and documents it keeps, over the bench's workload (no stores:
// the projections' own keys and reducers, in memory). Run: npm run bench:build && node
// dist-bench/bench/documents-per-event.js [events]
import type { RecordedEvent } from '@ledger/domain';
import { planModelFromSeed } from '@ledger/domain';
import { createLedgerProjections } from '@ledger/projections';
import { readSeedFiles } from '../libs/ledger/src/plan/read-seed-files';
import { streamAt } from './workload';

function workload(count: number): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (let i = 0; out.length < count; i++) {
    const { stream, events } = streamAt(i);
    events.forEach((event, revision) =>
      out.push({
        ...event,
        stream,
        revision,
        position: out.length + 1,
        recordedAt: new Date(Date.UTC(2026, 0, 1) + out.length * 1000).toISOString(),
        prevHash: null,
        hash: '0'.repeat(64),
      } as RecordedEvent),
    );
  }
  return out;
}

const count = Number(process.argv[2] ?? 10_000);
const plan = planModelFromSeed(readSeedFiles());
const events = workload(count);
for (const projection of createLedgerProjections(plan)) {
  const docs = new Map<string, Map<string, object>>();
  const writes = new Map<string, number>();
  for (const event of events) {
    if (projection.eventTypes && !projection.eventTypes.includes(event.type)) continue;
    for (const key of projection.keys(event)) {
      const collection = docs.get(key.collection) ?? new Map<string, object>();
      docs.set(key.collection, collection);
      const next = projection.reduce((collection.get(key.id) as never) ?? null, event, key);
      if (next === null) collection.delete(key.id);
      else collection.set(key.id, next);
      writes.set(key.collection, (writes.get(key.collection) ?? 0) + 1);
    }
  }
  const per = (n: number) => (n / events.length).toFixed(2);
  const kept = [...docs.values()].reduce((s, m) => s + m.size, 0);
  const written = [...writes.values()].reduce((s, n) => s + n, 0);
  const bytes = [...docs.values()].reduce(
    (s, m) => s + [...m.values()].reduce((t, d) => t + JSON.stringify(d).length, 0),
    0,
  );
  console.log(
    `${projection.name}: writes ${per(written)}/event, keeps ${per(kept)} docs/event, ${(bytes / events.length).toFixed(0)} B/event ` +
      `(${[...docs].map(([c, m]) => `${c} ${per(m.size)}`).join(', ')})`,
  );
}
