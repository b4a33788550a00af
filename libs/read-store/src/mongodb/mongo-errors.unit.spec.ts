// Errors are built by shape, as the driver builds them (name, code, errorLabels): no server is pretended here.
import { CheckpointConflictError, ReadStoreUnavailableError } from '../read-store.errors';
import { REPLICA_SET_REQUIRED, toReadStoreError } from './mongo-errors';

function driverError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const error = new Error(message);
  Object.defineProperty(error, 'name', { value: name });
  return Object.assign(error, extra);
}

describe('toReadStoreError', () => {
  it('lets our own errors through unchanged', () => {
    const conflict = new CheckpointConflictError('p', 1, 2, 3);
    expect(toReadStoreError(conflict, 'commit')).toBe(conflict);
  });

  it.each([
    ['MongoServerSelectionError', 'Server selection timed out after 5000 ms', {}],
    ['MongoNetworkError', 'connect ECONNREFUSED 127.0.0.1:27017', {}],
    ['MongoTopologyClosedError', 'Topology is closed', {}],
    ['MongoServerError', 'not primary', { code: 10107 }],
    ['MongoServerError', 'operation exceeded time limit', { code: 50 }],
    ['MongoServerError', 'WriteConflict', { code: 112 }],
    ['MongoServerError', 'Authentication failed.', { code: 18 }],
    ['MongoServerError', 'something transient', { errorLabels: ['TransientTransactionError'] }],
  ])('maps %s "%s" to ReadStoreUnavailableError', (name, message, extra) => {
    const cause = driverError(name, message, extra);
    const mapped = toReadStoreError(cause, 'find');
    expect(mapped).toBeInstanceOf(ReadStoreUnavailableError);
    expect(mapped.message).toContain('during find');
    expect((mapped as ReadStoreUnavailableError).cause).toBe(cause);
  });

  it('says that a replica set is needed when the server is a standalone mongod', () => {
    const mapped = toReadStoreError(
      driverError(
        'MongoServerError',
        'Transaction numbers are only allowed on a replica set member or mongos',
        { code: 20 },
      ),
      'commit',
    );
    expect(mapped).toBeInstanceOf(ReadStoreUnavailableError);
    expect(mapped.message).toContain(REPLICA_SET_REQUIRED);
  });

  it('turns other driver errors (bugs, not outages) into a plain Error that carries no driver type', () => {
    const cause = driverError('MongoServerError', 'E11000 duplicate key error', { code: 11000 });
    const mapped = toReadStoreError(cause, 'commit');
    expect(mapped).not.toBeInstanceOf(ReadStoreUnavailableError);
    expect(mapped.constructor).toBe(Error);
    expect(mapped.message).toBe(
      'MongoDB read store failed during commit: MongoServerError (11000): E11000 duplicate key error',
    );
  });

  it("leaves errors that are not the driver's as they are", () => {
    const bug = new TypeError('x is undefined');
    expect(toReadStoreError(bug, 'get')).toBe(bug);
    expect(toReadStoreError('text', 'get').message).toBe('read store failed during get: text');
  });
});
