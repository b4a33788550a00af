// Events of the plan, in the past tense. Their data is the validated record the command stated.
import type { DatedEvent } from '../shared/dated-event';
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

export type PlanAdopted = DatedEvent<'PlanAdopted', PlanDocument>;

export type OrgUnitRegistered = DatedEvent<'OrgUnitRegistered', OrgUnitRecord>;

export type OrgUnitChangeRecorded = DatedEvent<'OrgUnitChangeRecorded', OrgUnitChange>;

export type AgencyRegistered = DatedEvent<'AgencyRegistered', AgencyRecord>;

export type AgencySuccessionRecorded = DatedEvent<'AgencySuccessionRecorded', AgencySuccession>;

export type IndicatorDefined = DatedEvent<'IndicatorDefined', IndicatorDefinition>;

export interface TargetSetData {
  planId: string;
  indicatorKey: string;
  target: Target;
}
export type TargetSet = DatedEvent<'TargetSet', TargetSetData>;

export interface TargetRevisedData {
  planId: string;
  indicatorKey: string;
  /** The target this revision replaces, as it stood. */
  previous: Target;
  target: Target;
  reason: string;
}
export type TargetRevised = DatedEvent<'TargetRevised', TargetRevisedData>;

export interface ResponsibilityAssignedData extends Responsibility {
  planId: string;
  indicatorKey: string;
  /** Why the lead changed; null for the first assignment. */
  reason: string | null;
}
export type ResponsibilityAssigned = DatedEvent<'ResponsibilityAssigned', ResponsibilityAssignedData>;

export interface BaselineRecordedData extends BaselineRecord {
  planId: string;
}
export type BaselineRecorded = DatedEvent<'BaselineRecorded', BaselineRecordedData>;

export type PlanEvent =
  | PlanAdopted
  | OrgUnitRegistered
  | OrgUnitChangeRecorded
  | AgencyRegistered
  | AgencySuccessionRecorded
  | IndicatorDefined
  | TargetSet
  | TargetRevised
  | ResponsibilityAssigned
  | BaselineRecorded;

export const PLAN_EVENT_TYPES = [
  'PlanAdopted',
  'OrgUnitRegistered',
  'OrgUnitChangeRecorded',
  'AgencyRegistered',
  'AgencySuccessionRecorded',
  'IndicatorDefined',
  'TargetSet',
  'TargetRevised',
  'ResponsibilityAssigned',
  'BaselineRecorded',
] as const satisfies readonly PlanEvent['type'][];
