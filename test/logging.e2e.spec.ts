import { randomUUID } from 'node:crypto';
import { FILE_BEFORE } from '../bench/support/example-file';
import { sqliteDatabase } from './support/databases';
import { waitFor } from './support/mail-catcher';
import { useRunningService } from './support/project-client';

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  projectId?: string;
  jobId?: string;
  req?: { method: string; path: string };
  res?: { status: number };
}

/** Every line the service wrote, each parsed as JSON: a line that is not JSON fails the test. */
function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

describe('logs as JSON lines with the request id (issue 22)', () => {
  const service = useRunningService(() => sqliteDatabase(), { DAY_LENGTH_MS: '500' });

  it('writes one line per request with its id (sent back too), carries it into the reminder job, and never writes a token or a query', async () => {
    const created = await service.api.create({ title: 'Gelogd', origin: 'municipality', politicalSensitivity: 'low', silenceWindowDays: 1 });
    const id = created.body.id as string;
    const ownId = `trace-${randomUUID()}`;
    const quickScan = FILE_BEFORE.START_INTERACTIVE!;
    expect((await service.api.putFile(id, quickScan.path, quickScan.body)).status).toBe(200);
    expect((await service.api.decide(id, 'START_INTERACTIVE', 'college')).status).toBe(201);
    const started = await service.t.http().post(`/api/projects/${id}/events?access_token=hidden-query-value`).set('authorization', `Bearer ${service.api.manager}`).set('x-request-id', ownId).send({ type: 'START_INTERACTIVE' });
    expect(started.status).toBe(200);
    expect(started.headers['x-request-id']).toBe(ownId);

    // An id that is not a plain token is not taken over: the service makes one of its own.
    const unsafe = await service.api.as(service.api.manager).get(`/api/projects/${id}`).set('x-request-id', 'a b"c');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Without one, every answer still names its request.
    expect(created.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    // A day of half a second: the first reminder of the silence START_INTERACTIVE began.
    const sent = await waitFor('the reminder’s log line', () => logLines(service.t.output()).find((line) => /^Reminder .* sent/.test(line.msg) && line.projectId === id));

    const lines = logLines(service.t.output());
    const requestLine = lines.filter((line) => line.requestId === ownId && line.req);
    expect(requestLine).toEqual([expect.objectContaining({ level: 'info', projectId: id, req: { method: 'POST', path: `/api/projects/${id}/events` }, res: { status: 200 } })]);
    // The line is written when the answer has gone out: it may come just after.
    await waitFor('the line of the request with an id of the service’s own', () => logLines(service.t.output()).find((line) => line.requestId === unsafe.headers['x-request-id']));
    // The job the request queued logs under the request's id.
    expect(sent).toEqual(expect.objectContaining({ requestId: ownId, jobId: expect.any(String) }));

    const output = service.t.output();
    for (const token of [service.api.manager, service.api.collegeSecretary]) expect(output).not.toContain(token);
    expect(output).not.toMatch(/hidden-query-value|authorization|Bearer/i);
  });
});
