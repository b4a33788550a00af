// Erasure of a person: check who asks, delete the key, then record PersonalDataErased in the person's stream.
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
import { AccessDeniedError } from '../../../errors/ledger-errors';
import { PLAN_SEED } from '../../../read/projections.providers';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import { PERSONAL_KEYS, type PersonalKeyStore } from '../../personal-key-store.port';
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
  ) {}

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

    const keyErased = await this.keys.erase(payload.personRef);
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
