// Erasure of a person: check who asks and that the ledger has seen the person (a key, a support in the
// beneficiary history, or an erasure already recorded: else 404, nothing appended), delete the key, then
// record PersonalDataErased in the person's stream.
// The key goes first: an erasure on the record whose key survived would be a lie, while a deleted key whose
// event failed to append is completed by the retry (deleting again is harmless, and the event is decided once).
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decidePersonalDataErasure,
  PERSONAL_DATA_ERASED,
  personalDataStream,
  refuseWrite,
  type PlanSeed,
  type RecordedEvent,
  type WritePolicyContext,
} from '@ledger/domain';
import { WRITE_ACCESS } from '../../../auth/write-access';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@ledger/event-store';
import { BENEFICIARIES } from '@ledger/projections';
import { READ_STORE_READER, type ReadStoreReader } from '@ledger/read-store';
import { AccessDeniedError, ResourceNotFoundError } from '../../../errors/ledger-errors';
import { PLAN_SEED } from '../../../read/projections.providers';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import { PERSONAL_KEYS, type PersonalKeyStore } from '../../personal-key-store.port';
import { LEDGER_CONFIG, type LedgerConfig } from '../../../config/ledger-config';
import { appendErasure } from '../../../backup/erasure-log';
import { ErasePersonCommand, type ErasePersonResult } from './erase-person.command';

/** Thrown out of `decide` when the stream already records the erasure: nothing to append. */
class AlreadyRecorded extends Error {
  constructor(readonly history: RecordedEvent[]) {
    super('the erasure is already on the record');
  }
}

@CommandHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PERSONAL_KEYS) private readonly keys: PersonalKeyStore,
    @Inject(WRITE_ACCESS) private readonly access: WritePolicyContext,
    @Inject(PLAN_SEED) private readonly seed: PlanSeed,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE_READER) private readonly readStore: ReadStoreReader,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  /** Whether the ledger knows this person: a key of theirs, a support recorded, or an erasure already. */
  private async seen(personRef: string, stream: string): Promise<boolean> {
    if ((await this.keys.find(personRef)) !== null) return true;
    if ((await this.readStore.get(BENEFICIARIES, personRef)) !== null) return true;
    try {
      return (await this.events.readStream(stream)).length > 0;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
  }

  async execute({ payload, context }: ErasePersonCommand): Promise<ErasePersonResult> {
    // Refuse bad input and anyone without the right before the key is touched.
    const decided = decidePersonalDataErasure(payload, []);
    const stream = personalDataStream(payload.personRef);
    const orgUnit = this.seed.plan.orgUnit;
    if ('principal' in context.authority) {
      const refusal = refuseWrite(
        context.authority.principal,
        { stream, aggregate: undefined, orgUnit, events: decided },
        this.access,
      );
      if (refusal) throw new AccessDeniedError(refusal.message);
    }
    if (!(await this.seen(payload.personRef, stream)))
      throw new ResourceNotFoundError(
        'PERSON_NOT_FOUND',
        `no person ${payload.personRef} is known to the ledger: an erasure is recorded only for a reference it has seen`,
      );

    const keyErased = await this.keys.erase(payload.personRef);
    // Also outside the data directory, before it is acknowledged: a restore from an older backup reads it.
    if (this.config.erasureLog)
      appendErasure(this.config.erasureLog, {
        personRef: payload.personRef,
        erasedAt: context.receivedAt.toISOString(),
        reason: typeof payload.reason === 'string' ? payload.reason : '',
      });
    try {
      const result = await this.executor.execute({
        stream,
        occurredAt: context.receivedAt.toISOString(),
        context,
        schemaVersionOf: () => 1,
        decide: (history) => {
          const events = decidePersonalDataErasure(payload, history);
          if (events.length === 0) throw new AlreadyRecorded(history);
          return { events, orgUnit };
        },
      });
      return { ...result, personRef: payload.personRef, keyErased };
    } catch (error) {
      if (!(error instanceof AlreadyRecorded)) throw error;
      const first = error.history.find((event) => event.type === PERSONAL_DATA_ERASED)!;
      return {
        stream,
        eventIds: [first.id],
        positions: [first.position],
        revision: error.history[error.history.length - 1].revision,
        replayed: true,
        personRef: payload.personRef,
        keyErased,
      };
    }
  }
}
