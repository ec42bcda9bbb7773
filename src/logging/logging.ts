import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import { pinoHttp, type Options } from 'pino-http';
import { storage, Store } from 'nestjs-pino/storage';
import { pino, stdTimeFunctions, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Logs as JSON lines (pino through nestjs-pino, issue 22): one per request, and every line
 * written while a request or a job runs names its request id. A line holds the method, the
 * path without its query (a sign-in's code and state stay out), the status, the time and the
 * project's id where the path names one; never a header, a token, a body or a resident's data.
 */
export function loggingModule(config: AppConfig) {
  // Nest's middleware misses requests no controller answers (a 404, "/"): the request line is written by a Fastify hook instead (logRequests).
  return LoggerModule.forRoot({ pinoHttp: { logger: rootLogger(config), autoLogging: false }, forRoutes: [] });
}

const rootLoggers = new WeakMap<AppConfig, Logger>();

/** The process's one logger: JSON lines on stdout. */
function rootLogger(config: AppConfig): Logger {
  const logger = rootLoggers.get(config) ?? pino({ level: config.logLevel, timestamp: stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });
  rootLoggers.set(config, logger);
  return logger;
}

/** One line per request, with its id (sent back in `x-request-id`), and every log line written while it runs in its context. */
export function logRequests(fastify: FastifyInstance, config: AppConfig): void {
  const httpLogger = pinoHttp({ logger: rootLogger(config), ...HTTP_LINE });
  fastify.addHook('onRequest', (request, reply, done) => {
    // The caller quotes it when something went wrong (issue 22).
    reply.header('x-request-id', request.id);
    Object.assign(request.raw, { id: request.id });
    httpLogger(request.raw, reply.raw);
    storage.run(new Store(request.raw.log), done);
  });
}

/** A caller's own id (`x-request-id`) is kept when it is a plain token of at most 100 characters; otherwise a new one. */
export function requestIdOf(request: { headers: IncomingMessage['headers'] }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

const PROJECT_IN_PATH = /\/(?:projects|projecten)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?]|$)/;

const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

const HTTP_LINE: Options = {
  // Fastify gave the request its id (requestIdOf, copied onto the raw request by logRequests); the line and every line after it carry it.
  genReqId: (request) => (request as IncomingMessage & { id: string }).id,
  customAttributeKeys: { reqId: 'requestId' },
  quietReqLogger: true,
  serializers: {
    req: (request: { method: string; url: string }) => ({ method: request.method, path: pathOf(request.url) }),
    res: (response: { statusCode: number }) => ({ status: response.statusCode }),
  },
  customProps: (request) => {
    const projectId = PROJECT_IN_PATH.exec(pathOf(request.url))?.[1];
    return projectId ? { projectId } : {};
  },
  customSuccessMessage: (request, response) => `${request.method} ${pathOf(request.url)} ${response.statusCode}`,
  customErrorMessage: (request, response) => `${request.method} ${pathOf(request.url)} ${response.statusCode}`,
};

/** The id of the request the code now running serves, or of the request that queued the job it runs. */
export function currentRequestId(): string | undefined {
  const bindings = storage.getStore()?.logger.bindings();
  return typeof bindings?.requestId === 'string' ? bindings.requestId : undefined;
}

/** Runs a job's work so that its log lines name the job, the request that queued it and its project. */
export function withJobLogContext<T>(config: AppConfig, job: { jobId?: string; requestId?: string; projectId?: string }, work: () => T): T {
  const bindings = Object.fromEntries(Object.entries(job).filter(([, value]) => value !== undefined));
  return storage.run(new Store(rootLogger(config).child(bindings)), work);
}
