export * from './sqlite-connection';
