import { Agent, request as httpRequest } from 'node:http';

/** node:http with keep-alive: on 2 shared cores, fetch costs the client twice as much CPU per request. */
export function jsonClient(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return function call<T = unknown>(method: string, url: string, bearer: string, body: unknown, expected: number): Promise<T> {
    const payload = body === undefined ? '' : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method, agent, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => (res.statusCode === expected ? resolve(JSON.parse(text) as T) : reject(new Error(`${method} ${url}: ${res.statusCode} ${text}`))));
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
}

/** Runs `work` over the items with `concurrency` workers. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  }));
}

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
