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
  // Each service gets its own queue keys in the shared Redis unless a test says otherwise.
  const queuePrefix = env.QUEUE_PREFIX ?? `iw-test-${randomUUID().slice(0, 8)}`;
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', HOST: '127.0.0.1', PORT: '0', AUTH_SECRET: TEST_SECRET, QUEUE_PREFIX: queuePrefix, ...databaseEnv(database), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await listeningUrl(child, () => output);
  return {
    url,
    http: () => request(url),
    token: (role, name = `Test ${Array.isArray(role) ? role.join('+') : role}`, tenant) => signToken({ name, roles: Array.isArray(role) ? role : [role], ...(tenant && { tenant }) }),
    output: () => output,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    crash: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

function listeningUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the service did not start within 20 s')), 20_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output()}`));
    };
    child.stdout!.on('data', () => {
      const match = /Listening on (http:\/\/[^\s]+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => fail(new Error(`the service exited with code ${code} before listening`)));
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
