import { ensureServiceRole, postgresAvailable } from './databases';

/** Decides once, before any suite runs, whether PostgreSQL suites run or are skipped (with a message); makes the service's role there. */
export default async function globalSetup(): Promise<void> {
  const available = await postgresAvailable();
  process.env.IW_POSTGRES_AVAILABLE = available ? 'yes' : 'no';
  if (available) await ensureServiceRole();
}
