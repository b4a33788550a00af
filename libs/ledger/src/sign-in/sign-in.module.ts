// Sign-in's core: the SESSIONS port (password and OpenID Connect sign-in both start sessions through it),
// password sign-in, refresh, sign-out and the session check on writes.
import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LedgerSessions } from './ledger-sessions';
import { SessionCheck } from './session-check';
import { SESSIONS } from './sessions.port';
import { SignInService } from './sign-in.service';

@Module({
  imports: [AccountsModule],
  providers: [
    LedgerSessions,
    { provide: SESSIONS, useExisting: LedgerSessions },
    SessionCheck,
    SignInService,
  ],
  exports: [AccountsModule, SESSIONS, LedgerSessions, SessionCheck, SignInService],
})
export class SignInModule {}
