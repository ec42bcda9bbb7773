import type { ConnectionOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

export const REMINDER_QUEUE = 'reminders';

/** Job names, one per kind of deadline; start-up fails if one has no handler. */
export enum ReminderJob {
  Silence = 'silence',
  Milestone = 'milestone',
}

/**
 * Payloads carry ids only: the processor reads everything else from the database, as the
 * tenant named (issue 21; a job queued before tenants existed is the default tenant's).
 */
export interface SilenceJobData {
  tenant?: string;
  projectId: string;
  dueAt: string;
}

export interface MilestoneJobData {
  tenant?: string;
  milestoneId: string;
  remindAt: string;
}

/** ioredis options from REDIS_URL. Commands wait while Redis is away (workers need that), they are not lost. */
export function redisConnection(config: AppConfig): ConnectionOptions {
  const url = new URL(config.reminders.redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Reconnect quickly but not in a busy loop while Redis is down.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
