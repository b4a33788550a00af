// Officers' accounts (stream account-<officer>): the record of who may sign in, as what, and who decided it.
// Account events are not corrected: a mistake is undone by the opposite command (revoke what was granted,
// enable what was disabled), which keeps both on the record.
import type { AggregateDefinition } from '../corrections/aggregate-definition';
import type { AccountCommand } from './account.commands';
import { accountDecider } from './account.decider';
import { ACCOUNT_EVENT_TYPES, type AccountEvent } from './account.events';
import type { AccountState } from './account.state';

export const ACCOUNT_STREAM_PREFIX = 'account-';
export const ACCOUNT_AGGREGATE = 'account';

export function accountStream(officer: string): string {
  return `${ACCOUNT_STREAM_PREFIX}${officer}`;
}

export const accountAggregate: AggregateDefinition<AccountCommand, AccountEvent, AccountState> = {
  name: ACCOUNT_AGGREGATE,
  streamPrefix: ACCOUNT_STREAM_PREFIX,
  streamFor: (command) => accountStream(command.officer),
  decider: accountDecider,
  eventTypes: ACCOUNT_EVENT_TYPES,
  schemaVersions: Object.fromEntries(ACCOUNT_EVENT_TYPES.map((type) => [type, 1])),
  dependsOn: () => false,
  amend: {},
};
