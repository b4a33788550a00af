// Who may write the events of the four-eyes rules. Tried before the built-in rules of
// write-policy.ts (WritePolicyContext.rules), so verification, proposal and approval streams never count as
// action aggregates.
//
// - verify or dispute an action: an inspector or a supervisor, of another agency than the one that recorded
//   it; never the officer who recorded it; in the org units of the verifier's token.
// - propose a correction of a verified action: as any correction, a supervisor of the agency that recorded it.
// - approve or reject a proposal (and append the approved EventCorrected): an inspector, or a supervisor of
//   the agency that recorded the action, who is not the proposer (nor the officer who recorded it).
// - approve a period report: a supervisor of the indicator's lead agency, or of a People's Committee, whose
//   org units cover the report's org unit. Inspectors check reports; they do not sign them.
// Each is an act of the writer's agency on the day it is made (the request's occurredOn): an agency that
// ended by then acts no more (409 naming who carries its duties). The org unit it names is read on the day
// of what it is about: the corrected action's own day, the reported period's first day. The
// agency that recorded an action is followed through its successions, so that the agency that took its
// duties proposes and approves corrections of its records as it corrects them.
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
import { dutyHolderOn } from '../plan/agency-succession';
import { monthsOfPeriod } from '../shared/event-reading';
import { localDayOf } from '../shared/local-time';
import {
  refuseAgencyOutOfForce,
  refuseNamedUnitOutOfForce,
  refuseOrgUnit,
  type WritePolicyContext,
  type WriteRefusal,
  type WriteRequest,
  type WriteRule,
} from './write-policy';

const forbidden = (message: string): WriteRefusal => ({ code: 'FORBIDDEN', message });

export interface FourEyesRuleOptions {
  /** Agencies that are People's Committees (they may approve any report in their org units). */
  peoplesCommittees: ReadonlySet<string>;
}

function refuseVerifier(principal: Principal, original: ActionOriginal | undefined): WriteRefusal | null {
  if (!original?.actor) return forbidden('the verified action is not known');
  if (original.actor.officer === principal.officer)
    return forbidden(`officer ${principal.officer} recorded this action: nobody verifies their own record`);
  if (hasRole(principal, 'inspector')) {
    if (original.actor.agency === principal.agency)
      return forbidden(
        `an inspector of ${principal.agency} cannot verify their own agency's record; an inspector of another agency can`,
      );
    return null;
  }
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
  carriesDutiesOfRecorder: (agency: string) => boolean,
): WriteRefusal | null {
  if (proposedBy && proposedBy.officer === principal.officer)
    return forbidden(`officer ${principal.officer} proposed this correction: a second person approves it`);
  if (recordedBy && recordedBy.officer === principal.officer)
    return forbidden(
      `officer ${principal.officer} recorded the corrected action: a second person approves it`,
    );
  if (hasRole(principal, 'inspector')) return null;
  if (hasRole(principal, 'supervisor') && recordedBy && carriesDutiesOfRecorder(recordedBy.agency))
    return null;
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
    return (
      refuseOrgUnit(principal, request.orgUnit, context) ??
      refuseAgencyOutOfForce(principal, request, context)
    );
  };

  const proposal: WriteRule = (principal, request, context) => {
    const proposed = request.events.filter((e) => e.type === 'CorrectionProposed');
    if (proposed.length === 0) return undefined;
    if (!hasRole(principal, 'supervisor')) return forbidden('a correction needs the supervisor role');
    for (const event of proposed) {
      const original = (event.data as CorrectionProposedData).correction.original;
      const recordedBy = original.actor?.agency;
      if (!recordedBy || !carriesDutiesOf(principal.agency, recordedBy, request.orgUnit, context))
        return forbidden(
          `a supervisor corrects the records of their own agency (${principal.agency}); this one is ${recordedBy ?? 'the plan'}'s`,
        );
    }
    return (
      refuseOrgUnit(principal, request.orgUnit, context) ??
      refuseAgencyOutOfForce(principal, request, context) ??
      refuseCorrectedUnit(request, context)
    );
  };

  const decision: WriteRule = (principal, request, context) => {
    const decided = request.events.filter(
      (e) => e.type === 'CorrectionApproved' || e.type === 'CorrectionRejected' || approvalOf(e) !== null,
    );
    if (decided.length === 0) return undefined;
    for (const event of decided) {
      const approval = approvalOf(event);
      const carries = (agency: string) => carriesDutiesOf(principal.agency, agency, request.orgUnit, context);
      const refusal = approval
        ? refuseApprover(
            principal,
            approval.proposedBy,
            (event.data as EventCorrectedData).original.actor,
            carries,
          )
        : refuseApprover(
            principal,
            (event.data as CorrectionApprovedData | CorrectionRejectedData).proposedBy,
            (event.data as CorrectionApprovedData | CorrectionRejectedData).recordedBy,
            carries,
          );
      if (refusal) return refusal;
    }
    return (
      refuseOrgUnit(principal, request.orgUnit, context) ??
      refuseAgencyOutOfForce(principal, request, context) ??
      refuseCorrectedUnit(request, context)
    );
  };

  const report: WriteRule = (principal, request, context) => {
    const approvals = request.events.filter((e) => e.type === 'ReportApproved');
    if (approvals.length === 0) return undefined;
    if (!hasRole(principal, 'supervisor')) return forbidden('approving a report needs the supervisor role');
    const day = request.occurredOn;
    for (const event of approvals) {
      const { indicatorKey, orgUnit, period } = event.data as ReportApprovedData;
      const lead = context.leadAgencyOf(indicatorKey);
      const leads =
        lead && day ? dutyHolderOn(lead, orgUnit, day, context.successions ?? []).chain : lead ? [lead] : [];
      const planLead = day ? context.planLeadOn(day) : undefined;
      if (
        !leads.includes(principal.agency) &&
        planLead !== principal.agency &&
        !options.peoplesCommittees.has(principal.agency)
      )
        return forbidden(
          `a report of ${indicatorKey} is approved by a supervisor of its lead agency (${lead ?? 'none'}), of the plan's lead or of a People's Committee`,
        );
      const refusal =
        refuseOrgUnit(principal, orgUnit, context) ??
        refuseAgencyOutOfForce(principal, { orgUnit, occurredOn: day }, context) ??
        refuseNamedUnitOutOfForce(orgUnit, reportDay(period, day), context);
      if (refusal) return refusal;
    }
    return null;
  };

  return [verification, proposal, decision, report];
}

/** After every dated succession: whoever holds an agency's duties today. */
const LATEST_DAY = '9999-12-31';

/** The agency is the one that recorded, or took its duties for the org unit (a reorganisation ended it). */
function carriesDutiesOf(agency: string, recordedBy: string, orgUnit: string, context: WritePolicyContext) {
  return (
    agency === recordedBy ||
    dutyHolderOn(recordedBy, orgUnit, LATEST_DAY, context.successions ?? []).chain.includes(agency)
  );
}

/**
 * A correction proposed or approved (an amendment) keeps its action where it was recorded: the unit is read
 * on the corrected action's own day. A retraction is not checked: it takes a record off.
 */
function refuseCorrectedUnit(request: WriteRequest, context: WritePolicyContext): WriteRefusal | null {
  for (const event of request.events) {
    const correction =
      event.type === 'CorrectionProposed'
        ? (event.data as CorrectionProposedData).correction
        : approvalOf(event)
          ? (event.data as EventCorrectedData)
          : null;
    if (!correction || correction.kind !== 'amendment') continue;
    const refusal = refuseNamedUnitOutOfForce(
      correction.original.orgUnit ?? request.orgUnit,
      localDayOf(correction.original.occurredAt),
      context,
    );
    if (refusal) return refusal;
  }
  return null;
}

/**
 * The day a report's unit is read on: the first day of its period. A unit in force when the period began
 * is reported on for it, after its end too (the district's 2025, approved in 2026, holds what was recorded
 * on it); a period that begins after its end is reported on what took its place (the plan area's 2026).
 */
function reportDay(period: string, approvedOn: string | undefined): string | undefined {
  const months = monthsOfPeriod(period);
  return months ? `${months.first}-01` : approvedOn;
}
