export * from './record-action.request.dto';
export * from './action-request.factory';
export * from './record-action.command';
export * from './record-action.handler';
export * from './action-import';
