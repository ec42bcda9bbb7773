import { blockers, decisiveDecision, requiredBody } from './blockers';
import { completeDossier } from './machine-graph';
import type { GreenLight, ProjectContext } from './project.types';

const context = (overrides: Partial<ProjectContext> = {}): ProjectContext => ({
  origin: 'municipality',
  politicalSensitivity: 'low',
  cycle: 1,
  gateBodies: {},
  submission: null,
  ...overrides,
});

const decision = (overrides: Partial<GreenLight> = {}): GreenLight => ({
  id: 'd1',
  gate: 'COMMIT',
  cycle: 1,
  body: 'college',
  outcome: 'approved',
  decidedOn: '2026-03-01',
  recordedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

const codes = (ctx: ProjectContext, decisions: GreenLight[]) => blockers(ctx, { type: 'COMMIT', decisions, dossier: completeDossier() }).map((b) => b.code);

describe('requiredBody', () => {
  it('follows political sensitivity: low needs the college, high the raad', () => {
    expect(requiredBody(context(), 'COMMIT')).toBe('college');
    expect(requiredBody(context({ politicalSensitivity: 'high' }), 'COMMIT')).toBe('raad');
  });
  it('lets a per-gate override win, for that gate only', () => {
    const ctx = context({ gateBodies: { COMMIT: 'raad' } });
    expect(requiredBody(ctx, 'COMMIT')).toBe('raad');
    expect(requiredBody(ctx, 'ADOPT_PLAN')).toBe('college');
  });
});

describe('blockers of a gated event', () => {
  it('names the missing green light when nothing was decided', () => {
    const [blocker] = blockers(context(), { type: 'COMMIT', decisions: [], dossier: completeDossier() });
    expect(blocker.code).toBe('green-light-missing');
    expect(blocker.message.nl).toContain('college van B&W');
    expect(blocker.message.en).toContain('COMMIT');
  });
  it('is satisfied by an approval of the required body in this cycle', () => {
    expect(codes(context(), [decision()])).toEqual([]);
  });
  it('does not count an approval by the wrong body', () => {
    expect(codes(context(), [decision({ body: 'raad' })])).toEqual(['green-light-wrong-body']);
  });
  it('does not count an approval for another gate or another cycle', () => {
    expect(codes(context(), [decision({ gate: 'ADOPT_PLAN' })])).toEqual(['green-light-missing']);
    expect(codes(context({ cycle: 2 }), [decision({ cycle: 1 })])).toEqual(['green-light-missing']);
  });
  it('never lets a rejection allow anything', () => {
    expect(codes(context(), [decision({ outcome: 'rejected' })])).toEqual(['green-light-rejected']);
  });
  it('lets the latest decision of the body settle the gate', () => {
    const approvedThenRejected = [decision({ id: 'a' }), decision({ id: 'r', outcome: 'rejected', decidedOn: '2026-03-02' })];
    expect(codes(context(), approvedThenRejected)).toEqual(['green-light-rejected']);
    const rejectedThenApproved = [decision({ id: 'r', outcome: 'rejected' }), decision({ id: 'a', recordedAt: '2026-03-01T11:00:00.000Z' })];
    expect(codes(context(), rejectedThenApproved)).toEqual([]);
    expect(decisiveDecision(context(), 'COMMIT', rejectedThenApproved)?.id).toBe('a');
  });
});

describe('blockers of a formal submission', () => {
  it('needs a date and a reference, and no green light', () => {
    expect(blockers(context({ origin: 'initiative' }), { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-02-01' }).map((b) => b.code)).toEqual([
      'submission-incomplete',
    ]);
    expect(blockers(context({ origin: 'initiative' }), { type: 'FORMALLY_SUBMITTED', submittedOn: '2026-02-01', reference: 'Z-1' })).toEqual([]);
  });
});
