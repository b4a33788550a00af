// Every action of the ledger, once. Adding an action is its folder and one line here.
import { allowanceGrantAction } from '../allowance-grant/allowance-grant.action';
import { cleanWaterAction } from '../clean-water/clean-water.action';
import { disabilityAllowanceAction } from '../disability-allowance/disability-allowance.action';
import { healthInsuranceAction } from '../health-insurance/health-insurance.action';
import { housingAction } from '../housing/housing.action';
import { hygienicLatrineAction } from '../hygienic-latrine/hygienic-latrine.action';
import { jobPlacementAction } from '../job-placement/job-placement.action';
import { measurementAction } from '../measurement/measurement.action';
import { policyLoanAction } from '../policy-loan/policy-loan.action';
import { remainsAction } from '../remains/remains.action';
import { socialInsuranceAction } from '../social-insurance/social-insurance.action';
import { subsidyAction } from '../subsidy/subsidy.action';
import { trainingAction } from '../training/training.action';
import { unemploymentInsuranceAction } from '../unemployment-insurance/unemployment-insurance.action';
import type { AnyActionDescriptor } from './action-descriptor';

export const ACTIONS = [
  housingAction,
  subsidyAction,
  remainsAction,
  trainingAction,
  healthInsuranceAction,
  socialInsuranceAction,
  unemploymentInsuranceAction,
  cleanWaterAction,
  hygienicLatrineAction,
  jobPlacementAction,
  policyLoanAction,
  allowanceGrantAction,
  measurementAction,
  disabilityAllowanceAction,
] as const satisfies readonly AnyActionDescriptor[];

export type Action = (typeof ACTIONS)[number];

type EventTypesOf<A> = A extends { events: infer Events } ? keyof Events & string : never;

/** Every event type an action writes (EventCorrected aside). */
export type ActionEventType = EventTypesOf<Action>;
