import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import request from 'supertest';
import type { Role } from '../../src/auth/roles';
import type { TestDatabase } from './databases';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const MAIN = join(__dirname, '../../dist/src/main.js');
const WORKER = join(__dirname, '../../dist/src/worker.js');

export interface TestApp {
  url: string;
  http: () => ReturnType<typeof request>;
  /** A bearer token with these roles; with a tenant, its claim names that municipality (issue 21). */
  token(role: Role | Role[], name?: string, tenant?: string): Promise<string>;
  /** Everything the service wrote to stdout and stderr so far. */
  output(): string;
  close(): Promise<void>;
  /** kill -9: no shutdown at all, as a power cut or the OOM killer would end it. */
  crash(): Promise<void>;
}

export function databaseEnv(database: TestDatabase): NodeJS.ProcessEnv {
  return database.config.kind === 'postgres'
    ? { DATABASE_URL: database.config.url, ...(database.config.ownerUrl && { DATABASE_OWNER_URL: database.config.ownerUrl }) }
    : { SQLITE_PATH: database.config.path, SQLITE_SYNCHRONOUS: database.config.synchronous };
}

/**
 * The built service (`npm run build`) in a process of its own on a free port: the same
 * code, start-up and shutdown a user runs, tested over a real socket.
 */
export async function startTestApp(database: TestDatabase, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const service = startProcess(MAIN, database, env);
  const url = (await service.ready(/Listening on (http:\/\/[^\s]+)/))[1];
  return {
    url,
    http: () => request(url),
    token: (role, name = `Test ${Array.isArray(role) ? role.join('+') : role}`, tenant) => signToken({ name, roles: Array.isArray(role) ? role : [role], ...(tenant && { tenant }) }),
    output: service.output,
    close: service.close,
    crash: service.crash,
  };
}

/** A reminder worker process (`npm run worker`, built), for scale-out: the API processes then run with WORKERS=off. */
export async function startTestWorker(database: TestDatabase, env: NodeJS.ProcessEnv = {}): Promise<Pick<TestApp, 'output' | 'close'>> {
  const worker = startProcess(WORKER, database, env);
  await worker.ready(/Reminder workers running/);
  return { output: worker.output, close: worker.close };
}

function startProcess(script: string, database: TestDatabase, env: NodeJS.ProcessEnv) {
  // Each service gets its own queue keys in the shared Redis unless a test says otherwise.
  const queuePrefix = env.QUEUE_PREFIX ?? `iw-test-${randomUUID().slice(0, 8)}`;
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', HOST: '127.0.0.1', PORT: '0', AUTH_SECRET: TEST_SECRET, QUEUE_PREFIX: queuePrefix, ...databaseEnv(database), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const stop = (signal: NodeJS.Signals) => async () => {
    if (ended()) return;
    child.kill(signal);
    await once(child, 'exit');
  };
  return {
    output: () => output,
    ready: (pattern: RegExp) => readyLine(child, () => output, pattern),
    close: stop('SIGTERM'),
    crash: stop('SIGKILL'),
  };
}

/** Waits for the line that says the process is ready, and returns its match. */
function readyLine(child: ChildProcess, output: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the process did not start within 20 s')), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output()}`));
    };
    child.stdout!.on('data', () => {
      const match = pattern.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => fail(new Error(`the process exited with code ${code} before it was ready`)));
  });
}

export function signToken(claims: Record<string, unknown>, secret = TEST_SECRET, expiresIn = '1h'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));
}

/** A web session cookie's value, as sign-in would set it (the session's own issuer and audience), for a municipality (by default the default one). */
export function webSessionToken(name: string, roles: Role[], subject?: string, tenant = 'default'): Promise<string> {
  const token = new SignJWT({ name, roles, tenant }).setProtectedHeader({ alg: 'HS256' });
  return (subject ? token.setSubject(subject) : token).setIssuer('interactiewijzer').setAudience('interactiewijzer-web').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(TEST_SECRET));
}
