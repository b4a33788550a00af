// Commands that put the plan on the record. Each carries the record it states (see plan-records.ts) and,
// like every command, when it happened and when the server received it.
import type { TimedCommand } from '../shared/rules';
import type {
  AgencyRecord,
  AgencySuccession,
  BaselineRecord,
  IndicatorDefinition,
  OrgUnitChange,
  OrgUnitRecord,
  PlanDocument,
  Responsibility,
} from './plan-records';
import type { Target } from './targets';

export interface AdoptPlan extends TimedCommand, PlanDocument {
  type: 'AdoptPlan';
}

export interface RegisterOrgUnit extends TimedCommand, OrgUnitRecord {
  type: 'RegisterOrgUnit';
}

/** A reorganisation (units end, units start, a crosswalk between them) on a date. */
export interface RecordOrgUnitChange extends TimedCommand, OrgUnitChange {
  type: 'RecordOrgUnitChange';
}

export interface RegisterAgency extends TimedCommand, AgencyRecord {
  type: 'RegisterAgency';
}

export interface RecordAgencySuccession extends TimedCommand, AgencySuccession {
  type: 'RecordAgencySuccession';
}

/** Defines version `version` of an indicator: a first version, or the next one with a changeNote. */
export interface DefineIndicator extends TimedCommand, IndicatorDefinition {
  type: 'DefineIndicator';
}

export interface SetTarget extends TimedCommand {
  type: 'SetTarget';
  planId: string;
  indicatorKey: string;
  target: Target;
}

/** Changes a target that is set; the reason is on the record next to the old and the new target. */
export interface ReviseTarget extends TimedCommand {
  type: 'ReviseTarget';
  planId: string;
  indicatorKey: string;
  target: Target;
  reason: string;
}

/** Who leads an indicator of a plan. A change of lead (after the first assignment) needs a reason. */
export interface AssignResponsibility extends TimedCommand, Responsibility {
  type: 'AssignResponsibility';
  planId: string;
  indicatorKey: string;
  reason?: string | null;
}

export interface RecordBaseline extends TimedCommand, BaselineRecord {
  type: 'RecordBaseline';
  planId: string;
}

export type PlanCommand =
  | AdoptPlan
  | RegisterOrgUnit
  | RecordOrgUnitChange
  | RegisterAgency
  | RecordAgencySuccession
  | DefineIndicator
  | SetTarget
  | ReviseTarget
  | AssignResponsibility
  | RecordBaseline;
