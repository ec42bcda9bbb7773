import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { SilenceWorkflow } from '../workflow/silence-workflow.service';
import { REMINDER_QUEUE, ReminderJob, type SilenceJobData } from './reminder-queue';
import { ReminderDelivery } from './reminder-delivery.service';

/** Runs due reminder jobs: claim in the database, deliver, settle in the database. */
@Processor(REMINDER_QUEUE, { concurrency: 20 })
export class SilenceProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger('SilenceProcessor');
  private readonly handlers: Record<ReminderJob, (job: Job) => Promise<string>> = {
    [ReminderJob.Silence]: (job) => this.silence(job as Job<SilenceJobData>),
  };

  constructor(
    private readonly silenceWorkflow: SilenceWorkflow,
    private readonly delivery: ReminderDelivery,
  ) {
    super();
  }

  /** Every job name has a handler, or the process does not start. */
  onModuleInit(): void {
    const missing = Object.values(ReminderJob).filter((name) => typeof this.handlers[name] !== 'function');
    if (missing.length > 0) throw new Error(`No handler for reminder jobs: ${missing.join(', ')}`);
  }

  process(job: Job): Promise<string> {
    const handler = this.handlers[job.name as ReminderJob];
    if (!handler) throw new Error(`Unknown reminder job ${job.name}`);
    return handler(job);
  }

  private async silence(job: Job<SilenceJobData>): Promise<string> {
    const claim = await this.silenceWorkflow.claim(job.data.projectId, job.data.dueAt);
    if (claim.action === 'none') return claim.reason;
    try {
      const channels = await this.delivery.deliver(claim.reminder);
      await this.silenceWorkflow.settle(claim.reminder, { sent: true, channels });
      return 'sent';
    } catch (error) {
      const message = (error as Error).message;
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(`Reminder ${claim.reminder.key} failed (attempt ${job.attemptsMade + 1}${final ? ', final' : ''}): ${message}`);
      if (final) await this.silenceWorkflow.settle(claim.reminder, { sent: false, error: message });
      throw error;
    }
  }
}
