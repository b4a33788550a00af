export * from './four-eyes.events';
export * from './verification.decider';
export * from './correction-proposal.decider';
export * from './report-approval.decider';
