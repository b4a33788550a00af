// The event types that record completed actions, as far as the contribution rules need to know them: which
// data fields hold a number that can be summed, which can be filtered on (equality), and which name the period
// a fact belongs to. Read from the action descriptors (ACTIONS); a rule that names anything else is refused
// when the seed is loaded.
export {
  ACTION_EVENT_CATALOGUE,
  ACTION_EVENT_TYPES,
  isActionEventType,
  type ActionEventFields,
} from '../actions/action-lists';
export type { ActionEventType } from '../actions/actions';

export { MEASUREMENT_RECORDED } from '../measurement/measurement.events';
