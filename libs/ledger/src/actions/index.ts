export * from './action-request.factory';
export * from './record-action.command';
export * from './record-action.handler';
export * from './action-import';
export * from './action-commands.module';
