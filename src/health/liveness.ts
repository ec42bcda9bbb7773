import type { FastifyInstance, FastifyRequest } from 'fastify';

const LIVE = JSON.stringify({ status: 'ok' });

/**
 * `GET /health` (liveness) answered by the first hook, before sign-in, logging, security headers
 * and Nest: a load balancer's probe every few seconds per process costs next to nothing, and says
 * only that the process answers (issue 22). Readiness, with the database and Redis, is
 * `/health/ready`, which runs the whole way. The route stays in Nest for the OpenAPI description.
 */
export function answerLivenessFirst(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (isLivenessProbe(request)) {
      void reply.headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': request.id }).send(LIVE);
      return;
    }
    done();
  });
}

/** The load balancer's liveness probe: answered first, neither logged nor counted. */
export function isLivenessProbe(request: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  return request.method === 'GET' && request.url === '/health';
}
