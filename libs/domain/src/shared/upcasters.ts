// Stored events keep the schema version they were written with. Upcasters bring old data to today's
// shape when it is read, one version at a time, so the stored bytes (and their hash chain) never change.
import { LedgerError } from './ledger-error';
import { currentSchemaVersions } from '../corrections/aggregate-registry';

export type Upcaster = (data: unknown) => unknown;

/** event type -> version it upcasts from -> function returning the data of the next version. */
export type UpcasterRegistry = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/**
 * Empty: every event type is still at version 1. When a type goes to version 2, add
 * `{ TheType: { 1: (data) => ... } }` here and raise its schemaVersions entry in the aggregate.
 */
export const upcasters: UpcasterRegistry = {};

export interface VersionedEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
}

/** A stored event this code cannot bring to today's schema: a fault of the code or the data, never of a request. */
export class UpcastError extends LedgerError {
  readonly kind = 'internal';
  constructor(
    readonly code: 'SCHEMA_VERSION_UNKNOWN' | 'UPCASTER_MISSING' | 'UPCASTER_REGISTRY_INCOMPLETE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The event at today's schema version: the same object when nothing had to change, a copy otherwise.
 * Types that no aggregate here knows (another system's events, ...) pass through untouched.
 */
export function upcast<T extends VersionedEvent>(
  event: T,
  registry: UpcasterRegistry = upcasters,
  schemaVersions: Readonly<Record<string, number>> = currentSchemaVersions,
): T {
  const current = schemaVersions[event.type];
  if (current === undefined) return event;
  const from = event.schemaVersion;
  if (!Number.isInteger(from) || from < 1 || from > current) {
    throw new UpcastError(
      'SCHEMA_VERSION_UNKNOWN',
      `${event.type} v${from} is not a version this code knows (current v${current}); is the code older than the data?`,
    );
  }
  if (from === current) return event;
  let data = event.data;
  for (let version = from; version < current; version++) {
    const step = registry[event.type]?.[version];
    if (!step)
      throw new UpcastError(
        'UPCASTER_MISSING',
        `${event.type}: no upcaster from v${version} to v${version + 1}`,
      );
    data = step(data);
  }
  return { ...event, schemaVersion: current, data };
}

/**
 * Every problem of a registry against the current versions: a type at version v needs an upcaster from
 * each of 1..v-1, and an upcaster from v or above (or for an unknown type) means versions got mixed up.
 */
export function findUpcasterGaps(
  registry: UpcasterRegistry,
  schemaVersions: Readonly<Record<string, number>> = currentSchemaVersions,
): string[] {
  const problems: string[] = [];
  for (const [type, current] of Object.entries(schemaVersions)) {
    for (let version = 1; version < current; version++) {
      if (!registry[type]?.[version])
        problems.push(`${type}: no upcaster from v${version} to v${version + 1}`);
    }
  }
  for (const [type, steps] of Object.entries(registry)) {
    const current = schemaVersions[type];
    for (const key of Object.keys(steps)) {
      const version = Number(key);
      if (current === undefined)
        problems.push(`${type}: upcaster from v${key} for an event type no aggregate has`);
      else if (!Number.isInteger(version) || version < 1)
        problems.push(`${type}: upcaster from v${key} is not a version`);
      else if (version >= current) {
        problems.push(`${type}: upcaster from v${version} but the current version is v${current}`);
      }
    }
  }
  return problems;
}

/**
 * Throws one error listing every problem (see findUpcasterGaps). Run it at start-up: a gap found then
 * stops the process instead of failing a read of old events later.
 */
export function checkUpcasterRegistry(
  registry: UpcasterRegistry = upcasters,
  schemaVersions: Readonly<Record<string, number>> = currentSchemaVersions,
): void {
  const problems = findUpcasterGaps(registry, schemaVersions);
  if (problems.length > 0) {
    throw new UpcastError(
      'UPCASTER_REGISTRY_INCOMPLETE',
      `upcaster registry is incomplete:\n- ${problems.join('\n- ')}`,
    );
  }
}
