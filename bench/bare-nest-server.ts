// The framework's own limit for scenario 2: a bare NestJS 11 app on express with the same JSON body parser
// (and limit) as the ledger API, and one POST route for every path that parses the body and does nothing.
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';

@Controller()
class NothingController {
  @Post('*path')
  @HttpCode(201)
  record(@Body() body: unknown): { received: boolean } {
    return { received: typeof body === 'object' && body !== null };
  }
}

@Module({ controllers: [NothingController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, {
    bodyParser: false,
    logger: false,
  });
  app.disable('x-powered-by');
  app.use(json({ limit: '100kb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  const address = app.getHttpServer().address();
  console.log(
    `bare nest listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
