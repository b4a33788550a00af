// An account as its stream in the event store says it is now: read at the moment of asking, never from a
// projection that may lag, so a disabling or a revoked role counts from the very next request.
import { Inject, Injectable } from '@nestjs/common';
import { accountAggregate, accountStream, accountView, foldStream, type AccountView } from '@ledger/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@ledger/event-store';
import { upcastAll } from '../write/upcasting';

@Injectable()
export class AccountReader {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** The account, or null when none is recorded for this officer. */
  async read(officer: string): Promise<AccountView | null> {
    try {
      const history = upcastAll(await this.events.readStream(accountStream(officer)));
      return accountView(foldStream(accountAggregate, history));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }
}
