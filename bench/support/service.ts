import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built service in a process of its own on a free port, with figures read from /proc.
 * `worker: true` starts a reminder worker process (`npm run worker`) instead.
 */
export async function startService(env: NodeJS.ProcessEnv, options: { worker?: boolean } = {}) {
  // BENCH_NODE_ARGS reach the service only, e.g. "--cpu-prof" to profile it under this load.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // BENCH_SERVICE_MAIN runs another build of the service (a baseline) under the same load.
  const main = options.worker ? join(__dirname, '../../src/worker.js') : (process.env.BENCH_SERVICE_MAIN ?? join(__dirname, '../../src/main.js'));
  const ready = options.worker ? /Reminder workers running/ : /Listening on (http:\/\/\S+)/;
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (!match) return;
      // From here on the log (a JSON line per request) is read and dropped, not kept.
      child.stdout!.off('data', read);
      child.stdout!.resume();
      output = '';
      resolve(match[1] ?? '');
    };
    child.stdout!.on('data', read);
    child.on('exit', (code) => reject(new Error(`service exited with ${code}: ${output}`)));
  });
  const proc = (file: string) => readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
  const path = env.SQLITE_PATH;
  return {
    url,
    /** utime + stime, in clock ticks of 10 ms. */
    cpuSeconds: () => {
      const fields = proc('stat').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    peakRssMb: () => Number(/VmHWM:\s+(\d+)/.exec(proc('status'))![1]) / 1024,
    sizeMb: () => (path ? [path, `${path}-wal`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0) / 1024 / 1024 : 0),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.on('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}
