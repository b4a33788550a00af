// Golden events of officers' accounts, schema version 1. Like the other golden fixtures, never regenerate
// these to make this pass; a change of meaning needs an upcaster (or a new event type).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountAggregate, aggregateForStream, foldStream, upcast, type StreamEvent } from '@ledger/domain';

interface GoldenEvent extends StreamEvent {
  stream: string;
  schemaVersion: number;
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));
const events = fixture('golden-events-accounts.v1.json') as GoldenEvent[];
const states = fixture('golden-states-accounts.v1.json') as Record<string, unknown>;
const streams = [...new Set(events.map((e) => e.stream))];

describe('golden replay of v1 events of accounts', () => {
  it.each(streams)('%s folds to its recorded state', (stream) => {
    expect(aggregateForStream(stream)).toBe(accountAggregate);
    const history = events.filter((e) => e.stream === stream).map((e) => upcast(e));
    expect(foldStream(accountAggregate, history)).toEqual(states[stream]);
  });

  it('holds a state for every stream and no other, and every account event type', () => {
    expect(Object.keys(states).sort()).toEqual([...streams].sort());
    const types = new Set(events.map((e) => e.type));
    for (const type of accountAggregate.eventTypes) expect(types).toContain(type);
  });

  it('never holds a password or a hash', () => {
    expect(JSON.stringify(events)).not.toMatch(/password"|hash|scrypt/i);
  });
});
