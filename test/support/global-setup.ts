import { postgresAvailable } from './databases';

/** Decides once, before any suite runs, whether PostgreSQL suites run or are skipped (with a message). */
export default async function globalSetup(): Promise<void> {
  process.env.IW_POSTGRES_AVAILABLE = (await postgresAvailable()) ? 'yes' : 'no';
}
