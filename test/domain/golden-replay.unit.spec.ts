// The stored events of version 1 must fold to the same states in every later version of the code: old
// events come in through the upcasters, exactly as the shell reads them from the store. Never regenerate
// these fixtures to make this pass; a change of meaning needs an upcaster (or a new event type).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateForStream, aggregates, foldStream, upcast, type StreamEvent } from '@ledger/domain';

interface GoldenEvent extends StreamEvent {
  stream: string;
  schemaVersion: number;
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const events = fixture('golden-events.v1.json') as GoldenEvent[];
const states = fixture('golden-states.v1.json') as Record<string, unknown>;
const streams = [...new Set(events.map((e) => e.stream))];

describe('golden replay of v1 events', () => {
  it.each(streams)('%s folds to its recorded state', (stream) => {
    const definition = aggregateForStream(stream);
    expect(definition).toBeDefined();
    const history = events.filter((e) => e.stream === stream).map((e) => upcast(e));
    expect(foldStream(definition!, history)).toEqual(states[stream]);
  });

  it('holds a state for every stream and no other', () => {
    expect(Object.keys(states).sort()).toEqual([...streams].sort());
  });

  // Aggregates added later have their own golden files (golden-replay-actions.unit.spec.ts checks that
  // all of them together cover every aggregate), so that this one never has to change.
  it('covers every event type of every aggregate it holds, a retraction and an amendment', () => {
    const types = new Set(events.map((e) => e.type));
    const held = aggregates.filter((definition) => streams.some((s) => aggregateForStream(s) === definition));
    expect(held.map((definition) => definition.name)).toEqual([
      'housing-case',
      'subsidy-payment',
      'remains-case',
      'training-course',
    ]);
    for (const definition of held) for (const type of definition.eventTypes) expect(types).toContain(type);
    const kinds = events
      .filter((e) => e.type === 'EventCorrected')
      .map((e) => (e.data as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['retraction', 'amendment']));
  });
});
