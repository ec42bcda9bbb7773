import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Role } from '../src/auth/roles';
import { describeEachDatabase } from './support/databases';
import { waitFor } from './support/mail-catcher';
import { useRunningService } from './support/project-client';

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The value of one series in the Prometheus text, or undefined when it is not there. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split('\n').find((l) => l.startsWith(name) && (l[name.length] === ' ' || l[name.length] === '{') && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describeEachDatabase('metrics for the operator (issue 22)', (createDatabase) => {
  let metricsPort: number;
  const env: NodeJS.ProcessEnv = { DAY_LENGTH_MS: '500', RECONCILE_INTERVAL_MS: '500' };
  beforeAll(async () => {
    metricsPort = await freePort();
    env.METRICS_PORT = String(metricsPort);
  });
  const service = useRunningService(createDatabase, env);

  it('counts steps taken and refused, requests, a reminder and the reconciler, for an operator’s token or on a port of their own', async () => {
    const operator = await service.t.token('operator' as Role, 'O. Perator');
    expect((await service.t.http().get('/metrics')).status).toBe(401);
    expect((await service.t.http().get('/metrics').set('authorization', `Bearer ${await service.t.token('admin')}`)).status).toBe(403);

    const { body } = await service.api.create({ title: 'Gemeten', origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 1 });
    await service.api.step(body.id, 'START_INTERACTIVE', 'college');
    const refused = await service.api.event(body.id, { type: 'COMMIT' });
    expect(refused.body.blockers.map((b: { code: string }) => b.code)).toContain('green-light-missing');
    // A day of half a second: the first reminder falls due within a second.
    await waitFor('the first reminder', async () => (await service.api.get(body.id)).body.silence.remindersSent >= 1);

    const scrape = await service.t.http().get('/metrics').set('authorization', `Bearer ${operator}`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers['content-type']).toMatch(/^text\/plain/);
    const text = scrape.text;
    expect(series(text, 'iw_transitions_total', { step: 'START_INTERACTIVE' })).toBe(1);
    expect(series(text, 'iw_refusals_total', { step: 'COMMIT', code: refused.body.blockers[0].code })).toBe(1);
    expect(series(text, 'iw_http_request_duration_seconds_count', { method: 'POST', route: '/api/projects/:id/events', status: '200' })).toBe(1);
    expect(series(text, 'iw_reminder_lateness_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(series(text, 'iw_reconcile_runs_total')).toBeGreaterThanOrEqual(1);
    expect(series(text, 'iw_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(series(text, 'iw_reminder_queue_jobs', { state: 'delayed' })).toBeGreaterThanOrEqual(0);
    expect(series(text, 'iw_process_resident_memory_bytes')).toBeGreaterThan(0);
    // PostgreSQL's pool is watched; SQLite has one connection and no pool.
    if (text.includes('iw_database_pool_connections{')) expect(series(text, 'iw_database_pool_connections', { use: 'total' })).toBeGreaterThan(0);

    // METRICS_PORT: the same, for a scraper inside the network, without a token.
    const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(own.status).toBe(200);
    expect(series(await own.text(), 'iw_transitions_total', { step: 'START_INTERACTIVE' })).toBe(1);
  });
});
