export * from './credential-store.port';
export * from './credential-store.provider';
export * from './sqlite-credential-store';
export * from './mongo-credential-store';
export * from './password-hash';
