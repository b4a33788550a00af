import type { DisabilityAllowanceGrantedData } from './disability-allowance.events';

export type DisabilityAllowanceState =
  { status: 'not_granted' } | ({ status: 'granted'; grantedAt?: string } & DisabilityAllowanceGrantedData);

export const initialDisabilityAllowanceState: DisabilityAllowanceState = { status: 'not_granted' };
