import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { ENDED_STATES } from '../../machines/participation-project';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxRepository } from '../database/outbox.repository';
import { ReminderRepository } from '../database/reminder.repository';
import { TransactionRunner } from '../database/transaction-runner';
import { Tenancy } from '../tenancy/tenancy.service';
import { Metrics } from '../metrics/metrics.service';
import { milestoneJobId, silenceJobId } from '../workflow/reminder-workflow.service';
import { MILESTONE_TOPIC, SILENCE_TOPIC } from '../workflow/workflow.service';
import { REMINDER_QUEUE, ReminderJob, type MilestoneJobData, type SilenceJobData } from './reminder-queue';

const RELAY_INTERVAL_MS = 200;
/** Jobs handed to Redis in one round trip. */
const ENQUEUE_BATCH = 1000;
/** How often the relay looks at every tenant's outbox, not only at those this process wrote for (rows of other processes, of a relay that failed). */
const RELAY_SWEEP_MS = 5_000;
const RELAY_BATCH = 1000;

/**
 * Puts deadlines on the queue. The database is the source of truth; Redis only holds a
 * delayed job per deadline (deterministic job id, so adding twice adds once):
 * - the relay hands over outbox rows after their transaction committed;
 * - the reconciler, at start and every few minutes, re-adds the job of every pending
 *   deadline, so a flushed or restarted Redis loses no reminder.
 * While Redis is down both wait (nothing is lost: the rows stay) and catch up when it returns.
 * Both go round the tenants, each in its own scope; every job names its tenant (issue 21).
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReminderScheduler');
  private timers: NodeJS.Timeout[] = [];
  private relaying = false;
  private reconciling = false;

  constructor(
    @InjectQueue(REMINDER_QUEUE) private readonly queue: Queue,
    private readonly outbox: OutboxRepository,
    private readonly deadlines: ReminderRepository,
    private readonly transactions: TransactionRunner,
    private readonly tenancy: Tenancy,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // The queue's counts when scraped; a Redis that does not answer within a second leaves them as they were.
    metrics.collectWith(async () => {
      const counts = await Promise.race([this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed'), new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000).unref())]);
      for (const [state, n] of Object.entries(counts ?? {})) metrics.queueJobs.set({ state }, n);
    });
  }

  onApplicationBootstrap(): void {
    void this.reconcile();
    // When Redis comes back (a restart, a network outage), catch up at once rather than at the next interval.
    // BullMQ's connection says so with 'ready' on every (re)connect; it is not part of its typed API.
    const connection = (this.queue.getBackend() as unknown as { connection?: { on?(event: 'ready', listener: () => void): unknown } }).connection;
    connection?.on?.('ready', () => {
      void this.relay();
      void this.reconcile();
    });
    this.timers = [
      // Quickly for what this process wrote, now and then for every municipality (issue 21: hundreds of them stay cheap).
      setInterval(() => void this.relay(this.outbox.takeWritten()), RELAY_INTERVAL_MS),
      setInterval(() => void this.relay(), RELAY_SWEEP_MS),
      setInterval(() => void this.reconcile(), this.config.reminders.reconcileIntervalMs),
    ];
  }

  onModuleDestroy(): void {
    this.timers.forEach(clearInterval);
  }

  /** Hands committed outbox rows to BullMQ, batch after batch until none are left, of every tenant or these; returns how many. */
  async relay(tenants?: readonly string[]): Promise<number> {
    if (tenants?.length === 0) return 0;
    if (this.relaying) {
      // Not lost: the next quick round takes them.
      tenants?.forEach((tenant) => this.outbox.remember(tenant));
      return 0;
    }
    this.relaying = true;
    let relayed = 0;
    try {
      await this.tenancy.eachTenant(async ({ id: tenant }) => {
        for (let full = true; full; ) {
          const rows = await this.outbox.unrelayed(RELAY_BATCH);
          if (rows.length === 0) break;
          const of = <T>(topic: string) => rows.filter((row) => row.topic === topic).map((row) => ({ ...(JSON.parse(row.payload) as T), tenant }));
          await this.enqueue(of<SilenceJobData>(SILENCE_TOPIC), of<MilestoneJobData>(MILESTONE_TOPIC));
          const relayedAt = new Date().toISOString();
          this.metrics.outboxLagSeconds.set((Date.parse(relayedAt) - Math.min(...rows.map((row) => Date.parse(row.createdAt)))) / 1000);
          await this.transactions.run((manager) => this.outbox.markRelayed(manager, rows.map((r) => r.id), relayedAt));
          relayed += rows.length;
          full = rows.length === RELAY_BATCH;
        }
      }, tenants);
    } catch (error) {
      this.logger.warn(`Outbox relay will retry: ${(error as Error).message}`);
    } finally {
      this.relaying = false;
    }
    return relayed;
  }

  /** Re-creates the job of every pending deadline that Redis does not hold; returns how many deadlines it checked. */
  async reconcile(): Promise<number> {
    if (this.reconciling) return 0;
    this.reconciling = true;
    const started = performance.now();
    try {
      let checked = 0;
      await this.tenancy.eachTenant(async ({ id: tenant }) => {
        // A page at a time: 100,000 deadlines (issue 22) never sit in memory at once.
        for (let after = '', full = true; full; ) {
          const silent = (await this.deadlines.pendingSilences(after, ENQUEUE_BATCH)).map((data) => ({ ...data, tenant }));
          await this.enqueue(silent, []);
          checked += silent.length;
          after = silent.at(-1)?.projectId ?? after;
          full = silent.length === ENQUEUE_BATCH;
        }
        // Milestones of ended projects are never reminded (their jobs are skipped): they are not re-added forever.
        const milestones = (await this.deadlines.milestonesToRemind(ENDED_STATES)).map((data) => ({ ...data, tenant }));
        await this.pruneOutbox();
        await this.enqueue([], milestones);
        checked += milestones.length;
      });
      this.metrics.reconcileRuns.inc();
      this.metrics.reconcileSeconds.observe((performance.now() - started) / 1000);
      return checked;
    } catch (error) {
      this.logger.warn(`Reconciling reminders will retry: ${(error as Error).message}`);
      return 0;
    } finally {
      this.reconciling = false;
    }
  }

  /** Relayed outbox rows are kept OUTBOX_RETENTION_DAYS (for inspection), then removed. */
  private async pruneOutbox(): Promise<void> {
    const cutoff = new Date(Date.now() - this.config.reminders.outboxRetentionDays * 86_400_000).toISOString();
    await this.transactions.run((manager) => this.outbox.pruneRelayedBefore(manager, cutoff));
  }

  private async enqueue(silences: SilenceJobData[], milestones: MilestoneJobData[]): Promise<void> {
    if (silences.length + milestones.length === 0) return;
    const now = Date.now();
    const job = (jobId: string, at: string) => ({ ...this.jobOptions(), jobId, delay: Math.max(0, Date.parse(at) - now) });
    const jobs = [
      ...silences.map((data) => ({ name: ReminderJob.Silence, data, opts: job(silenceJobId(data.projectId, data.dueAt), data.dueAt) })),
      ...milestones.map((data) => ({ name: ReminderJob.Milestone, data, opts: job(milestoneJobId(data.milestoneId, data.remindAt), data.remindAt) })),
    ];
    // In batches: a reconcile of 100,000 deadlines (issue 22) leaves the event loop to the requests between them.
    for (let i = 0; i < jobs.length; i += ENQUEUE_BATCH) await this.queue.addBulk(jobs.slice(i, i + ENQUEUE_BATCH));
  }

  private jobOptions(): JobsOptions {
    const { attempts, backoffMs } = this.config.reminders;
    return {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      // Kept a while, so that re-adding a finished job is a no-op; the database decides anyway.
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }
}
