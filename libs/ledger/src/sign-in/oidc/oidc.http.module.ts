// Single sign-on's routes (/auth/oidc/login and /callback) over the sessions and account standings that the
// accounts feature provides.
import { Module } from '@nestjs/common';
import { OidcSignIn } from './oidc-sign-in';
import { OidcHttpController } from './oidc.http.controller';

@Module({
  controllers: [OidcHttpController],
  providers: [OidcSignIn],
})
export class OidcHttpModule {}
