import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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

/** Every error leaves as `{ statusCode, code, message, ...details }`; unexpected ones are logged, never echoed. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.describe(exception);
    void reply.status(status).send({ statusCode: status, ...body });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof ApiError) {
      return { status: exception.status, body: { code: exception.code, message: exception.message, ...exception.details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'object' && response && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
      return { status, body: { code: CODES_BY_STATUS[status] ?? 'http-error', message } };
    }
    // Fastify's own errors (malformed JSON, wrong content type, body too large) carry a 4xx statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { status: fastifyStatus, body: { code: CODES_BY_STATUS[fastifyStatus] ?? 'invalid-request', message: (exception as Error).message } };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, body: { code: 'internal-error', message: 'Something went wrong on our side; nothing was changed by this request.' } };
  }
}
