export * from './event-store.port';
export * from './event-store.errors';
export {
  EventStoreArgumentError,
  DEFAULT_READ_ALL_MAX_COUNT,
  MAX_POSITIONS_READ,
} from './event-store.validation';
export {
  canonicalJson,
  CanonicalJsonError,
  hashEvent,
  payloadDigest,
  sha256Hex,
  type HashedEventFields,
} from './hash';
export {
  verifyEventStore,
  type VerifyOptions,
  type VerifyProblem,
  type VerifyProblemKind,
  type VerifyProgress,
  type VerifyReport,
} from './verify';
export {
  openSqliteEventStore,
  SqliteEventStore,
  type SqliteEventStoreDiagnostics,
  type SqliteEventStoreOptions,
} from './sqlite/sqlite-event-store';
export { openEventStoreDb, EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
export { DEFAULT_EVENTSTOREDB_NAMESPACE, type EventStoreDbOptions } from './eventstoredb/esdb-options';
