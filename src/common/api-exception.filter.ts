import { GuideNotLoaded } from '../../machines/guide/guide-registry';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/** Shows an error to a person in a browser: a page in the site's layout, for any path outside the API. */
export type ErrorPage = (request: FastifyRequest, reply: FastifyReply, status: number, error: { code: string; message: string }) => Promise<unknown>;

/**
 * Every API error leaves as `{ statusCode, code, message, ...details }`; unexpected ones are
 * logged, never echoed. Outside /api (an unknown page, an expired session) a browser gets a page.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly page?: ErrorPage) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.describe(exception);
    if (this.page && isPagePath(request.url)) {
      void this.page(request, reply, status, { code: String(body.code), message: String(body.message) }).catch((error: unknown) => {
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        if (!reply.sent) void reply.status(status).type('text/plain; charset=utf-8').send(String(body.message));
      });
      return;
    }
    void reply.status(status).send({ statusCode: status, ...body });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof ApiError) {
      return { status: exception.status, body: { code: exception.code, message: exception.message, ...exception.details } };
    }
    // Issue 20: another instance published the guide version a moment ago; this one loads it within seconds.
    if (exception instanceof GuideNotLoaded) {
      return { status: 503, body: { code: 'guide-not-loaded', message: `${exception.message}; try again in a few seconds.` } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
      return { status, body: { code: CODES_BY_STATUS[status] ?? 'http-error', message } };
    }
    // The CSRF check fails when the session's secret cookie is gone or the form is stale: to a person, the session expired.
    const fastifyCode = (exception as { code?: unknown })?.code;
    if (typeof fastifyCode === 'string' && fastifyCode.startsWith('FST_CSRF')) return { status: 403, body: { code: 'session-expired', message: 'Your session expired or the form was stale; load the page again.' } };
    // Fastify's own errors (malformed JSON, wrong content type, body too large) carry a 4xx statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { status: fastifyStatus, body: { code: CODES_BY_STATUS[fastifyStatus] ?? 'invalid-request', message: (exception as Error).message } };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, body: { code: 'internal-error', message: 'Something went wrong on our side; nothing was changed by this request.' } };
  }
}

/** A path a browser shows as a page: not the API, its documents, the queue board, health or a static asset. */
function isPagePath(url: string): boolean {
  return !/^\/(api|assets|admin|health|\.well-known)(\/|\?|$)/.test(url);
}
