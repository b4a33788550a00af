// Names of the server streams behind one namespace:
//   <namespace>.<stream>                 the events of the port's stream <stream>
//   <namespace>-event-id-<uuid>          the claims of one event id (see esdb-idempotency.ts)
// A namespace has no '.', so the data prefix `<namespace>.` matches neither another namespace's streams nor any
// claim stream, and `$`-prefixed system streams never match it.

const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** EventStoreDB keys events by UUID and gives them back in lowercase; only that form round-trips unchanged. */
export function isLowercaseUuid(id: string): boolean {
  return LOWERCASE_UUID.test(id);
}

export class StreamNames {
  /** Prefix shared by every data stream of the namespace: the subscription filter. */
  readonly dataPrefix: string;
  private readonly claimPrefix: string;

  constructor(readonly namespace: string) {
    this.dataPrefix = `${namespace}.`;
    this.claimPrefix = `${namespace}-event-id-`;
  }

  /** Server stream of a port stream. */
  data(stream: string): string {
    return this.dataPrefix + stream;
  }

  /** Port stream of a server stream, or null when the server stream is not a data stream of this namespace. */
  portStream(serverStream: string): string | null {
    if (!serverStream.startsWith(this.dataPrefix) || serverStream.length === this.dataPrefix.length)
      return null;
    return serverStream.slice(this.dataPrefix.length);
  }

  /** Server stream holding the claims of one event id (a lowercase UUID). */
  claims(eventId: string): string {
    return this.claimPrefix + eventId;
  }
}
