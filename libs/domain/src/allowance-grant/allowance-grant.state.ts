import type { AllowanceGrantedData } from './allowance-grant.events';

export type AllowanceGrantState =
  { status: 'not_granted' } | ({ status: 'granted'; grantedAt?: string } & AllowanceGrantedData);

export const initialAllowanceGrantState: AllowanceGrantState = { status: 'not_granted' };
