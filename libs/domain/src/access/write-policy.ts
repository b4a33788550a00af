// Who may append what: checked on the events a command decided, before they are appended, so that a
// refused command appends nothing. Pure; the shell supplies the principal and the plan's facts.
import { EVENT_CORRECTED, type EventCorrectedData } from '../corrections/correction.event';
import { dutyHolderOn } from '../plan/agency-succession';
import type { AgencySuccession } from '../plan/plan-records';
import type { TargetRevisedData } from '../plan/plan.events';
import { BENEFICIARY_HISTORY_READ } from './beneficiary-read';
import type { OrgScope } from './org-scope';
import type { OrgUnitLevel } from '../plan/plan-records';
import { hasRole, type Principal } from './principal';
import type { RecordingRights } from './recording-rights';
import { localDayOf } from '../shared/local-time';
import { isPlanArea } from '../plan/plan-area';
import {
  agencyOutOfForce,
  orgUnitOutOfForce,
  type InForceModel,
  type OutOfForce,
  type OutOfForceCode,
} from './in-force';

export interface WriteRequest {
  stream: string;
  /** Name of the aggregate that owns the stream (housing-case, target, ...); undefined when none does. */
  aggregate: string | undefined;
  orgUnit: string;
  events: readonly { type: string; data: unknown }[];
  /** The day the action happened (Asia/Ho_Chi_Minh): the day its org unit and agency must be in force. */
  occurredOn?: string;
  /** Whether the write names its org unit itself (a new case, a one-off action), not a step on a case. */
  namesOrgUnit?: boolean;
}

export interface WritePolicyContext {
  rights: RecordingRights;
  scope: OrgScope;
  /** Aggregates whose events record completed actions (officers record them). */
  actionAggregates: ReadonlySet<string>;
  /** Aggregates of the plan itself (loaded by an admin). */
  planAggregates: ReadonlySet<string>;
  leadAgencyOf(indicatorKey: string): string | undefined;
  /**
   * The agency that leads the plan on a day (plan.reportingAgencies): the district People's Committee until
   * the district ended, then the agency the seed names. It may revise any target on that day.
   */
  planLeadOn(day: string): string;
  /** Rules for event types the built-in rules below do not cover, tried first, in order. */
  rules?: readonly WriteRule[];
  /** The agencies' successions: the agency an agency's duties passed to corrects its records too. */
  successions?: readonly AgencySuccession[];
  /** The level of each org unit of the plan (a field named `commune` must name a commune). */
  levelOf?: (code: string) => OrgUnitLevel | undefined;
  /** Org units and agencies in force by date: an action names only what was in force on its day. */
  inForce?: InForceModel;
}

/** Why `orgUnit`, given in a field named commune, is not a commune; null when it is one (or is unknown). */
export function refuseNotACommune(orgUnit: string, context: WritePolicyContext): string | null {
  const level = context.levelOf?.(orgUnit);
  if (level === undefined || level === 'commune') return null;
  return `${orgUnit} is a ${level}, not a commune: name the commune where the action took place`;
}

export type WriteRefusal =
  | { code: 'FORBIDDEN'; message: string }
  | { code: 'ORG_UNIT_UNKNOWN'; message: string }
  | { code: OutOfForceCode; message: string; instead: string[] };

const forbidden = (message: string): WriteRefusal => ({ code: 'FORBIDDEN', message });
/** After every dated succession: whoever holds an agency's duties today. */
const LATEST_DAY = '9999-12-31';

/**
 * A rule for events this module does not know yet (verification, approvals): returns undefined when it
 * does not apply, null when it allows the write, a refusal otherwise.
 */
export type WriteRule = (
  principal: Principal,
  request: WriteRequest,
  context: WritePolicyContext,
) => WriteRefusal | null | undefined;

export function refuseWrite(
  principal: Principal,
  request: WriteRequest,
  context: WritePolicyContext,
): WriteRefusal | null {
  for (const rule of context.rules ?? []) {
    const verdict = rule(principal, request, context);
    if (verdict !== undefined) return verdict;
  }
  const types = new Set(request.events.map((e) => e.type));
  if (types.size === 1 && types.has(BENEFICIARY_HISTORY_READ)) {
    return hasRole(principal, 'inspector')
      ? null
      : forbidden('only an inspector reads beneficiary histories');
  }
  if (types.has(EVENT_CORRECTED)) return refuseCorrection(principal, request, context);
  if (types.size === 1 && types.has('TargetRevised'))
    return refuseTargetRevision(principal, request, context);
  if (request.aggregate && context.planAggregates.has(request.aggregate)) {
    return hasRole(principal, 'admin') ? null : forbidden('only an admin loads the plan');
  }
  if (request.aggregate && context.actionAggregates.has(request.aggregate)) {
    return refuseAction(principal, request, context) ?? refuseOutOfForce(principal, request, context);
  }
  return forbidden(`no rule lets anyone write ${[...types].join(', ') || 'nothing'} to ${request.stream}`);
}

/**
 * Before deciding a step on an existing case: may this principal record on this case at all? Checked first
 * so that somebody without the right learns nothing about the case's state from a 400 or 409.
 */
export function refuseStreamAccess(
  principal: Principal,
  stream: { aggregate: string | undefined; orgUnit: string },
  context: WritePolicyContext,
): WriteRefusal | null {
  if (!stream.aggregate || !context.actionAggregates.has(stream.aggregate)) return null;
  if (!hasRole(principal, 'officer', 'supervisor')) return null; // corrections and others: decided later
  return refuseAction(principal, { stream: '', events: [], ...stream }, context);
}

/** An org unit the plan knows and the principal's scope covers. */
export function refuseOrgUnit(
  principal: Principal,
  orgUnit: string,
  context: WritePolicyContext,
): WriteRefusal | null {
  if (!context.scope.isKnown(orgUnit))
    return { code: 'ORG_UNIT_UNKNOWN', message: `${orgUnit} is not an org unit of the plan` };
  if (!context.scope.covers(principal.orgUnits, orgUnit))
    return forbidden(
      `${orgUnit} is outside the org units of officer ${principal.officer} (${principal.orgUnits.join(', ')})`,
    );
  return null;
}

function refuseAction(principal: Principal, request: WriteRequest, context: WritePolicyContext) {
  if (!hasRole(principal, 'officer', 'supervisor'))
    return forbidden('recording an action needs the officer or supervisor role');
  if (!context.rights.allows(principal.agency, request.aggregate!))
    return forbidden(`agency ${principal.agency} does not record ${request.aggregate} actions`);
  return refuseOrgUnit(principal, request.orgUnit, context);
}

/**
 * An action the principal may record, named on what was in force on its day: after its end, an ended org
 * unit or agency names its successor instead (409); an action dated before the end stays accepted (late
 * recording of an old action). Asked after the access rules, so that it tells nothing to someone who may
 * not write there at all.
 */
export function refuseOutOfForce(
  principal: Principal,
  request: WriteRequest,
  context: WritePolicyContext,
): WriteRefusal | null {
  const model = context.inForce;
  const day = request.occurredOn;
  if (!model || !day) return null;
  const unit = request.namesOrgUnit ? orgUnitOutOfForce(request.orgUnit, day, model) : null;
  return refusalOf(unit) ?? refuseAgencyOutOfForce(principal, request, context);
}

/**
 * The acting agency on the day the write is made (request.occurredOn): for a correction, an approval, a
 * verification or a target revision that is the day it is made, not the day of the action it is about. An
 * agency that ended by then acts no more: the 409 names who carries its duties for the org unit (for a plan
 * area no successor of the district's offices covers: the plan's lead on that day).
 */
export function refuseAgencyOutOfForce(
  principal: Principal,
  request: Pick<WriteRequest, 'orgUnit' | 'occurredOn'>,
  context: WritePolicyContext,
): WriteRefusal | null {
  const model = context.inForce;
  const day = request.occurredOn;
  if (!model || !day) return null;
  const out = agencyOutOfForce(principal.agency, request.orgUnit, day, model);
  const planArea = isPlanArea(model.orgUnits.units.find((u) => u.code === request.orgUnit));
  const succession = model.successions.find((s) => s.predecessor === principal.agency);
  const covered = succession?.successors.some(
    (s) => s.orgUnits === null || s.orgUnits.includes(request.orgUnit),
  );
  if (out?.reason === 'AGENCY_ENDED' && planArea && succession && !covered) {
    const lead = context.planLeadOn(day);
    return {
      code: out.reason,
      message: `agency ${principal.agency} ended on ${succession.effectiveFrom}; on ${day} the plan's area is led by ${lead}`,
      instead: [lead],
    };
  }
  return refusalOf(out);
}

/**
 * The org unit a correction, an approval or a report names, on the day of what it is about (not the day the
 * write is made): the corrected action's own day, the first day of the reported period (a unit in force when
 * its period began may be reported on for it after its end, as an old action may be recorded late). Only an
 * ended unit is refused: a unit made by a reorganisation reads on the boundaries before it through the units
 * it was made from.
 */
export function refuseNamedUnitOutOfForce(
  orgUnit: string,
  day: string | null | undefined,
  context: WritePolicyContext,
): WriteRefusal | null {
  if (!context.inForce || !day) return null;
  const out = orgUnitOutOfForce(orgUnit, day, context.inForce);
  return out?.reason === 'ORG_UNIT_ENDED' ? refusalOf(out) : null;
}

/** An out-of-force finding as the write's refusal (409 naming what to use instead), or null. */
export const refusalOf = (out: OutOfForce | null): WriteRefusal | null =>
  out ? { code: out.reason, message: out.message, instead: out.instead } : null;

function refuseCorrection(principal: Principal, request: WriteRequest, context: WritePolicyContext) {
  if (!hasRole(principal, 'supervisor')) return forbidden('a correction needs the supervisor role');
  for (const event of request.events) {
    if (event.type !== EVENT_CORRECTED) continue;
    const recordedBy = (event.data as EventCorrectedData).original.actor?.agency;
    // Its successor for the org unit (the reorganisation ended the recorder) corrects its records too.
    const successors = recordedBy
      ? dutyHolderOn(recordedBy, request.orgUnit, LATEST_DAY, context.successions ?? []).chain
      : [];
    if (recordedBy !== principal.agency && !successors.includes(principal.agency))
      return forbidden(
        `a supervisor corrects the records of their own agency (${principal.agency}); this one is ${recordedBy ?? 'the plan'}'s`,
      );
  }
  return (
    refuseOrgUnit(principal, request.orgUnit, context) ??
    refuseAgencyOutOfForce(principal, request, context) ??
    refuseAmendedUnitOutOfForce(request, context)
  );
}

/**
 * An amendment keeps its action where it was recorded: the unit is read on the corrected action's own day
 * (an action recorded late on an old commune, dated before its end, is amended there). A retraction is not
 * checked: taking a record off is how a record on the wrong unit leaves the figures.
 */
function refuseAmendedUnitOutOfForce(
  request: WriteRequest,
  context: WritePolicyContext,
): WriteRefusal | null {
  for (const event of request.events) {
    if (event.type !== EVENT_CORRECTED) continue;
    const data = event.data as EventCorrectedData;
    if (data.kind !== 'amendment') continue;
    const refusal = refuseNamedUnitOutOfForce(
      data.original.orgUnit ?? request.orgUnit,
      localDayOf(data.original.occurredAt),
      context,
    );
    if (refusal) return refusal;
  }
  return null;
}

function refuseTargetRevision(principal: Principal, request: WriteRequest, context: WritePolicyContext) {
  if (!hasRole(principal, 'supervisor')) return forbidden('a target revision needs the supervisor role');
  // The revision's own day: who leads the indicator and the plan then.
  const day = request.occurredOn ?? LATEST_DAY;
  const planLead = context.planLeadOn(day);
  for (const event of request.events) {
    const key = (event.data as TargetRevisedData).indicatorKey;
    const lead = context.leadAgencyOf(key);
    const successions = context.successions ?? [];
    const holders = lead ? dutyHolderOn(lead, request.orgUnit, day, successions).chain : [];
    // The plan's lead, or an earlier lead whose duties passed to it (refused below as ended, naming it).
    const leadsPlan = dutyHolderOn(principal.agency, request.orgUnit, day, successions).chain.includes(
      planLead,
    );
    if (!holders.includes(principal.agency) && !leadsPlan)
      return forbidden(
        `the target of ${key} is revised by a supervisor of its lead agency (${lead ?? 'none'}) or of the plan's lead on ${day} (${planLead})`,
      );
  }
  return refuseAgencyOutOfForce(principal, request, context);
}
