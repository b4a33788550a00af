import type { AccountRecord } from './account.events';

export type AccountState =
  | { status: 'none' }
  | { status: 'enabled'; account: AccountRecord }
  | { status: 'disabled'; account: AccountRecord; reason: string };

/** What a reader of the account needs: its record, whether it may sign in, and why not. */
export interface AccountView extends AccountRecord {
  enabled: boolean;
  disabledReason?: string;
}

export function accountView(state: AccountState): AccountView | null {
  if (state.status === 'none') return null;
  return state.status === 'enabled'
    ? { ...state.account, enabled: true }
    : { ...state.account, enabled: false, disabledReason: state.reason };
}
