export * from './sqlite-connection';
export * from './deadline';
