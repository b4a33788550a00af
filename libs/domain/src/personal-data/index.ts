export * from './sealed-personal-data';
export * from './personal-data-erasure';
export * from './person-name';
