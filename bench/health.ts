/**
 * bench/health: the service's liveness answer (`GET /health`) against a bare Fastify server
 * answering the same JSON, in the same run, each a process of its own under the same load
 * (autocannon, keep-alive). The ratio says what the service's fixed cost per request leaves.
 *
 *   npm run bench:health [-- --seconds 5 --connections 16 --rounds 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startService } from './support/service';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);

/** Fastify alone: one route, the same body, nothing else. */
const BARE_FASTIFY = `
const app = require('fastify')();
app.get('/health', async () => ({ status: 'ok' }));
app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('Listening on ' + address));
`;

async function startBare(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['-e', BARE_FASTIFY], { cwd: join(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`bare Fastify exited with ${code}: ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function load(url: string, seconds = SECONDS): Promise<{ rps: number; p50: number; p99: number }> {
  const result = await autocannon({ url: `${url}/health`, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}/health: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'iw-bench-health-'));
  console.log(`bench/health: GET /health, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s each, Node ${process.version}`);
  const bare = await startBare();
  const service = await startService({ SQLITE_PATH: join(dir, 'health.sqlite'), WORKERS: 'off' });
  try {
    // Warm both up (JIT), then alternate, so that drift on a shared machine falls on both.
    await load(bare.url, 2);
    await load(service.url, 2);
    const rounds: Array<{ bare: Awaited<ReturnType<typeof load>>; service: Awaited<ReturnType<typeof load>> }> = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push({ bare: await load(bare.url), service: await load(service.url) });
    const mean = (pick: (r: (typeof rounds)[number]) => number) => rounds.reduce((sum, r) => sum + pick(r), 0) / rounds.length;
    const bareRps = mean((r) => r.bare.rps);
    const serviceRps = mean((r) => r.service.rps);
    console.log(`\nbare Fastify:  ${bareRps.toFixed(0)} requests/s (rounds: ${rounds.map((r) => r.bare.rps.toFixed(0)).join(', ')}); latency p50 ${mean((r) => r.bare.p50).toFixed(1)} ms, p99 ${mean((r) => r.bare.p99).toFixed(1)} ms`);
    console.log(`the service:   ${serviceRps.toFixed(0)} requests/s (rounds: ${rounds.map((r) => r.service.rps.toFixed(0)).join(', ')}); latency p50 ${mean((r) => r.service.p50).toFixed(1)} ms, p99 ${mean((r) => r.service.p99).toFixed(1)} ms`);
    console.log(`ratio: ${(serviceRps / bareRps).toFixed(2)}  (target >= 0.8)`);
  } finally {
    bare.stop();
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
