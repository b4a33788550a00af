export * from './data-dir-stores';
export * from './secrets-box';
export * from './backup-manifest';
export * from './take-backup';
export * from './restore-files';
export * from './erasure-log';
