// Every aggregate, for code that only knows a stream name or an event type.
import { allowanceGrantAggregate } from '../allowance-grant/allowance-grant.aggregate';
import { cleanWaterConnectionAggregate } from '../clean-water/clean-water.aggregate';
import { healthInsuranceEnrolmentAggregate } from '../health-insurance/health-insurance.aggregate';
import { housingCaseAggregate } from '../housing/housing.aggregate';
import { hygienicLatrineAggregate } from '../hygienic-latrine/hygienic-latrine.aggregate';
import { jobPlacementAggregate } from '../job-placement/job-placement.aggregate';
import { measurementAggregate } from '../measurement/measurement.aggregate';
import { planAggregates } from '../plan/plan-aggregates';
import { policyLoanAggregate } from '../policy-loan/policy-loan.aggregate';
import { remainsCaseAggregate } from '../remains/remains.aggregate';
import { socialInsuranceEnrolmentAggregate } from '../social-insurance/social-insurance.aggregate';
import { subsidyPaymentAggregate } from '../subsidy/subsidy.aggregate';
import { trainingCourseAggregate } from '../training/training.aggregate';
import { unemploymentInsuranceEnrolmentAggregate } from '../unemployment-insurance/unemployment-insurance.aggregate';
import type { AnyAggregateDefinition } from './aggregate-definition';

export const aggregates: readonly AnyAggregateDefinition[] = [
  housingCaseAggregate,
  subsidyPaymentAggregate,
  remainsCaseAggregate,
  trainingCourseAggregate,
  healthInsuranceEnrolmentAggregate,
  socialInsuranceEnrolmentAggregate,
  unemploymentInsuranceEnrolmentAggregate,
  cleanWaterConnectionAggregate,
  hygienicLatrineAggregate,
  jobPlacementAggregate,
  policyLoanAggregate,
  allowanceGrantAggregate,
  measurementAggregate,
  ...planAggregates,
];

/** The definition whose stream prefix the stream name starts with; undefined for any other stream. */
export function aggregateForStream(stream: string): AnyAggregateDefinition | undefined {
  return aggregates.find(
    (definition) =>
      stream.startsWith(definition.streamPrefix) && stream.length > definition.streamPrefix.length,
  );
}

/** Schema version written today for every event type of every aggregate. */
export const currentSchemaVersions: Readonly<Record<string, number>> = Object.freeze(
  Object.assign({}, ...aggregates.map((definition) => definition.schemaVersions)) as Record<string, number>,
);
