import 'reflect-metadata';
import { PACKAGE_VERSION } from './common/version';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { registerInputGuard } from './common/input-guard';
import { apiValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { registerWebPlugins, WEB_PATHS } from './web/web-plugins';
import { WebPages } from './web/web-pages';
import { queryCounter } from './database/query-counter';
import { tenantScope } from './database/tenant-scope';
import { Metrics } from './metrics/metrics.service';
import { logRequests, requestIdOf } from './logging/logging';
import { answerLivenessFirst, isLivenessProbe } from './health/liveness';
import { Logger } from 'nestjs-pino';

/** Builds the HTTP application; used by main.ts, the tests and the benchmarks alike. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ genReqId: requestIdOf, trustProxy: config.trustProxy }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  answerLivenessFirst(fastify);
  app.setGlobalPrefix('api', { exclude: ['health', 'health/ready', 'metrics', '.well-known/jwks.json', 'admin/queues', 'admin/queues/{*rest}', ...WEB_PATHS] });
  // Every request acts for one municipality, set once by the auth guard (issue 21).
  fastify.addHook('onRequest', (_request, _reply, done) => tenantScope.open(done));
  logRequests(fastify, config);
  recordRequests(app);
  registerInputGuard(app);
  await registerWebPlugins(app, config);
  if (config.serverTiming) addServerTiming(app);
  app.useGlobalPipes(apiValidationPipe);
  const pages = app.get(WebPages);
  app.useGlobalFilters(new ApiExceptionFilter((request, reply, status, error) => pages.errorPage(request, reply, status, error)));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('interactiewijzer')
      .setDescription(
        'Citizen-participation projects by the book (Interactiewijzer 2018): lifecycle, green lights of college and raad, audit trail. ' +
          'Every answer carries `x-request-id`: the caller\'s own when it sends a plain one (letters, digits, `_ . : -`, at most 100 characters), else one of the service; the log lines of the request carry it too.',
      )
      .setVersion(PACKAGE_VERSION)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Every request's time by route and status, for /metrics (issue 22). */
function recordRequests(app: NestFastifyApplication): void {
  const { requestSeconds } = app.get(Metrics);
  app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
    // The liveness probe is answered before routing and not counted.
    if (isLivenessProbe(request)) return done();
    requestSeconds.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}

/** `Server-Timing: app;dur=<ms>, db;desc="queries";dur=<count>` on every response. */
function addServerTiming(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (_request, _reply, done) => queryCounter.track(done));
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const ms = reply.elapsedTime.toFixed(1);
    reply.header('server-timing', `app;dur=${ms}, db;desc="queries";dur=${queryCounter.current() ?? 0}`);
    done(null, payload);
  });
}
