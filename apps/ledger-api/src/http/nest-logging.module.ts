// Nest's own logs (start-up, errors, every `new Logger(context)` of the ledger) through the process's JSON
// logger; a line logged while a request is served carries that request's id.
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

export function nestLogging(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: { logger },
    // The request's logger is the one the access log's middleware (create-app.ts, before any other) made.
    useExisting: true,
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
  });
}
