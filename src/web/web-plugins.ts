// The plugins' type augmentations (request.cookies, reply.view, reply.generateCsrf) come with these imports.
import '@fastify/view';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** Paths of the web interface: outside the API's /api prefix (Dutch, so they never meet an API path). */
export const WEB_PATHS = ['', 'aanmelden', 'aanmelden/{*rest}', 'afmelden', 'taal', 'werkvoorraad', 'projecten', 'projecten/{*rest}'];
const WEB_POST = /^\/(aanmelden|afmelden|projecten)(\/|$|\?)/;

/**
 * Cookies, CSRF protection on every form post, Eta templates through Fastify's view
 * plugin, and the NL Design System stylesheets served from their packages.
 */
export async function registerWebPlugins(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyCookie);
  // The CSRF secret lives in its own http-only cookie; each form carries a token derived from it.
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/cookie', cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.production } });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST' && WEB_POST.test(request.url)) fastify.csrfProtection(request, reply, done);
    else done();
  });
  app.setViewEngine({ engine: { eta: new Eta({ cache: config.production }) }, templates: join(__dirname, '../../../views') });
  app.useStaticAssets({
    root: [dirname(require.resolve('@utrecht/component-library-css/dist/index.css')), dirname(require.resolve('@utrecht/design-tokens/dist/theme.css')), join(__dirname, '../../../public')],
    prefix: '/assets/',
  });
}
