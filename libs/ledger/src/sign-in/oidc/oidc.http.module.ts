// Single sign-on's routes (/auth/oidc/login and /callback) over the sessions and accounts of sign-in, and what
// GET /auth/methods offers of it (OIDC_SIGN_IN_OFFER, global so that the sign-in routes find it).
import { Global, Module } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../../config/ledger-config';
import { OIDC_SIGN_IN_OFFER } from '../sign-in-methods';
import { SignInModule } from '../sign-in.module';
import { ACCOUNT_STANDINGS } from './account-standing.port';
import { RecordedAccountStandings } from './account-standings';
import { oidcSignInOffer } from './oidc-config';
import { OidcSignIn } from './oidc-sign-in';
import { OidcHttpController } from './oidc.http.controller';

@Global()
@Module({
  imports: [SignInModule],
  controllers: [OidcHttpController],
  providers: [
    OidcSignIn,
    { provide: ACCOUNT_STANDINGS, useClass: RecordedAccountStandings },
    {
      provide: OIDC_SIGN_IN_OFFER,
      useFactory: (config: LedgerConfig) => oidcSignInOffer(config),
      inject: [LEDGER_CONFIG],
    },
  ],
  exports: [OIDC_SIGN_IN_OFFER],
})
export class OidcHttpModule {}
