import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface ApproveReportPayload {
  indicatorKey: string;
  orgUnit: string;
  period: string;
  /** The digest of the figures the approver read (GET /report-approvals/{indicator}/{orgUnit}/{period}). */
  figuresDigest: string;
  note?: string;
  occurredAt: string;
}

/** Sign off a period report (indicator x org unit x period) on the exact figures read. */
export class ApproveReportCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ApproveReportPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}
