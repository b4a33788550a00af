import { Command } from '@nestjs/cqrs';
import type { RecordMeasurement } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type RecordMeasurementPayload = Omit<RecordMeasurement, 'type' | 'now'>;

export class RecordMeasurementCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordMeasurementPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
