export * from './rejected-rows';
export * from './upload-columns';
export * from './upload-problems';
export * from './upload-reader';
export * from './upload-row';
export * from './upload-template';
export * from './upload.module';
export * from './upload.service';
