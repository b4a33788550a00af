// The sign-in routes (/auth/...), with cookie-parser on them, and the session check of every write.
import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import { SessionWriteCheckInterceptor } from './session-write-check.interceptor';
import { SignInHttpController } from './sign-in.http.controller';
import { SignInModule } from './sign-in.module';

@Module({
  imports: [SignInModule],
  controllers: [SignInHttpController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: SessionWriteCheckInterceptor }],
})
export class SignInHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(cookieParser()).forRoutes(SignInHttpController);
  }
}
