import type { TestDatabase } from './databases';
import { startTestApp, type TestApp } from './test-app';

/** Speaks the API the way a process manager and the two secretaries would. */
export class ProjectClient {
  private constructor(
    private readonly t: TestApp,
    readonly manager: string,
    readonly collegeSecretary: string,
    readonly councilClerk: string,
  ) {}

  static async for(t: TestApp): Promise<ProjectClient> {
    return new ProjectClient(t, await t.token('process-manager', 'P. Manager'), await t.token('college-secretary', 'S. Secretaris'), await t.token('council-clerk', 'G. Griffier'));
  }

  create(body: Record<string, unknown>) {
    return this.t.http().post('/api/projects').set('authorization', `Bearer ${this.manager}`).send(body);
  }

  get(id: string) {
    return this.t.http().get(`/api/projects/${id}`).set('authorization', `Bearer ${this.manager}`);
  }

  event(id: string, body: Record<string, unknown>) {
    return this.t.http().post(`/api/projects/${id}/events`).set('authorization', `Bearer ${this.manager}`).send(body);
  }

  decide(id: string, event: string, body: 'college' | 'raad', overrides: Record<string, unknown> = {}) {
    const token = body === 'college' ? this.collegeSecretary : this.councilClerk;
    return this.t
      .http()
      .post(`/api/projects/${id}/decisions`)
      .set('authorization', `Bearer ${token}`)
      .send({ event, body, outcome: 'approved', decidedOn: '2026-11-02', reference: `${body}-${event}`, ...overrides });
  }

  audit(id: string) {
    return this.t.http().get(`/api/projects/${id}/audit`).set('authorization', `Bearer ${this.manager}`);
  }

  /** Records the green light of the right body and takes the step; fails the test if either is refused. */
  async step(id: string, event: string, body: 'college' | 'raad') {
    const decision = await this.decide(id, event, body);
    if (decision.status !== 201) throw new Error(`decision ${event}: ${decision.status} ${JSON.stringify(decision.body)}`);
    const moved = await this.event(id, { type: event });
    if (moved.status !== 200) throw new Error(`event ${event}: ${moved.status} ${JSON.stringify(moved.body)}`);
    return moved.body;
  }
}

/**
 * Registers beforeAll/afterAll for a suite: a fresh database, the service on it and a
 * client; everything is stopped and dropped afterwards. Read the fields inside tests.
 */
export function useRunningService(createDatabase: () => Promise<TestDatabase> | TestDatabase): { t: TestApp; api: ProjectClient } {
  const context = {} as { t: TestApp; api: ProjectClient };
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createDatabase();
    context.t = await startTestApp(database);
    context.api = await ProjectClient.for(context.t);
  });
  afterAll(async () => {
    await context.t?.close();
    await database?.drop();
  });
  return context;
}
