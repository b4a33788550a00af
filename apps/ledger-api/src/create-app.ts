// Builds the HTTP application; used by main.ts and by the end-to-end tests, so both run the same app.
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { LedgerConfig } from '@ledger/ledger';
import { createOpenApiDocument } from '@ledger/ledger/http/openapi-document';
import { createJsonLogger } from '@ledger/ledger/logging/json-logger';
import { AppModule } from './app.module';
import { ProblemDetailsFilter, toProblem } from './http/problem-details.filter';
import { jsonBodyGuard } from './http/json-body-guard';
import { createAccessLog } from './http/access-log';
import { createValidationPipe } from './http/validation';

/**
 * `projectionWorker`: where this process runs the projections (LEDGER_PROJECTIONS_IN_API), they run in a
 * worker thread running that script (`npm start`), not on the thread that answers HTTP; without it, in this
 * thread (the in-process tests, which wait on the runner itself).
 */
export async function createApp(
  config: LedgerConfig,
  options: { logger?: false; logTo?: DestinationStream; projectionWorker?: string } = {},
): Promise<NestExpressApplication> {
  // JSON lines on stdout; `logger: false` (in-process tests) writes none, unless a test reads them (`logTo`).
  const logging = options.logger !== false || options.logTo !== undefined;
  const logger = createJsonLogger({ enabled: logging, destination: options.logTo });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, logger, options.projectionWorker),
    {
      bodyParser: false,
      abortOnError: false,
      ...(logging ? { bufferLogs: true } : { logger: false }),
    },
  );
  if (logging) {
    app.useLogger(app.get(Logger));
    app.flushLogs();
  }
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // The client address (rate limits, logs) from X-Forwarded-For only when it comes from a named proxy.
  app.set('trust proxy', config.trustProxy);
  // First of all middleware, so that every request has its id and line, a refused body included.
  app.use(createAccessLog(logger, { lines: config.accessLog }));
  app.use(json({ limit: config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(jsonBodyGuard);
  // Body-parser and guard failures happen before Nest's filters: answer them the same way.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    const body = toProblem(error);
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
