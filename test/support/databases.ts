import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../../src/config/app-config';

export const POSTGRES_URL = process.env.DATABASE_URL_TEST ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The service's own role in the tests, as in production (issue 21): it owns no table, so row-level security holds it. */
export const SERVICE_ROLE = 'iw_service';

/** A database of its own for one suite; `drop` removes every trace of it. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  config: AppConfig['database'];
  drop(): Promise<void>;
}

export function sqliteDatabase(synchronous: 'FULL' | 'NORMAL' = 'FULL'): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'interactiewijzer-'));
  return {
    name: 'sqlite',
    config: { kind: 'sqlite', path: join(dir, 'test.sqlite'), synchronous },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh PostgreSQL database, created next to the one DATABASE_URL_TEST (or the local default)
 * names: migrated by that URL's role (the owner), used by the service's own role.
 */
export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `iw_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const owner = new URL(POSTGRES_URL);
  owner.pathname = `/${name}`;
  const service = new URL(owner);
  service.username = SERVICE_ROLE;
  service.password = '';
  return {
    name: 'postgres',
    config: { kind: 'postgres', url: service.toString(), ownerUrl: owner.toString() },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** The service's role, made once per cluster: it may log in, owns nothing, bypasses nothing. */
export async function ensureServiceRole(): Promise<void> {
  await adminQuery(`DO $$ BEGIN CREATE ROLE ${SERVICE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** PostgreSQL is required when DATABASE_URL_TEST is set; otherwise it is skipped, loudly, only if nothing answers. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await adminQuery('SELECT 1');
    return true;
  } catch (error) {
    if (process.env.DATABASE_URL_TEST) throw error;
    console.warn(`PostgreSQL tests SKIPPED: nothing answers at ${POSTGRES_URL} (${(error as Error).message}); set DATABASE_URL_TEST to require them.`);
    return false;
  }
}

type DatabaseFactory = () => Promise<TestDatabase>;

/** Runs a suite against a fresh SQLite file and a fresh PostgreSQL database. */
export function describeEachDatabase(title: string, suite: (createDatabase: DatabaseFactory) => void): void {
  describe(`${title} on SQLite`, () => suite(async () => sqliteDatabase()));
  const onPostgres = process.env.IW_POSTGRES_AVAILABLE === 'no' ? describe.skip : describe;
  onPostgres(`${title} on PostgreSQL`, () => suite(postgresDatabase));
}
