import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { localCalendarOf } from '../shared/local-time';
import {
  checkOccurredAt,
  requireId,
  requireIntegerInRange,
  requireOneOf,
  requireText,
} from '../shared/rules';
import { requireBeneficiaryRef } from '../subsidy/subsidy.rules';
import {
  HEALTH_INSURANCE_SCHEMES,
  type HealthInsuranceEnrolmentCommand,
  type RecordHealthInsuranceEnrolment,
} from './health-insurance.commands';
import type { HealthInsuranceEnrolmentEvent } from './health-insurance.events';
import {
  initialHealthInsuranceEnrolmentState,
  type HealthInsuranceEnrolmentState,
} from './health-insurance.state';

/**
 * The coverage year of an insurance enrolment (health, social, unemployment). It keys the stream, so it
 * must be a plain year; and it must be the year the enrolment happened in, or the one before or after
 * (a card issued in December for next year, a late record of last year's): anything further is a typo.
 */
export function requireEnrolmentYear(value: unknown, occurredAt: string, field = 'year'): number {
  const year = requireIntegerInRange(value, field, 2000, 2100, 'YEAR_OUT_OF_RANGE');
  // occurredAt was checked first: its year is taken in Asia/Ho_Chi_Minh.
  const occurredYear = Number(localCalendarOf(occurredAt)?.year);
  if (Math.abs(year - occurredYear) > 1) {
    throw invalid(
      'YEAR_NOT_NEAR_OCCURRED_AT',
      field,
      `${field} ${year} must be ${occurredYear}, the year before or the year after (occurredAt ${occurredAt})`,
    );
  }
  return year;
}

/** One stream per beneficiary x year: a second enrolment in the same year is a conflict, not a second fact. */
export const healthInsuranceEnrolmentDecider: Decider<
  HealthInsuranceEnrolmentCommand,
  HealthInsuranceEnrolmentEvent,
  HealthInsuranceEnrolmentState
> = {
  initialState: initialHealthInsuranceEnrolmentState,

  decide(command, state) {
    checkOccurredAt(command);
    switch (command.type) {
      case 'RecordHealthInsuranceEnrolment':
        return enrol(command, state);
      default:
        return assertNever(command.type);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'HealthInsuranceEnrolled':
        return { status: 'enrolled', ...event.data, enrolledAt: occurredAtOf(event) };
      default:
        return assertNever(event.type);
    }
  },
};

function enrol(
  command: RecordHealthInsuranceEnrolment,
  state: HealthInsuranceEnrolmentState,
): HealthInsuranceEnrolmentEvent[] {
  const data = {
    enrolmentId: requireId(command.enrolmentId, 'enrolmentId'),
    beneficiaryRef: requireBeneficiaryRef(command.beneficiaryRef),
    commune: requireText(command.commune, 'commune', 100),
    scheme: requireOneOf(command.scheme, HEALTH_INSURANCE_SCHEMES, 'scheme'),
    year: requireEnrolmentYear(command.year, command.occurredAt),
  };
  if (state.status === 'enrolled') {
    throw conflict(
      'HEALTH_INSURANCE_ALREADY_ENROLLED',
      `this beneficiary is already enrolled in health insurance for ${data.year} (enrolment ${state.enrolmentId})`,
    );
  }
  return [{ type: 'HealthInsuranceEnrolled', data }];
}
