import { Client } from 'pg';

/** The PostgreSQL server the benchmarks use (DATABASE_URL), as a superuser. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SERVICE_ROLE = 'iw_bench_service';

/** Runs SQL on the PostgreSQL server as its superuser, in `database` or the server's own. */
export async function postgresAdmin<T = unknown>(sql: string, database?: string, parameters: unknown[] = []): Promise<T[]> {
  const url = new URL(POSTGRES_URL);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database for one run. `service`: the service connects as a role of its own
 * under row-level security (DATABASE_OWNER_URL migrates); `owner`: as the superuser.
 */
export async function freshPostgres(role: 'service' | 'owner' = 'service'): Promise<{ env: NodeJS.ProcessEnv; name: string; ownerUrl: string; roleName: string; drop: () => Promise<void> }> {
  const name = `iw_bench_${Date.now()}`;
  await postgresAdmin(`CREATE DATABASE ${name}`);
  const owner = new URL(POSTGRES_URL);
  owner.pathname = `/${name}`;
  let env: NodeJS.ProcessEnv = { DATABASE_URL: owner.toString() };
  if (role === 'service') {
    await postgresAdmin(`DO $$ BEGIN CREATE ROLE ${SERVICE_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    const service = new URL(owner);
    service.username = SERVICE_ROLE;
    env = { DATABASE_URL: service.toString(), DATABASE_OWNER_URL: owner.toString() };
  }
  return { env, name, ownerUrl: owner.toString(), roleName: role === 'service' ? SERVICE_ROLE : 'postgres', drop: () => postgresAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined) };
}
