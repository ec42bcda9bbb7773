import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Tenancy } from '../tenancy/tenancy.service';
import type { TenantSettings } from '../tenancy/tenant-settings';
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

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenancy: Tenancy,
  ) {
    // A pool keeps SMTP connections open: a burst of due reminders does not pay a handshake per mail.
    this.mailer = config.reminders.smtpUrl ? createTransport(pooled(config.reminders.smtpUrl, config.reminders.concurrency)) : undefined;
  }

  onModuleInit(): void {
    if (!this.mailer) this.logger.warn('SMTP_URL is not set: e-mail is off. Reminders are still recorded and shown in the app.');
  }

  /**
   * The channels the reminder went out on ('app' always: it is in the audit trail and the
   * dashboard). It goes out as its municipality's (issue 21): its sender, its webhook, a link to
   * its own pages.
   */
  async deliver(reminder: DueReminder): Promise<string[]> {
    const tenant = this.tenancy.current();
    // The project page of the web interface, where the process manager records the communication.
    const url = `${this.siteOf(tenant)}/projecten/${reminder.projectId}`;
    const channels = ['app'];
    if (this.mailer && reminder.recipients.length > 0) {
      const { subject, text } = reminderMessage(reminder, url);
      await this.mailer.sendMail({ from: tenant.mail.from, to: reminder.recipients, subject, text });
      channels.push('email');
    }
    if (tenant.mail.webhookUrl && tenant.mail.webhookSecret) {
      await this.postWebhook(tenant.mail.webhookUrl, tenant.mail.webhookSecret, { type: `${reminder.kind}-reminder`, tenant: tenant.id, ...reminder, url });
      channels.push('webhook');
    }
    return channels;
  }

  /** The web interface's address for this municipality: its own host name (TENANT_HOSTS), else the installation's. */
  private siteOf(tenant: TenantSettings): string {
    const host = Object.entries(this.config.tenancy.hosts).find(([, id]) => id === tenant.id)?.[0];
    if (!host) return this.config.reminders.publicUrl;
    const site = new URL(this.config.reminders.publicUrl);
    return `${site.protocol}//${host}`;
  }

  private async postWebhook(webhookUrl: string, secret: string, payload: unknown): Promise<void> {
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', secret).update(body).digest('hex');
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: `sha256=${signature}` },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
