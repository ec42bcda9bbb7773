// The plugins' type augmentations (request.cookies, reply.view, reply.generateCsrf) come with these imports.
import '@fastify/view';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { isQueueBoardRoute } from '../queue-board/queue-board.module';

/** Paths of the web interface: outside the API's /api prefix (Dutch, so they never meet an API path). */
export const WEB_PATHS = ['', 'aanmelden', 'aanmelden/{*rest}', 'afmelden', 'taal', 'werkvoorraad', 'projecten', 'projecten/{*rest}', 'openbaar', 'openbaar/{*rest}', 'inzicht', 'inzicht.csv', 'handleidingen', 'handleidingen/{*rest}', 'robots.txt', 'toegankelijkheid'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request needs a CSRF token: any write to a route of the web interface. Judged on the
 * route the router matched, never on the raw URL (which may spell a path percent-encoded).
 * The API takes bearer tokens, never cookies; the queue board has its own sign-in.
 */
export function needsCsrf(method: string, route: string | undefined): boolean {
  return !SAFE_METHODS.has(method) && isWebRoute(route);
}

/** Whether the matched route is a page of the web interface (not the API, its docs, the queue board or health). */
export function isWebRoute(route: string | undefined): boolean {
  return route !== undefined && !route.startsWith('/api/') && !route.startsWith('/health') && !isQueueBoardRoute(route);
}

/**
 * Security headers through @fastify/helmet. The pages run no script at all, so their policy
 * allows none and no framing; signed-in pages are never stored by a cache. Swagger UI and the
 * queue board bring scripts of their own: they get every header but a content security policy.
 */
async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyHelmet, { global: false, strictTransportSecurity: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false });
  const fastify = app.getHttpAdapter().getInstance();
  const pagePolicy = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], objectSrc: ["'none'"] },
    },
  };
  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (isWebRoute(route)) {
      reply.helmet(pagePolicy);
      if (!route!.startsWith('/assets/')) reply.header('cache-control', 'no-store');
    } else if (route?.startsWith('/api/docs') || isQueueBoardRoute(route)) {
      reply.helmet({ contentSecurityPolicy: false });
    } else {
      reply.helmet();
    }
  });
}

/**
 * Cookies, CSRF protection on every form post, Eta templates through Fastify's view
 * plugin, and the NL Design System stylesheets served from their packages.
 */
export async function registerWebPlugins(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  // The CSRF secret lives in its own http-only cookie; each form carries a token derived from it.
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/cookie', cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.production } });
  // No global limit: the public zienswijze form asks for its own (src/web/public-pages.controller.ts).
  await app.register(fastifyRateLimit, { global: false });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    if (needsCsrf(request.method, request.routeOptions.url)) fastify.csrfProtection(request, reply, done);
    else done();
  });
  app.setViewEngine({ engine: { eta: new Eta({ cache: config.production }) }, templates: join(__dirname, '../../../views') });
  app.useStaticAssets({
    root: [dirname(require.resolve('@utrecht/component-library-css/dist/index.css')), dirname(require.resolve('@utrecht/design-tokens/dist/theme.css')), join(__dirname, '../../../public')],
    prefix: '/assets/',
  });
}
