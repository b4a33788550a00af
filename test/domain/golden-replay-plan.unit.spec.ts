// Golden events of the plan's aggregates (plan, org units, reorganisations, agencies, indicators,
// targets, responsibilities, baselines), schema version 1, in their own file so that the other two replay
// unchanged. Their envelopes carry the org unit and actor, so the corrections here show a full `original`.
// Like the others, never regenerate these fixtures to make this pass; a change of meaning needs an
// upcaster (or a new event type).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateForStream,
  foldStream,
  planAggregates,
  upcast,
  type EventCorrectedData,
  type StreamEvent,
} from '@ledger/domain';

interface GoldenEvent extends StreamEvent {
  stream: string;
  schemaVersion: number;
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const events = fixture('golden-events-plan.v1.json') as GoldenEvent[];
const states = fixture('golden-states-plan.v1.json') as Record<string, unknown>;
const streams = [...new Set(events.map((e) => e.stream))];

describe('golden replay of v1 events of the plan', () => {
  it.each(streams)('%s folds to its recorded state', (stream) => {
    const definition = aggregateForStream(stream);
    expect(definition).toBeDefined();
    const history = events.filter((e) => e.stream === stream).map((e) => upcast(e));
    expect(foldStream(definition!, history)).toEqual(states[stream]);
  });

  it('holds a state for every stream and no other', () => {
    expect(Object.keys(states).sort()).toEqual([...streams].sort());
  });

  it('holds only streams of the plan, and every event type of every plan aggregate', () => {
    const held = new Set(streams.map((s) => aggregateForStream(s)));
    expect([...held].every((definition) => definition && planAggregates.includes(definition))).toBe(true);
    const types = new Set(events.map((e) => e.type));
    for (const definition of planAggregates)
      for (const type of definition.eventTypes) expect(types).toContain(type);
  });

  it('holds a retraction and an amendment of plan events, and a revision of a target', () => {
    const corrections = events
      .filter((e) => e.type === 'EventCorrected')
      .map((e) => e.data as EventCorrectedData);
    expect(corrections.map((c) => c.kind)).toEqual(expect.arrayContaining(['retraction', 'amendment']));
    expect(events.map((e) => e.type)).toContain('TargetRevised');
  });
});
