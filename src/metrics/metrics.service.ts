import { createServer, type Server } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseHealth } from '../database/database-health';

/**
 * What an operator watches (issue 22), in the Prometheus format through prom-client: one registry
 * per process. Each capability records into it; `/metrics` (an operator's token) or METRICS_PORT
 * (a port of its own, for a scraper inside the network) reads it.
 */
@Injectable()
export class Metrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  readonly registry = new Registry();
  private server?: Server;
  /** Read just before a scrape: what is cheaper to ask then than to keep current. */
  private readonly collectors: Array<() => Promise<void> | void> = [];

  readonly requestSeconds = new Histogram({ name: 'iw_http_request_duration_seconds', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly transitions = new Counter({ name: 'iw_transitions_total', help: 'Steps taken, by step', labelNames: ['step'] as const, registers: [this.registry] });
  readonly refusals = new Counter({ name: 'iw_refusals_total', help: 'Steps refused, by step and reason code', labelNames: ['step', 'code'] as const, registers: [this.registry] });
  readonly outboxLagSeconds = new Gauge({ name: 'iw_outbox_lag_seconds', help: 'Age of the oldest outbox row the relay last handed to the queue', registers: [this.registry] });
  readonly reminderLatenessSeconds = new Histogram({ name: 'iw_reminder_lateness_seconds', help: 'From a deadline to its job claiming it', buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], registers: [this.registry] });
  readonly reconcileRuns = new Counter({ name: 'iw_reconcile_runs_total', help: 'Reconciler runs', registers: [this.registry] });
  readonly reconcileSeconds = new Histogram({ name: 'iw_reconcile_duration_seconds', help: 'How long a reconciler run took', registers: [this.registry] });
  readonly queueJobs = new Gauge({ name: 'iw_reminder_queue_jobs', help: 'Reminder jobs by state', labelNames: ['state'] as const, registers: [this.registry] });
  readonly databasePool = new Gauge({ name: 'iw_database_pool_connections', help: 'PostgreSQL pool connections by use', labelNames: ['use'] as const, registers: [this.registry] });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    database: DatabaseHealth,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'iw_' });
    this.collectWith(() => {
      for (const [use, n] of Object.entries(database.poolUse() ?? {})) this.databasePool.set({ use }, n);
    });
  }

  collectWith(collector: () => Promise<void> | void): void {
    this.collectors.push(collector);
  }

  /** The Prometheus text, every collector read first. */
  async text(): Promise<string> {
    await Promise.all(this.collectors.map(async (collect) => collect()));
    return this.registry.metrics();
  }

  onApplicationBootstrap(): void {
    const port = this.config.metricsPort;
    if (port === undefined) return;
    this.server = createServer((request, response) => {
      if (request.url !== '/metrics') return void response.writeHead(404).end();
      void this.text().then((text) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(text));
    }).listen(port, this.config.host, () => this.logger.log(`Metrics on port ${port} (/metrics)`));
  }

  onApplicationShutdown(): void {
    this.server?.close();
  }
}
