import { requireEnrolmentYear } from '../health-insurance/health-insurance.decider';
import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireId, requireText } from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import type {
  RecordUnemploymentInsuranceEnrolment,
  UnemploymentInsuranceEnrolmentCommand,
} from './unemployment-insurance.commands';
import type { UnemploymentInsuranceEnrolmentEvent } from './unemployment-insurance.events';
import {
  initialUnemploymentInsuranceEnrolmentState,
  type UnemploymentInsuranceEnrolmentState,
} from './unemployment-insurance.state';

/** One stream per beneficiary x year: a second enrolment in the same year is a conflict, not a second fact. */
export const unemploymentInsuranceEnrolmentDecider: Decider<
  UnemploymentInsuranceEnrolmentCommand,
  UnemploymentInsuranceEnrolmentEvent,
  UnemploymentInsuranceEnrolmentState
> = {
  initialState: initialUnemploymentInsuranceEnrolmentState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordUnemploymentInsuranceEnrolment':
        return enrol(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'UnemploymentInsuranceEnrolled':
        return { status: 'enrolled', ...event.data, enrolledAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function enrol(
  command: RecordUnemploymentInsuranceEnrolment,
  state: UnemploymentInsuranceEnrolmentState,
): UnemploymentInsuranceEnrolmentEvent[] {
  const data = {
    enrolmentId: requireId(command.enrolmentId, 'enrolmentId'),
    beneficiaryRef: requireBeneficiaryRef(command.beneficiaryRef),
    commune: requireText(command.commune, 'commune', 100),
    year: requireEnrolmentYear(command.year, command.occurredAt),
  };
  if (state.status === 'enrolled') {
    throw conflict(
      'UNEMPLOYMENT_INSURANCE_ALREADY_ENROLLED',
      `this beneficiary is already enrolled in unemployment insurance for ${data.year} (enrolment ${state.enrolmentId})`,
    );
  }
  return [{ type: 'UnemploymentInsuranceEnrolled', data }];
}
