// Golden events of the aggregates added after the first release (insurance enrolments, clean water,
// latrines, job placements, policy loans, allowance grants, measurements), schema version 1. Kept apart
// from golden-events.v1.json so that file replays unchanged forever. Like it, never regenerate these
// fixtures to make this pass; a change of meaning needs an upcaster (or a new event type).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateForStream,
  aggregates,
  effectiveEvents,
  foldStream,
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
const events = fixture('golden-events-actions.v1.json') as GoldenEvent[];
const states = fixture('golden-states-actions.v1.json') as Record<string, unknown>;
const streams = [...new Set(events.map((e) => e.stream))];
/** Every golden fixture of events, this one included. */
const allGoldenEvents = [
  ...(fixture('golden-events.v1.json') as GoldenEvent[]),
  ...events,
  ...(fixture('golden-events-plan.v1.json') as GoldenEvent[]),
  ...(fixture('golden-events-accounts.v1.json') as GoldenEvent[]),
];

describe('golden replay of v1 events of the later actions', () => {
  it.each(streams)('%s folds to its recorded state', (stream) => {
    const definition = aggregateForStream(stream);
    expect(definition).toBeDefined();
    const history = events.filter((e) => e.stream === stream).map((e) => upcast(e));
    expect(foldStream(definition!, history)).toEqual(states[stream]);
  });

  it('holds a state for every stream and no other', () => {
    expect(Object.keys(states).sort()).toEqual([...streams].sort());
  });

  it('holds a retraction and an amendment', () => {
    const kinds = events
      .filter((e) => e.type === 'EventCorrected')
      .map((e) => (e.data as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['retraction', 'amendment']));
  });

  it('together with golden-events.v1.json, golden-events-plan.v1.json and golden-events-accounts.v1.json, covers every event type of every aggregate', () => {
    const types = new Set(allGoldenEvents.map((e) => e.type));
    for (const definition of aggregates)
      for (const type of definition.eventTypes) expect(types).toContain(type);
  });

  it('keeps event ids apart from those of the other golden fixtures', () => {
    const ids = allGoldenEvents.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('in every golden fixture, each correction carries the event it corrects as it stood just before', () => {
    allGoldenEvents.forEach((correction, index) => {
      if (correction.type !== 'EventCorrected') return;
      const { correctsEventId, original } = correction.data as EventCorrectedData;
      const before = allGoldenEvents.slice(0, index).filter((e) => e.stream === correction.stream);
      const target = effectiveEvents(aggregateForStream(correction.stream)!, before).find(
        (e) => e.id === correctsEventId,
      );
      expect(target).toBeDefined();
      expect(original).toStrictEqual({ type: target!.type, data: target!.data, ...target!.metadata });
    });
  });
});
