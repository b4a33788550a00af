export * from './principal';
export * from './org-scope';
export * from './recording-rights';
export * from './write-policy';
export * from './four-eyes-write-rules';
export * from './beneficiary-read';
export * from './role-separation';
export * from './read-rules';
