// Stored events are read through the upcaster registry, so code only ever sees current schema versions.
import { checkUpcasterRegistry, upcast, type RecordedEvent } from '@ledger/domain';

export function upcastAll(events: RecordedEvent[]): RecordedEvent[] {
  return events.map(upcastEvent);
}

export function upcastEvent(event: RecordedEvent): RecordedEvent {
  const current = upcast(event);
  return current === event ? event : { ...event, ...current };
}

/** Called at start-up: a missing step in an upcaster chain must stop the process, not corrupt a read. */
export function checkUpcasters(): void {
  checkUpcasterRegistry();
}
