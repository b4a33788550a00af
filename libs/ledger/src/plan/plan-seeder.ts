// Puts a plan folder on the record through the same write path as every officer's action: each fact of
// the seed is a command, decided by the plan's deciders and appended with a name-derived event id, so a
// second load of the same folder appends nothing, and a changed fact is refused rather than overwritten
// (a target changes by a revision with a reason, never by editing the seed and reloading).
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  localDayOf,
  planAggregateFor,
  planLeadOn,
  planSeedToCommands,
  type PlanSeed,
  type RecordedEvent,
} from '@ledger/domain';
import { EVENT_STORE, StreamNotFoundError, type EventStore } from '@ledger/event-store';
import { AggregateCommandExecutor } from '../write/aggregate-command-executor';
import { openCase, type WithoutNow } from '../write/aggregate-command';
import type { CommandContext } from '../write/command-context';
import { eventIdFromName } from '../write/event-ids';
import { readSeedFiles } from './read-seed-files';

export interface SeedReport {
  planId: string;
  facts: number;
  /** Facts appended by this load. */
  appended: number;
  /** Facts already on the record (same id): nothing appended for them. */
  alreadyRecorded: number;
}

export interface SeedOptions {
  /** Called after each fact, for progress output on long loads. */
  onProgress?: (done: number, total: number) => void;
  /** Server time; tests pass a fixed one. */
  now?: Date;
}

/** Who loads a plan: the operator, acting for the agency that leads the plan (plan-lead.ts). */
const SEED_OFFICER = 'plan-loader';

@Injectable()
export class PlanSeeder {
  private readonly logger = new Logger('PlanSeeder');

  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async seedFolder(folder: string, options: SeedOptions = {}): Promise<SeedReport> {
    return this.seed(readSeedFiles(folder), options);
  }

  async seed(seed: PlanSeed, options: SeedOptions = {}): Promise<SeedReport> {
    const now = options.now ?? new Date();
    // The plan's date of adoption, or the time of the first load, kept for every later load so that the
    // same fact is the same payload (the store compares payloads, occurredAt included).
    const adopted = await this.firstEvent(`plan-${seed.plan.planId}`);
    const occurredAt = adopted?.metadata.occurredAt ?? seed.plan.adoptedOn ?? now.toISOString();
    const commands = planSeedToCommands(seed, { occurredAt, now: now.toISOString() });
    // The loader acts for the agency that leads the plan on the day the seed is put on the record.
    const agency = planLeadOn(seed.plan, localDayOf(occurredAt) ?? occurredAt.slice(0, 10));
    const report: SeedReport = {
      planId: seed.plan.planId,
      facts: commands.length,
      appended: 0,
      alreadyRecorded: 0,
    };
    for (const [index, seedCommand] of commands.entries()) {
      const eventId = eventIdFromName(seedCommand.eventIdInput);
      if (await this.store.getEvent(eventId)) {
        report.alreadyRecorded++;
      } else {
        const context: CommandContext = {
          actor: { officer: SEED_OFFICER, agency, role: 'admin' },
          authority: { operator: SEED_OFFICER },
          eventId,
          correlationId: eventIdFromName(`seed:${seed.plan.planId}:${occurredAt}`),
          evidence: [],
          receivedAt: now,
        };
        const aggregate = planAggregateFor(seedCommand.command);
        const result = await this.executor.execute(
          openCase(
            aggregate,
            seedCommand.command as WithoutNow<typeof seedCommand.command>,
            context,
            seedCommand.orgUnit,
          ),
        );
        if (result.eventIds.length > 0 && !result.replayed) report.appended++;
        else report.alreadyRecorded++;
      }
      options.onProgress?.(index + 1, commands.length);
    }
    this.logger.log(
      `plan ${report.planId}: ${report.appended} facts appended, ${report.alreadyRecorded} already on the record`,
    );
    return report;
  }

  private async firstEvent(stream: string): Promise<RecordedEvent | null> {
    try {
      return (await this.store.readStream(stream))[0] ?? null;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return null;
      throw error;
    }
  }
}
