import { requireEnrolmentYear } from '../health-insurance/health-insurance.decider';
import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireId, requireOneOf, requireText } from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import {
  SOCIAL_INSURANCE_KINDS,
  type RecordSocialInsuranceEnrolment,
  type SocialInsuranceEnrolmentCommand,
} from './social-insurance.commands';
import type { SocialInsuranceEnrolmentEvent } from './social-insurance.events';
import {
  initialSocialInsuranceEnrolmentState,
  type SocialInsuranceEnrolmentState,
} from './social-insurance.state';

/**
 * One stream per beneficiary x year, whatever the kind: a worker who contributes compulsorily is not
 * counted again as a voluntary contributor in the same year.
 */
export const socialInsuranceEnrolmentDecider: Decider<
  SocialInsuranceEnrolmentCommand,
  SocialInsuranceEnrolmentEvent,
  SocialInsuranceEnrolmentState
> = {
  initialState: initialSocialInsuranceEnrolmentState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordSocialInsuranceEnrolment':
        return enrol(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'SocialInsuranceEnrolled':
        return { status: 'enrolled', ...event.data, enrolledAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function enrol(
  command: RecordSocialInsuranceEnrolment,
  state: SocialInsuranceEnrolmentState,
): SocialInsuranceEnrolmentEvent[] {
  const data = {
    enrolmentId: requireId(command.enrolmentId, 'enrolmentId'),
    beneficiaryRef: requireBeneficiaryRef(command.beneficiaryRef),
    commune: requireText(command.commune, 'commune', 100),
    kind: requireOneOf(command.kind, SOCIAL_INSURANCE_KINDS, 'kind'),
    year: requireEnrolmentYear(command.year, command.occurredAt),
  };
  if (state.status === 'enrolled') {
    throw conflict(
      'SOCIAL_INSURANCE_ALREADY_ENROLLED',
      `this beneficiary is already enrolled in social insurance for ${data.year} (enrolment ${state.enrolmentId})`,
    );
  }
  return [{ type: 'SocialInsuranceEnrolled', data }];
}
