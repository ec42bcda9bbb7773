import { requestStanding, type GreenLightRequest } from './green-light-requests';
import { completeDossier } from './machine-graph';
import { awaitedBodies, nextSteps } from './next-steps';
import { startProject } from './project-snapshot';
import type { GreenLight, ProjectContext } from './project.types';

const context = (overrides: Partial<ProjectContext> = {}): ProjectContext => ({ origin: 'municipality', politicalSensitivity: 'low', cycle: 1, gateBodies: {}, submission: null, ...overrides });

const request = (overrides: Partial<GreenLightRequest> = {}): GreenLightRequest => ({
  gate: 'START_INTERACTIVE',
  cycle: 1,
  body: 'college',
  proposal: 'Collegevoorstel',
  reference: null,
  desiredOn: '2026-12-15',
  requestedBy: 'P. Manager',
  requestedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

const decision = (overrides: Partial<GreenLight> = {}): GreenLight => ({
  id: 'd1',
  gate: 'START_INTERACTIVE',
  cycle: 1,
  body: 'college',
  outcome: 'approved',
  decidedOn: '2026-12-08',
  recordedAt: '2026-12-08T10:00:00.000Z',
  ...overrides,
});

describe('requestStanding (issue 19)', () => {
  it('is null until the step is asked for, and pending until its body decides', () => {
    expect(requestStanding(context(), 'START_INTERACTIVE', [], [])).toBeNull();
    expect(requestStanding(context(), 'START_INTERACTIVE', [request()], [])?.pending).toBe(true);
    expect(requestStanding(context(), 'START_INTERACTIVE', [request()], [decision()])?.pending).toBe(false);
    expect(requestStanding(context(), 'START_INTERACTIVE', [request()], [decision({ outcome: 'rejected' })])?.pending).toBe(false);
  });

  it('stays pending after a deferral, and after a decision recorded before it was asked', () => {
    expect(requestStanding(context(), 'START_INTERACTIVE', [request()], [decision({ outcome: 'deferred' })])?.pending).toBe(true);
    const earlier = decision({ outcome: 'rejected', recordedAt: '2026-11-20T10:00:00.000Z' });
    expect(requestStanding(context(), 'START_INTERACTIVE', [request()], [earlier])?.pending).toBe(true);
  });

  it('reads the latest request of the current cycle and only decisions of the competent body', () => {
    const asked = [request(), request({ requestedAt: '2026-12-09T09:00:00.000Z', proposal: 'Opnieuw' })];
    expect(requestStanding(context(), 'START_INTERACTIVE', asked, [decision({ outcome: 'rejected' })])).toMatchObject({ pending: true, request: { proposal: 'Opnieuw' } });
    expect(requestStanding(context({ cycle: 2 }), 'START_INTERACTIVE', asked, [])).toBeNull();
    expect(requestStanding(context(), 'START_INTERACTIVE', [request()], [decision({ body: 'raad' })])?.pending).toBe(true);
  });
});

describe('awaitedBodies', () => {
  const quickScan = 'quickScan';
  it('waits for a body only where a step was asked of it', () => {
    expect(awaitedBodies(quickScan, context(), [], [])).toEqual([]);
    expect(awaitedBodies(quickScan, context(), [], [request()])).toEqual(['college']);
    expect(awaitedBodies(quickScan, context({ politicalSensitivity: 'high' }), [], [request({ body: 'raad' })])).toEqual(['raad']);
  });

  it('stops waiting once the step, or its alternative, has its green light; a stop request still waits', () => {
    const both = [request(), request({ gate: 'DECIDE_NON_INTERACTIVE' })];
    expect(awaitedBodies(quickScan, context(), [decision()], both)).toEqual([]);
    expect(awaitedBodies(quickScan, context(), [decision()], [...both, request({ gate: 'STOP' })])).toEqual(['college']);
  });
});

describe('nextSteps: awaited and requestable, one rule for the werkvoorraad and the pages (issue 20)', () => {
  const scan = startProject({ origin: 'municipality', politicalSensitivity: 'low' });
  const steps = (decisions: GreenLight[], requests: GreenLightRequest[]) =>
    Object.fromEntries(nextSteps(scan, decisions, completeDossier(), requests).map((s) => [s.event, { awaited: s.awaited, requestable: s.requestable }]));

  it('puts a step asked and not answered in its body’s werkvoorraad, and lets the others be asked', () => {
    expect(steps([], [request()])).toEqual({
      START_INTERACTIVE: { awaited: true, requestable: false },
      DECIDE_NON_INTERACTIVE: { awaited: false, requestable: true },
      // Stopping is asked on its own page.
      STOP: { awaited: false, requestable: false },
    });
  });

  it('asks nothing more once one route has its green light; a deferral keeps the step awaited', () => {
    expect(steps([decision({ recordedAt: '2026-12-09T10:00:00.000Z' })], [request()])).toMatchObject({ START_INTERACTIVE: { awaited: false, requestable: false }, DECIDE_NON_INTERACTIVE: { awaited: false, requestable: false } });
    expect(steps([decision({ outcome: 'deferred', reason: 'Eerst de raad horen.' })], [request()]).START_INTERACTIVE).toEqual({ awaited: true, requestable: false });
  });
});
