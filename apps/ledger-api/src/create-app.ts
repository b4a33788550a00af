// Builds the HTTP application; used by main.ts and by the end-to-end tests, so both run the same app.
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import type { LedgerConfig } from '@ledger/ledger';
import { AppModule } from './app.module';
import { ProblemDetailsFilter, toProblem } from './http/problem-details.filter';
import { jsonBodyGuard } from './http/json-body-guard';
import { accessLog } from './http/access-log';
import { createValidationPipe } from './http/validation';

export async function createApp(
  config: LedgerConfig,
  options: { logger?: false } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    abortOnError: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // The client address (rate limits, logs) from X-Forwarded-For only when it comes from a named proxy.
  app.set('trust proxy', config.trustProxy);
  if (config.accessLog) app.use(accessLog);
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

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Policy implementation ledger')
      .setDescription(
        'Records every completed action of the district plan for Resolution 42-NQ/TW as an immutable event. ' +
          'Errors are application/problem+json. Every route states who may call it: public routes need no ' +
          'token; the others need `Authorization: Bearer <token>` issued by `ledger-cli token` (roles officer, ' +
          "supervisor, inspector, viewer, admin; agency; org units). The acting officer is always the token's.",
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
