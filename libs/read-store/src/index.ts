export * from './read-store.port';
export * from './read-store.query';
export * from './read-store.errors';
export {
  openSqliteReadStore,
  SqliteReadStore,
  SQLITE_READ_STORE_FILE,
  type SqliteReadStoreDiagnostics,
  type SqliteReadStoreOptions,
} from './sqlite/sqlite-read-store';
export { openMongoReadStore, MongoReadStore, type MongoReadStoreOptions } from './mongodb/mongo-read-store';
