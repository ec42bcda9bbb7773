import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'typeorm';

/** Counts the database queries of one request (SERVER_TIMING=on): the proof that a page does not query per row. */
const requests = new AsyncLocalStorage<{ queries: number }>();

export const queryCounter = {
  /** Runs `next` (and everything it starts) as one counted request. */
  track(next: () => void): void {
    requests.run({ queries: 0 }, next);
  },
  increment(): void {
    const current = requests.getStore();
    if (current) current.queries += 1;
  },
  current(): number | undefined {
    return requests.getStore()?.queries;
  },
};

/** TypeORM's logger hook, used only to count. */
const nothing = () => undefined;
export const countingLogger: Logger = {
  logQuery: () => queryCounter.increment(),
  logQueryError: nothing,
  logQuerySlow: nothing,
  logSchemaBuild: nothing,
  logMigration: nothing,
  log: nothing,
};
