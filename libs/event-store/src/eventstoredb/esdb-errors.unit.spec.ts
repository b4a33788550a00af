import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  DuplicateEventIdError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import { EventStoreArgumentError } from '../event-store.validation';
import { toEventStoreError } from './esdb-errors';

// The client's error classes, built as the client builds them from a server reply; no server involved.
describe('toEventStoreError', () => {
  it('a wrong expected version becomes WrongExpectedRevisionError with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'ledger.case-1',
      expected: 3n,
      current: 5n,
    });
    const mapped = toEventStoreError(error, { action: 'append', stream: 'case-1', expected: 3 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 'case-1', expected: 3, actual: 5 });
  });

  it('a wrong expected version on a missing stream has actual -1; without context it keeps the client values', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'ledger.case-1',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(toEventStoreError(error, { action: 'append' })).toMatchObject({
      stream: 'ledger.case-1',
      expected: 'stream_exists',
      actual: -1,
    });
  });

  it('stream not found becomes StreamNotFoundError with the port stream name', () => {
    const mapped = toEventStoreError(new ClientStreamNotFoundError(undefined, 'ledger.case-1'), {
      action: 'readStream',
      stream: 'case-1',
    });
    expect(mapped).toBeInstanceOf(StreamNotFoundError);
    expect(mapped).toMatchObject({ stream: 'case-1', code: 'STREAM_NOT_FOUND' });
  });

  it.each([
    ['unavailable', new UnavailableError(undefined, 'No connection established')],
    ['deadline exceeded', new DeadlineExceededError(undefined, 'Deadline exceeded')],
    ['cancelled by the server', new CancelledError(undefined, 'Cancelled')],
    ['access denied', new AccessDeniedError()],
    ['discovery failed', new Error('Failed to discover after 10 attempts.')],
  ])('%s becomes StoreUnavailableError, keeping the cause', (_label, error) => {
    const mapped = toEventStoreError(error, { action: 'readAll' });
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(mapped.message).toContain('readAll');
    expect((mapped as StoreUnavailableError).cause).toBe(error);
  });

  it('not leader (a cluster electing) is unavailable too', () => {
    // What the client receives from a follower: a gRPC error naming the leader in its metadata.
    const reply = {
      message: 'Leader info available',
      metadata: { getMap: () => ({ 'leader-endpoint-host': 'node-2', 'leader-endpoint-port': '2113' }) },
    };
    const error = new NotLeaderError(reply as unknown as ConstructorParameters<typeof NotLeaderError>[0]);
    expect(toEventStoreError(error, { action: 'append' })).toBeInstanceOf(StoreUnavailableError);
  });

  it('an append over the size limit is the caller’s argument error', () => {
    const mapped = toEventStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), {
      action: 'append',
    });
    expect(mapped).toBeInstanceOf(EventStoreArgumentError);
    expect(mapped.message).toContain('1024');
  });

  it('other client errors become plain Errors naming the action, never a client type', () => {
    for (const error of [
      new UnknownError(undefined, 'boom'),
      StreamDeletedError.fromStreamName('ledger.x'),
    ]) {
      const mapped = toEventStoreError(error, { action: 'getEvent' });
      expect(mapped.constructor).toBe(Error);
      expect(mapped.message).toContain('getEvent');
      expect(mapped.cause).toBe(error);
    }
  });

  it('passes our own errors and non-client errors through, and wraps thrown strings', () => {
    const ours = new DuplicateEventIdError('id', 'detail');
    expect(toEventStoreError(ours, { action: 'append' })).toBe(ours);
    const bug = new TypeError('bug');
    expect(toEventStoreError(bug, { action: 'append' })).toBe(bug);
    const wrapped = toEventStoreError('Impossible situation', { action: 'readAll' });
    expect(wrapped).toBeInstanceOf(Error);
    expect(wrapped.message).toBe('EventStoreDB failed during readAll: Impossible situation');
  });
});
