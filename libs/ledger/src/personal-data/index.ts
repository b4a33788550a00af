export * from './personal-key-store.port';
export * from './personal-key-store.provider';
export * from './sqlite-personal-key-store';
export * from './mongo-personal-key-store';
export * from './personal-data-seal';
export * from './reveal-personal-data';
export * from './commands/erase-person/erase-person.command';
