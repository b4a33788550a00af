export * from './account.commands';
export * from './account.events';
export * from './account.state';
export * from './account.decider';
export * from './account.aggregate';
export * from './account-write-rule';
