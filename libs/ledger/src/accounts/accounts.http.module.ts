import { Module } from '@nestjs/common';
import { AccountsHttpController } from './accounts.http.controller';
import { AccountsModule } from './accounts.module';
import { FirstAdminNotice } from './first-admin-notice';

@Module({
  imports: [AccountsModule],
  controllers: [AccountsHttpController],
  providers: [FirstAdminNotice],
})
export class AccountsHttpModule {}
