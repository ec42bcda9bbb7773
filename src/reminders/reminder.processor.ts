import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { tenantScope } from '../database/tenant-scope';
import { withJobLogContext } from '../logging/logging';
import { Metrics } from '../metrics/metrics.service';
import { ReminderWorkflow, type Claim } from '../workflow/reminder-workflow.service';
import { RedisHealth } from './redis-health';
import { ReminderDelivery } from './reminder-delivery.service';
import { REMINDER_QUEUE, ReminderJob, type MilestoneJobData, type SilenceJobData } from './reminder-queue';

/** Runs due reminder jobs: claim in the database, deliver, settle in the database. */
@Processor(REMINDER_QUEUE)
export class ReminderProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReminderProcessor');
  private readonly claims: Record<ReminderJob, (job: Job) => Promise<Claim>> = {
    [ReminderJob.Silence]: ({ data }: Job<SilenceJobData>) => this.workflow.claimSilence(data.projectId, data.dueAt),
    [ReminderJob.Milestone]: ({ data }: Job<MilestoneJobData>) => this.workflow.claimMilestone(data.milestoneId, data.remindAt),
  };

  constructor(
    private readonly workflow: ReminderWorkflow,
    private readonly delivery: ReminderDelivery,
    private readonly redis: RedisHealth,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Most of a job's time is spent waiting (database commit, SMTP), so many run at once.
    this.worker.concurrency = this.config.reminders.concurrency;
  }

  /**
   * Before anything closes (the database first of all): take no new job and let the ones
   * running finish, so none is delivered without being settled and then delivered again after a
   * restart. Bounded: past SHUTDOWN_GRACE_MS, or with Redis away, the worker is closed as it is.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const grace = this.config.shutdownGraceMs;
    // With Redis away no job can finish or be handed back: close at once, without waiting for it.
    const drained = (await this.redis.check()).status === 'up' && (await within(grace, this.worker.close()));
    if (!drained) {
      this.logger.warn(`Closing the reminder workers without waiting (Redis away, or jobs still running after ${grace} ms); unfinished jobs are retried and settled after a restart.`);
      await within(1000, this.worker.disconnect());
    }
  }

  /** Every job name has a handler, or the process does not start. */
  onModuleInit(): void {
    const missing = Object.values(ReminderJob).filter((name) => typeof this.claims[name] !== 'function');
    if (missing.length > 0) throw new Error(`No handler for reminder jobs: ${missing.join(', ')}`);
  }

  /** Runs the job as the municipality it belongs to, set before anything is read (issue 21); its log lines name the request that queued it (issue 22). */
  process(job: Job<{ tenant?: string; requestId?: string; projectId?: string }>): Promise<string> {
    return withJobLogContext(this.config, { jobId: job.id, requestId: job.data.requestId, projectId: job.data.projectId }, () =>
      tenantScope.within(job.data.tenant ?? this.config.tenancy.defaultTenant, () => this.processForTenant(job)),
    );
  }

  private async processForTenant(job: Job): Promise<string> {
    const claimFor = this.claims[job.name as ReminderJob];
    if (!claimFor) throw new Error(`Unknown reminder job ${job.name}`);
    // The first attempt says how late the queue was: from the deadline to its claim.
    if (job.attemptsMade === 0) {
      const due = (job.data as SilenceJobData).dueAt ?? (job.data as MilestoneJobData).remindAt;
      if (due) this.metrics.reminderLatenessSeconds.observe(Math.max(0, Date.now() - Date.parse(due)) / 1000);
    }
    const claim = await claimFor(job);
    if (claim.action === 'none') return claim.reason;
    try {
      const channels = await this.delivery.deliver(claim.reminder);
      await this.workflow.settle(claim.reminder, { sent: true, channels });
      this.logger.log(`Reminder ${claim.reminder.key} sent (${channels.join(', ')})`);
      return 'sent';
    } catch (error) {
      const message = (error as Error).message;
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(`Reminder ${claim.reminder.key} failed (attempt ${job.attemptsMade + 1}${final ? ', final' : ''}): ${message}`);
      if (final) await this.workflow.settle(claim.reminder, { sent: false, error: message });
      throw error;
    }
  }
}

/** Whether the promise settled within `ms`. */
async function within(ms: number, promise: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([promise.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  clearTimeout(timer);
  return done;
}
