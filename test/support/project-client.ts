import { FILE_BEFORE } from '../../bench/support/example-file';
import { dutchDay } from '../../machines/calendar/dutch-day';
import type { TestDatabase } from './databases';
import { startTestApp, type TestApp } from './test-app';

/** One round of the default guide's policy cycle (overbetuwe-2018), each step a green light of the college. */
export const POLICY_CYCLE = ['PROBLEM_DEFINED', 'SOLUTIONS_CHOSEN', 'ADVICE_SUBMITTED', 'DECISION_TAKEN', 'EXECUTION_COMPLETED'];

/** Speaks the API the way a process manager and the two secretaries would. */
export class ProjectClient {
  private readonly filed = new Map<string, Promise<number>>();

  private constructor(
    private readonly t: TestApp,
    readonly manager: string,
    readonly collegeSecretary: string,
    readonly councilClerk: string,
  ) {}

  /** The client of one municipality (its tokens' tenant claim), or of the only one there is. */
  static async for(t: TestApp, tenant?: string): Promise<ProjectClient> {
    return new ProjectClient(t, await t.token('process-manager', 'P. Manager', tenant), await t.token('college-secretary', 'S. Secretaris', tenant), await t.token('council-clerk', 'G. Griffier', tenant));
  }

  /** Requests with this token, for the calls this client has no method of its own for. */
  as(token: string) {
    const t = this.t;
    return {
      get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
      put: (path: string, body: unknown) => t.http().put(path).set('authorization', `Bearer ${token}`).send(body as object),
      post: (path: string, body: unknown) => t.http().post(path).set('authorization', `Bearer ${token}`).send(body as object),
      patch: (path: string, body: unknown) => t.http().patch(path).set('authorization', `Bearer ${token}`).send(body as object),
    };
  }

  create(body: Record<string, unknown>) {
    return this.t.http().post('/api/projects').set('authorization', `Bearer ${this.manager}`).send(body);
  }

  get(id: string) {
    return this.t.http().get(`/api/projects/${id}`).set('authorization', `Bearer ${this.manager}`);
  }

  /**
   * Sends an event. First it completes the document of the file the step needs (quick scan,
   * commitment, plan), once per project: the lifecycle suites judge the green light; the
   * file's own rules have their suite (project-file.e2e.spec.ts). `{ fileAsIs: true }` skips it.
   */
  async event(id: string, body: Record<string, unknown>, options: { fileAsIs?: boolean } = {}) {
    const needed = FILE_BEFORE[String(body.type)];
    if (needed && !options.fileAsIs) {
      const key = `${id}/${needed.path}`;
      if (!this.filed.has(key)) this.filed.set(key, this.putFile(id, needed.path, needed.body).then((r) => r.status));
      // A refusal here (unknown or ended project, initiative in intake) shows again in the event's own answer.
      await this.filed.get(key);
    }
    return this.t.http().post(`/api/projects/${id}/events`).set('authorization', `Bearer ${this.manager}`).send(body);
  }

  /** Records a decision, taken today unless `decidedOn` says otherwise: a green light cannot precede the facts it rests on. */
  decide(id: string, event: string, body: 'college' | 'raad', overrides: Record<string, unknown> = {}) {
    const token = body === 'college' ? this.collegeSecretary : this.councilClerk;
    return this.t
      .http()
      .post(`/api/projects/${id}/decisions`)
      .set('authorization', `Bearer ${token}`)
      .send({ event, body, outcome: 'approved', decidedOn: dutchDay(new Date()), reference: `${body}-${event}`, ...overrides });
  }

  /** Asks the body for a green light on a step, for a meeting a week from now (issue 19). */
  requestGreenLight(id: string, event: string, body: 'college' | 'raad', overrides: Record<string, unknown> = {}) {
    const inAWeek = dutchDay(new Date(Date.now() + 7 * 86_400_000));
    return this.t
      .http()
      .post(`/api/projects/${id}/green-light-requests`)
      .set('authorization', `Bearer ${this.manager}`)
      .send({ event, body, proposal: `Voorstel ${event}`, desiredOn: inAWeek, ...overrides });
  }

  /** PUT a document of the project's file (quick-scan, commitment, plan). */
  putFile(id: string, path: string, body: unknown) {
    return this.t.http().put(`/api/projects/${id}/${path}`).set('authorization', `Bearer ${this.manager}`).send(body as object);
  }

  audit(id: string) {
    return this.t.http().get(`/api/projects/${id}/audit?limit=500`).set('authorization', `Bearer ${this.manager}`);
  }

  /** Records the green light of the right body and takes the step; fails the test if anything is refused. */
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
export function useRunningService(createDatabase: () => Promise<TestDatabase> | TestDatabase, env: NodeJS.ProcessEnv = {}): { t: TestApp; api: ProjectClient } {
  const context = {} as { t: TestApp; api: ProjectClient };
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createDatabase();
    context.t = await startTestApp(database, env);
    context.api = await ProjectClient.for(context.t);
  });
  afterAll(async () => {
    await context.t?.close();
    await database?.drop();
  });
  return context;
}
