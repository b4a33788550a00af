import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { occurredAtOf } from '../shared/dated-event';
import { checkOccurredAt, requireAmountVnd, requireId, requireOneOf, requireText } from '../shared/rules';
import { PAYMENT_METHODS, type RecordSubsidyPayment, type SubsidyPaymentCommand } from './subsidy.commands';
import type { SubsidyPaymentEvent } from './subsidy.events';
import { requireBeneficiaryRef, requirePeriod, requireProgramme } from './subsidy.rules';
import { initialSubsidyPaymentState, type SubsidyPaymentState } from './subsidy.state';

/** One stream per beneficiary x programme x period: a second payment is a conflict, not a second fact. */
export const subsidyPaymentDecider: Decider<SubsidyPaymentCommand, SubsidyPaymentEvent, SubsidyPaymentState> =
  {
    initialState: initialSubsidyPaymentState,

    decide(command, state) {
      checkOccurredAt(command);
      switch (command.type) {
        case 'RecordSubsidyPayment':
          return recordPayment(command, state);
        default:
          return assertNever(command.type);
      }
    },

    evolve(_state, event) {
      switch (event.type) {
        case 'SubsidyPaid':
          return { status: 'paid', ...event.data, paidAt: occurredAtOf(event) };
        default:
          return assertNever(event.type);
      }
    },
  };

function recordPayment(command: RecordSubsidyPayment, state: SubsidyPaymentState): SubsidyPaymentEvent[] {
  const data = {
    paymentId: requireId(command.paymentId, 'paymentId'),
    programme: requireProgramme(command.programme),
    beneficiaryRef: requireBeneficiaryRef(command.beneficiaryRef),
    period: requirePeriod(command.period),
    amountVnd: requireAmountVnd(command.amountVnd),
    method: requireOneOf(command.method, PAYMENT_METHODS, 'method'),
    commune: requireText(command.commune, 'commune', 100),
  };
  if (state.status === 'paid') {
    throw conflict(
      'SUBSIDY_ALREADY_PAID',
      `${data.programme} for period ${data.period} was already paid to this beneficiary (payment ${state.paymentId})`,
    );
  }
  return [{ type: 'SubsidyPaid', data }];
}
