// Event ids. A command that produces several events derives ids 2..n from the first, so a retry with the
// same client id produces exactly the same ids and the store's idempotence applies to all of them.
import { createHash, randomUUID } from 'node:crypto';

export function newEventId(): string {
  return randomUUID();
}

/** A UUID (version 8, "custom") derived from the first event id and the event's index in the command. */
export function derivedEventId(firstId: string, index: number): string {
  return index === 0 ? firstId : eventIdFromName(`${firstId}:${index}`);
}

/** A UUID (version 8) that is a function of a name: the same fact loaded twice gets the same id. */
export function eventIdFromName(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
