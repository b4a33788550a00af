export * from './dhis2-period';
export * from './dhis2-mapping';
export * from './iati-activity-seed';
