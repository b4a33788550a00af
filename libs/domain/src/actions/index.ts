export * from './action-descriptor';
export * from './field-types';
export * from './actions';
export * from './action-lists';
export * from './action-catalogue';
export * from './plan-lookup';
