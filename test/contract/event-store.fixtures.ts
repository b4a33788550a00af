// Builders and helpers shared by the event store contract and the adapters' own integration tests.
import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '@ledger/domain';

export function aMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    occurredAt: '2025-05-20T02:30:00.000Z',
    actor: { officer: 'can-bo-01', agency: 'LDTBXH-BAC-AI', role: 'officer' },
    orgUnit: 'PHUOC-DAI',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    evidence: [],
    ...overrides,
  };
}

export function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'SomethingRecorded',
    schemaVersion: 1,
    data: { value: Math.floor(Math.random() * 1e9) },
    metadata: aMetadata(),
    ...overrides,
  };
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
