// One stream per period report (report-approval-<indicator>.<orgUnit>.<period>). The approver signs off
// the exact snapshot they read (figures up to a position, and their digest): if the figures moved since,
// the approval is refused and they read again. A district report waits for its communes' reports (the shell
// names those not approved yet). Who may approve is a write rule.
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { checkOccurredAt, requireText, type TimedCommand } from '../shared/rules';
import { monthsOfPeriod } from '../shared/event-reading';
import type { ReportApproved, ReportFigures } from './four-eyes.events';
import { optionalNote } from './verification.decider';

export interface ReportSnapshot {
  upToPosition: number;
  figuresDigest: string;
  figures: ReportFigures;
}

export interface ApproveReport extends TimedCommand {
  type: 'ApproveReport';
  indicatorKey: string;
  orgUnit: string;
  period: string;
  /** The digest the approver read and signs off. */
  figuresDigest: string;
  /** The figures as they stand now, computed by the shell. */
  snapshot: ReportSnapshot;
  /** Reports of the units below (communes of a district) with figures for the period and no standing approval. */
  unapprovedBelow: readonly string[];
  /** Events that changed the figures since the standing approval (0 when none or never approved). */
  changesSinceApproval: number;
  note?: string;
}

export interface ReportApprovalState {
  approvals: number;
  current: { figuresDigest: string; upToPosition: number } | null;
}

export const initialReportApprovalState: ReportApprovalState = { approvals: 0, current: null };

export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function requireReportPeriod(value: unknown, field = 'period'): string {
  if (typeof value !== 'string' || !PERIOD_PATTERN.test(value) || !monthsOfPeriod(value))
    throw invalid(
      'PERIOD_INVALID',
      field,
      `${field} must be a year (2026), a quarter (2026-Q2) or a month (2026-05)`,
    );
  return value;
}

function decide(command: ApproveReport, state: ReportApprovalState): ReportApproved[] {
  switch (command.type) {
    case 'ApproveReport': {
      checkOccurredAt(command);
      const indicatorKey = requireText(command.indicatorKey, 'indicatorKey', 100);
      const orgUnit = requireText(command.orgUnit, 'orgUnit', 100);
      const period = requireReportPeriod(command.period);
      const digest = requireText(command.figuresDigest, 'figuresDigest', 100).toLowerCase();
      if (digest !== command.snapshot.figuresDigest)
        throw conflict(
          'REPORT_FIGURES_CHANGED',
          `the figures of ${indicatorKey} in ${orgUnit} for ${period} changed since they were read (now ${command.snapshot.figuresDigest}); read them again`,
        );
      if (command.unapprovedBelow.length > 0)
        throw conflict(
          'LOWER_REPORTS_NOT_APPROVED',
          `approve the reports of ${command.unapprovedBelow.join(', ')} for ${period} first`,
        );
      if (state.current && state.current.figuresDigest === digest && command.changesSinceApproval === 0)
        throw conflict('REPORT_ALREADY_APPROVED', `this report is approved and nothing changed since`);
      return [
        {
          type: 'ReportApproved',
          data: {
            indicatorKey,
            orgUnit,
            period,
            upToPosition: command.snapshot.upToPosition,
            figuresDigest: digest,
            figures: command.snapshot.figures,
            note: optionalNote(command.note),
          },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: ReportApprovalState, event: ReportApproved): ReportApprovalState {
  return {
    approvals: state.approvals + 1,
    current: { figuresDigest: event.data.figuresDigest, upToPosition: event.data.upToPosition },
  };
}

export const reportApprovalDecider: Decider<ApproveReport, ReportApproved, ReportApprovalState> = {
  decide,
  evolve,
  initialState: initialReportApprovalState,
};
