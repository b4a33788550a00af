// Who may write the events of the four-eyes rules. Tried before the built-in rules of
// write-policy.ts (WritePolicyContext.rules), so verification, proposal and approval streams never count as
// action aggregates.
//
// - verify or dispute an action: an inspector, or a supervisor of another agency than the one that recorded
//   it; never the officer who recorded it; in the org units of the verifier's token.
// - propose a correction of a verified action: as any correction, a supervisor of the agency that recorded it.
// - approve or reject a proposal (and append the approved EventCorrected): an inspector, or a supervisor of
//   the agency that recorded the action, who is not the proposer (nor the officer who recorded it).
// - approve a period report: a supervisor of the indicator's lead agency, or of a People's Committee, whose
//   org units cover the report's org unit. Inspectors check reports; they do not sign them.
import type { EventCorrectedData } from '../corrections/correction.event';
import {
  approvalOf,
  type ActionOriginal,
  type CorrectionApprovedData,
  type CorrectionProposedData,
  type CorrectionRejectedData,
  type ReportApprovedData,
} from '../four-eyes/four-eyes.events';
import type { Actor } from '../shared/envelope';
import { hasRole, type Principal } from './principal';
import { refuseOrgUnit, type WriteRefusal, type WriteRule } from './write-policy';

const forbidden = (message: string): WriteRefusal => ({ code: 'FORBIDDEN', message });

export interface FourEyesRuleOptions {
  /** Agencies that are People's Committees (they may approve any report in their org units). */
  peoplesCommittees: ReadonlySet<string>;
}

function refuseVerifier(principal: Principal, original: ActionOriginal | undefined): WriteRefusal | null {
  if (!original?.actor) return forbidden('the verified action is not known');
  if (original.actor.officer === principal.officer)
    return forbidden(`officer ${principal.officer} recorded this action: nobody verifies their own record`);
  if (hasRole(principal, 'inspector')) return null;
  if (hasRole(principal, 'supervisor')) {
    if (original.actor.agency === principal.agency)
      return forbidden(
        `a supervisor of ${principal.agency} cannot verify their own agency's record; an inspector or another agency's supervisor can`,
      );
    return null;
  }
  return forbidden(
    'verifying or disputing an action needs the inspector role, or a supervisor of another agency',
  );
}

function refuseApprover(
  principal: Principal,
  proposedBy: Actor | undefined,
  recordedBy: Actor | undefined,
): WriteRefusal | null {
  if (proposedBy && proposedBy.officer === principal.officer)
    return forbidden(`officer ${principal.officer} proposed this correction: a second person approves it`);
  if (recordedBy && recordedBy.officer === principal.officer)
    return forbidden(
      `officer ${principal.officer} recorded the corrected action: a second person approves it`,
    );
  if (hasRole(principal, 'inspector')) return null;
  if (hasRole(principal, 'supervisor') && recordedBy && recordedBy.agency === principal.agency) return null;
  return forbidden(
    `approving a correction needs an inspector, or another supervisor of the agency that recorded the action (${recordedBy?.agency ?? 'unknown'})`,
  );
}

export function fourEyesWriteRules(options: FourEyesRuleOptions): WriteRule[] {
  const verification: WriteRule = (principal, request, context) => {
    const mine = request.events.filter((e) => e.type === 'ActionVerified' || e.type === 'ActionDisputed');
    if (mine.length === 0) return undefined;
    for (const event of mine) {
      const original = (event.data as { original?: ActionOriginal }).original;
      const refusal = refuseVerifier(principal, original);
      if (refusal) return refusal;
    }
    return refuseOrgUnit(principal, request.orgUnit, context);
  };

  const proposal: WriteRule = (principal, request, context) => {
    const proposed = request.events.filter((e) => e.type === 'CorrectionProposed');
    if (proposed.length === 0) return undefined;
    if (!hasRole(principal, 'supervisor')) return forbidden('a correction needs the supervisor role');
    for (const event of proposed) {
      const recordedBy = (event.data as CorrectionProposedData).correction.original.actor?.agency;
      if (recordedBy !== principal.agency)
        return forbidden(
          `a supervisor corrects the records of their own agency (${principal.agency}); this one is ${recordedBy ?? 'the plan'}'s`,
        );
    }
    return refuseOrgUnit(principal, request.orgUnit, context);
  };

  const decision: WriteRule = (principal, request, context) => {
    const decided = request.events.filter(
      (e) => e.type === 'CorrectionApproved' || e.type === 'CorrectionRejected' || approvalOf(e) !== null,
    );
    if (decided.length === 0) return undefined;
    for (const event of decided) {
      const approval = approvalOf(event);
      const refusal = approval
        ? refuseApprover(principal, approval.proposedBy, (event.data as EventCorrectedData).original.actor)
        : refuseApprover(
            principal,
            (event.data as CorrectionApprovedData | CorrectionRejectedData).proposedBy,
            (event.data as CorrectionApprovedData | CorrectionRejectedData).recordedBy,
          );
      if (refusal) return refusal;
    }
    return refuseOrgUnit(principal, request.orgUnit, context);
  };

  const report: WriteRule = (principal, request, context) => {
    const approvals = request.events.filter((e) => e.type === 'ReportApproved');
    if (approvals.length === 0) return undefined;
    if (!hasRole(principal, 'supervisor')) return forbidden('approving a report needs the supervisor role');
    for (const event of approvals) {
      const { indicatorKey, orgUnit } = event.data as ReportApprovedData;
      const lead = context.leadAgencyOf(indicatorKey);
      if (principal.agency !== lead && !options.peoplesCommittees.has(principal.agency))
        return forbidden(
          `a report of ${indicatorKey} is approved by a supervisor of its lead agency (${lead ?? 'none'}) or of a People's Committee`,
        );
      const scope = refuseOrgUnit(principal, orgUnit, context);
      if (scope) return scope;
    }
    return null;
  };

  return [verification, proposal, decision, report];
}
