// Every feature's HTTP module (its controllers over its core module), for the api. Kept apart from the
// library's index so that the cli and the projector load no controllers.
export * from './actions/actions-catalogue.http.module';
export * from './corrections/corrections.http.module';
export * from './four-eyes/four-eyes.http.module';
export * from './personal-data/personal-data.http.module';
export * from './plan/plan.http.module';
export * from './reporting/reporting.http.module';
export * from './verifiable-log/verifiable-log.http.module';
export * from './housing/housing.http.module';
export * from './remains/remains.http.module';
export * from './training/training.http.module';
export * from './one-off-actions/one-off-actions.http.module';
export * from './accounts/accounts.http.module';
export * from './sign-in/sign-in.http.module';
export * from './sign-in/oidc/oidc.http.module';
export * from './exports/exports.http.module';
export * from './upload/uploads.http.module';
