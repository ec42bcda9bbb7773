/** Configuration from the environment, checked once at start: a bad value stops the boot with a clear message. */
export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  database: { kind: 'sqlite'; path: string; synchronous: 'FULL' | 'NORMAL' } | { kind: 'postgres'; url: string };
  auth: { secret: string | undefined; jwksUrl: string | undefined; issuer: string | undefined; audience: string | undefined };
}

export const DEFAULT_DEVELOPMENT_SECRET = 'interactiewijzer-development-secret-do-not-use-in-production';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);

  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') problems.push(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, not "${env.SQLITE_SYNCHRONOUS}"`);

  const url = env.DATABASE_URL;
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)');

  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (jwksUrl !== undefined && !isHttpUrl(jwksUrl)) problems.push(`AUTH_JWKS_URL must be an http(s) URL, not "${jwksUrl}"`);
  const secret = env.AUTH_SECRET || (production || jwksUrl ? undefined : DEFAULT_DEVELOPMENT_SECRET);
  if (secret === undefined && jwksUrl === undefined) problems.push('set AUTH_SECRET or AUTH_JWKS_URL: production never uses the development secret');
  if (env.AUTH_SECRET && env.AUTH_SECRET.length < 32) problems.push('AUTH_SECRET must be at least 32 characters');

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);

  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    database: url
      ? { kind: 'postgres', url }
      : { kind: 'sqlite', path: env.SQLITE_PATH ?? './data/interactiewijzer.sqlite', synchronous: synchronous as 'FULL' | 'NORMAL' },
    auth: { secret, jwksUrl, issuer: env.AUTH_ISSUER || undefined, audience: env.AUTH_AUDIENCE || undefined },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
