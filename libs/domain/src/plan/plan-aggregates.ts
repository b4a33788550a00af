// The aggregates of the plan, for the registry and for code that holds a plan command of any type.
import type { AnyAggregateDefinition } from '../corrections/aggregate-definition';
import { assertNever } from '../shared/decider';
import { agencyAggregate } from './agency.aggregate';
import { baselineAggregate } from './baseline.aggregate';
import { indicatorAggregate } from './indicator.aggregate';
import { orgUnitAggregate, reorganisationAggregate } from './org-unit.aggregate';
import { planDocumentAggregate } from './plan-document.aggregate';
import type { PlanCommand } from './plan.commands';
import { responsibilityAggregate } from './responsibility.aggregate';
import { targetAggregate } from './target.aggregate';

/** Registered in corrections/aggregate-registry.ts next to the action aggregates. */
export const planAggregates: readonly AnyAggregateDefinition[] = [
  planDocumentAggregate,
  orgUnitAggregate,
  reorganisationAggregate,
  agencyAggregate,
  indicatorAggregate,
  targetAggregate,
  responsibilityAggregate,
  baselineAggregate,
];

/** The aggregate a plan command goes to; its streamFor(command) names the stream. */
export function planAggregateFor(command: PlanCommand): AnyAggregateDefinition {
  switch (command.type) {
    case 'AdoptPlan':
      return planDocumentAggregate;
    case 'RegisterOrgUnit':
      return orgUnitAggregate;
    case 'RecordOrgUnitChange':
      return reorganisationAggregate;
    case 'RegisterAgency':
    case 'RecordAgencySuccession':
      return agencyAggregate;
    case 'DefineIndicator':
      return indicatorAggregate;
    case 'SetTarget':
    case 'ReviseTarget':
      return targetAggregate;
    case 'AssignResponsibility':
      return responsibilityAggregate;
    case 'RecordBaseline':
      return baselineAggregate;
    default:
      return assertNever(command);
  }
}

/** The stream a plan command goes to. */
export function planCommandStream(command: PlanCommand): string {
  return (planAggregateFor(command).streamFor as (c: PlanCommand) => string)(command);
}
