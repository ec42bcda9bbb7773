import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DueReminder } from '../workflow/reminder-workflow.service';
import { reminderMessage } from './reminder-text';

/** Pooled SMTP: as many open connections as jobs run at once, each kept for many mails. The URL's own settings win. */
function pooled(smtpUrl: string, connections: number): string {
  const url = new URL(smtpUrl);
  const defaults = { pool: 'true', maxConnections: String(connections), maxMessages: '1000' };
  for (const [key, value] of Object.entries(defaults)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return url.toString();
}

export const SIGNATURE_HEADER = 'x-interactiewijzer-signature';

/** Sends a reminder through every configured channel; throws when one fails, so the job is retried. */
@Injectable()
export class ReminderDelivery implements OnModuleInit {
  private readonly logger = new Logger('ReminderDelivery');
  private readonly mailer: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // A pool keeps SMTP connections open: a burst of due reminders does not pay a handshake per mail.
    this.mailer = config.reminders.smtpUrl ? createTransport(pooled(config.reminders.smtpUrl, config.reminders.concurrency)) : undefined;
  }

  onModuleInit(): void {
    if (!this.mailer) this.logger.warn('SMTP_URL is not set: e-mail is off. Reminders are still recorded and shown in the app.');
  }

  /** The channels the reminder went out on ('app' always: it is in the audit trail and the dashboard). */
  async deliver(reminder: DueReminder): Promise<string[]> {
    // The project page of the web interface, where the process manager records the communication.
    const url = `${this.config.reminders.publicUrl}/projecten/${reminder.projectId}`;
    const channels = ['app'];
    if (this.mailer && reminder.recipients.length > 0) {
      const { subject, text } = reminderMessage(reminder, url);
      await this.mailer.sendMail({ from: this.config.reminders.mailFrom, to: reminder.recipients, subject, text });
      channels.push('email');
    }
    if (this.config.reminders.webhookUrl) {
      await this.postWebhook({ type: `${reminder.kind}-reminder`, ...reminder, url });
      channels.push('webhook');
    }
    return channels;
  }

  private async postWebhook(payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', this.config.reminders.webhookSecret!).update(body).digest('hex');
    const response = await fetch(this.config.reminders.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: `sha256=${signature}` },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
