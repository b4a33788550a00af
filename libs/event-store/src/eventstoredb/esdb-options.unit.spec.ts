import { EventStoreArgumentError } from '../event-store.validation';
import { redactCredentials } from './eventstoredb-event-store';
import { DEFAULT_EVENTSTOREDB_NAMESPACE, resolveOptions } from './esdb-options';
import { isLowercaseUuid, StreamNames } from './esdb-stream-names';

describe('resolveOptions', () => {
  it('fills the defaults', () => {
    const options = resolveOptions();
    expect(options).toMatchObject({
      namespace: DEFAULT_EVENTSTOREDB_NAMESPACE,
      timeoutMs: 5000,
      maxAppendAttempts: 10,
      readPageSize: 500,
      reconnectInitialDelayMs: 100,
      reconnectMaxDelayMs: 5000,
    });
    expect(options.clock()).toBeInstanceOf(Date);
  });

  it.each([
    [{ namespace: '' }, 'namespace'],
    [{ namespace: 'led.ger' }, 'namespace'],
    [{ namespace: '$ledger' }, 'namespace'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ maxAppendAttempts: 1.5 }, 'maxAppendAttempts'],
  ])('refuses %j, naming %s', (options, argument) => {
    expect(() => resolveOptions(options)).toThrow(EventStoreArgumentError);
    expect(() => resolveOptions(options)).toThrow(argument);
  });
});

describe('StreamNames', () => {
  const names = new StreamNames('ledger');

  it('puts data streams under `<namespace>.` and finds the port stream back', () => {
    expect(names.data('housing-case-1')).toBe('ledger.housing-case-1');
    expect(names.portStream('ledger.housing-case-1')).toBe('housing-case-1');
    expect(names.portStream('ledger.a.b')).toBe('a.b');
  });

  it('sees nothing outside the namespace: system streams, claims, other namespaces', () => {
    const id = '6f1c2b9e-0c1a-4f43-9d1e-2a7f3c4b5d6e';
    for (const other of [
      '$stats-127.0.0.1:2113',
      '$$ledger.x',
      names.claims(id),
      'ledger-2.housing-case-1',
      'ledger',
      'ledger.',
      'other.ledger.x',
    ]) {
      expect(names.portStream(other)).toBeNull();
    }
    expect(names.claims(id)).toBe(`ledger-event-id-${id}`);
    expect(new StreamNames('ledger-event-id-x').portStream(names.claims(id))).toBeNull();
  });

  it('accepts only lowercase UUIDs as event ids', () => {
    expect(isLowercaseUuid('6f1c2b9e-0c1a-4f43-9d1e-2a7f3c4b5d6e')).toBe(true);
    expect(isLowercaseUuid('6F1C2B9E-0C1A-4F43-9D1E-2A7F3C4B5D6E')).toBe(false);
    expect(isLowercaseUuid('evt-1')).toBe(false);
  });
});

describe('redactCredentials', () => {
  it('hides the password of a connection string', () => {
    expect(redactCredentials('esdb://admin:changeit@localhost:2113?tls=false')).toBe(
      'esdb://admin:***@localhost:2113?tls=false',
    );
    expect(redactCredentials('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
  });
});
