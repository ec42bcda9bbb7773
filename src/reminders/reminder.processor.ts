import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReminderWorkflow, type Claim } from '../workflow/reminder-workflow.service';
import { ReminderDelivery } from './reminder-delivery.service';
import { REMINDER_QUEUE, ReminderJob, type MilestoneJobData, type SilenceJobData } from './reminder-queue';

/** Runs due reminder jobs: claim in the database, deliver, settle in the database. */
@Processor(REMINDER_QUEUE)
export class ReminderProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('ReminderProcessor');
  private readonly claims: Record<ReminderJob, (job: Job) => Promise<Claim>> = {
    [ReminderJob.Silence]: ({ data }: Job<SilenceJobData>) => this.workflow.claimSilence(data.projectId, data.dueAt),
    [ReminderJob.Milestone]: ({ data }: Job<MilestoneJobData>) => this.workflow.claimMilestone(data.milestoneId, data.remindAt),
  };

  constructor(
    private readonly workflow: ReminderWorkflow,
    private readonly delivery: ReminderDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Most of a job's time is spent waiting (database commit, SMTP), so many run at once.
    this.worker.concurrency = this.config.reminders.concurrency;
  }

  /** Every job name has a handler, or the process does not start. */
  onModuleInit(): void {
    const missing = Object.values(ReminderJob).filter((name) => typeof this.claims[name] !== 'function');
    if (missing.length > 0) throw new Error(`No handler for reminder jobs: ${missing.join(', ')}`);
  }

  async process(job: Job): Promise<string> {
    const claimFor = this.claims[job.name as ReminderJob];
    if (!claimFor) throw new Error(`Unknown reminder job ${job.name}`);
    const claim = await claimFor(job);
    if (claim.action === 'none') return claim.reason;
    try {
      const channels = await this.delivery.deliver(claim.reminder);
      await this.workflow.settle(claim.reminder, { sent: true, channels });
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
