import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dutchDay } from '../machines/calendar/dutch-day';
import { describeEachDatabase } from './support/databases';
import { verifyOffline } from './support/offline-verifier';
import { useRunningService } from './support/project-client';

type Step = { event: string; to: string };
type GuideStep = { id: string; transitions?: Step[]; steps?: GuideStep[] } & Record<string, unknown>;

/** Version 1: the second guide under another name. */
const v1 = { ...(parse(readFileSync(join(__dirname, '..', 'guides', 'voorbeeldrijk-2026.yaml'), 'utf8')) as Record<string, unknown>), id: 'testrijk-2027', municipality: 'Testrijk' };

/** Version 2 adds a commitment step before the plan, renames the plan and the draft's step, and gives the plan to the raad. */
function version2() {
  const guide = structuredClone(v1) as typeof v1 & { steps: GuideStep[]; gates: Record<string, unknown> };
  const rename = (step: GuideStep): GuideStep => ({
    ...step,
    id: step.id === 'planOfApproach' ? 'participationPlan' : step.id === 'advice' ? 'inspraak' : step.id,
    ...(step.transitions && { transitions: step.transitions.map((t) => ({ ...t, to: t.to === 'planOfApproach' ? 'participationPlan' : t.to === 'advice' ? 'inspraak' : t.to })) }),
    ...(step.steps && { steps: step.steps.map(rename) }),
  });
  guide.steps = guide.steps.map(rename);
  guide.steps[1].transitions = guide.steps[1].transitions!.map((t) => (t.event === 'START_INTERACTIVE' ? { ...t, to: 'formalCommitment' } : t));
  guide.steps.splice(2, 0, {
    id: 'formalCommitment',
    label: { nl: 'Formeel commitment', en: 'Formal commitment' },
    countsSilence: true,
    transitions: [{ event: 'COMMIT', to: 'participationPlan' }, { event: 'STOP', to: 'stopped' }],
  });
  guide.gates = { ...guide.gates, COMMIT: { body: 'college', rules: { 'commitment-complete': {} } }, ADOPT_PLAN: { ...(guide.gates.ADOPT_PLAN as object), body: 'raad' } };
  return { ...guide, version: 2 };
}

/** The routes to each starting state, and where version 2 puts a project there (null: refused, with its code). */
const GROUPS: Array<{ name: string; count: number; route: Array<[string, 'college' | 'raad']>; expected: { outcome: 'would-move'; stateAfter: string } | { outcome: 'refused'; code: string } }> = [
  { name: 'quick scan', count: 10, route: [], expected: { outcome: 'would-move', stateAfter: 'quickScan' } },
  { name: 'plan', count: 10, route: [['START_INTERACTIVE', 'college']], expected: { outcome: 'would-move', stateAfter: 'participationPlan' } },
  { name: 'frame', count: 10, route: [['START_INTERACTIVE', 'college'], ['ADOPT_PLAN', 'college']], expected: { outcome: 'would-move', stateAfter: 'policyCycle.preparation.problemDefinition' } },
  { name: 'draft', count: 5, route: [['DECIDE_NON_INTERACTIVE', 'college']], expected: { outcome: 'refused', code: 'no-mapping' } },
  { name: 'decision', count: 5, route: [['DECIDE_NON_INTERACTIVE', 'college'], ['ADVICE_SUBMITTED', 'college']], expected: { outcome: 'would-move', stateAfter: 'policyCycle.decisionMaking' } },
  { name: 'stopped', count: 5, route: [['STOP', 'college']], expected: { outcome: 'refused', code: 'not-running' } },
  { name: 'execution', count: 5, route: [['DECIDE_NON_INTERACTIVE', 'college'], ['ADVICE_SUBMITTED', 'college'], ['DECISION_TAKEN', 'college']], expected: { outcome: 'would-move', stateAfter: 'policyCycle.execution' } },
];

describeEachDatabase('moving running projects to a new guide version', (createDatabase) => {
  const service = useRunningService(createDatabase);

  it('reports 50 projects in a dry run, moves those that map under a decision, refuses the others unchanged, and does nothing the second time', async () => {
    const admin = service.api.as(await service.t.token('admin'));
    expect((await admin.post('/api/guides', v1)).status).toBe(201);
    const projects: Array<{ id: string; group: (typeof GROUPS)[number] }> = [];
    for (const group of GROUPS) {
      for (let i = 0; i < group.count; i++) {
        const { body } = await service.api.create({ title: `${group.name} ${i + 1}`, origin: 'municipality', politicalSensitivity: 'low', guide: 'testrijk-2027' });
        for (const [event, body_] of group.route) await service.api.step(body.id, event, body_);
        projects.push({ id: body.id, group });
      }
    }
    expect(projects).toHaveLength(50);
    // Three projects in the plan have their green light to adopt it from the college: version 2 asks the raad.
    const withGreenLight = projects.filter((p) => p.group.name === 'plan').slice(0, 3);
    for (const { id } of withGreenLight) expect((await service.api.decide(id, 'ADOPT_PLAN', 'college')).status).toBe(201);

    const published = await admin.post('/api/guides/testrijk-2027/versions', version2());
    expect(published.status).toBe(201);
    // Publishing moves nothing.
    expect((await service.api.get(projects[0].id)).body.guide.version).toBe(1);

    const trailLength = async (id: string) => ((await service.api.audit(id)).body as unknown[]).length;
    const before = new Map<string, { version: number; state: string; entries: number }>();
    for (const { id } of projects) {
      const { body } = await service.api.get(id);
      before.set(id, { version: body.version, state: body.state, entries: await trailLength(id) });
    }

    const stateMap = { planOfApproach: 'participationPlan' };
    const dry = await service.api.as(service.api.manager).post('/api/guides/testrijk-2027/versions/2/migrations', { dryRun: true, stateMap });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ guide: { id: 'testrijk-2027', version: 2, sha256: published.body.sha256 }, dryRun: true });
    expect(dry.body.projects).toHaveLength(50);
    for (const { id, group } of projects) {
      const row = dry.body.projects.find((r: { projectId: string }) => r.projectId === id);
      expect({ name: group.name, ...row }).toMatchObject({ name: group.name, stateBefore: before.get(id)!.state, ...group.expected });
    }
    // What would then block: a project in the quick scan would next wait for its scan and the college's green light to start.
    const inScan = dry.body.projects.find((r: { projectId: string }) => r.projectId === projects[0].id);
    expect(inScan.nextSteps.find((s: { event: string }) => s.event === 'START_INTERACTIVE')).toMatchObject({ requiredBody: 'college', blockers: expect.arrayContaining([expect.objectContaining({ code: 'green-light-missing' }), expect.objectContaining({ code: 'quick-scan-incomplete' })]) });
    for (const { id } of withGreenLight) {
      expect(dry.body.projects.find((r: { projectId: string }) => r.projectId === id).lapsedGreenLights).toEqual([expect.objectContaining({ gate: 'ADOPT_PLAN', body: 'college', nowRequired: 'raad' })]);
    }
    // A dry run changes nothing.
    for (const { id } of projects) expect((await service.api.get(id)).body.version).toBe(before.get(id)!.version);

    const withoutDecision = await service.api.as(service.api.collegeSecretary).post('/api/guides/testrijk-2027/versions/2/migrations', { stateMap });
    expect(withoutDecision.body.code).toBe('migration-decision-required');
    const badMap = await service.api.as(service.api.manager).post('/api/guides/testrijk-2027/versions/2/migrations', { dryRun: true, stateMap: { nowhere: 'inspraak', advice: 'elsewhere' } });
    expect(badMap.status).toBe(422);
    expect(badMap.body.errors.map((e: { path: string }) => e.path)).toEqual(['stateMap.nowhere', 'stateMap.advice']);
    const decision = { body: 'college', decidedOn: dutchDay(new Date()), reference: 'B&W 2027/18' };
    expect((await service.api.as(service.api.councilClerk).post('/api/guides/testrijk-2027/versions/2/migrations', { stateMap, decision })).status).toBe(403);

    const run = await service.api.as(service.api.collegeSecretary).post('/api/guides/testrijk-2027/versions/2/migrations', { stateMap, decision });
    expect(run.status).toBe(200);
    const auditor = service.api.as(await service.t.token('auditor'));
    for (const { id, group } of projects) {
      const row = run.body.projects.find((r: { projectId: string }) => r.projectId === id);
      const { body: project } = await service.api.get(id);
      const trail = (await service.api.audit(id)).body as Array<{ type: string; payload: Record<string, unknown>; actor: { role: string } }>;
      if (group.expected.outcome === 'would-move') {
        expect(row).toMatchObject({ outcome: 'moved', stateAfter: group.expected.stateAfter });
        expect(project).toMatchObject({ state: group.expected.stateAfter, guide: { version: 2, sha256: published.body.sha256 } });
        expect(trail).toHaveLength(before.get(id)!.entries + 1);
        expect(trail.at(-1)).toMatchObject({
          type: 'guide-migrated',
          actor: { role: 'college-secretary' },
          payload: { from: { id: 'testrijk-2027', version: 1, sha256: dry.body.projects.find((r: { projectId: string }) => r.projectId === id).from.sha256 }, to: { version: 2, sha256: published.body.sha256 }, decision, stateBefore: before.get(id)!.state, stateAfter: group.expected.stateAfter },
        });
      } else {
        expect(row).toMatchObject({ outcome: 'refused', code: group.expected.code, message: expect.any(String), messageNl: expect.any(String) });
        expect(project).toMatchObject({ version: before.get(id)!.version, state: before.get(id)!.state, guide: { version: 1 } });
        expect(trail).toHaveLength(before.get(id)!.entries);
      }
      expect((await auditor.get(`/api/projects/${id}/audit/verify`)).body.valid).toBe(true);
    }
    for (const { id } of withGreenLight) {
      const trail = (await service.api.audit(id)).body as Array<{ payload: Record<string, unknown> }>;
      expect(trail.at(-1)!.payload.lapsedGreenLights).toEqual([expect.objectContaining({ gate: 'ADOPT_PLAN', nowRequired: 'raad' })]);
      // The college's green light no longer adopts the plan: the raad's is needed.
      const view = (await service.api.get(id)).body;
      expect(view.nextSteps).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'ADOPT_PLAN', requiredBody: 'raad' })]));
    }

    // The export of a moved project carries both versions, each checked offline against the trail.
    const moved = projects.find((p) => p.group.name === 'frame')!;
    const { body: exported } = await auditor.get(`/api/projects/${moved.id}/audit/export`);
    expect(exported.guides.map((g: { version: number }) => g.version).sort()).toEqual([1, 2]);
    expect((await verifyOffline(exported)).code).toBe(0);

    const second = await service.api.as(service.api.collegeSecretary).post('/api/guides/testrijk-2027/versions/2/migrations', { stateMap, decision });
    expect(second.body.projects.filter((r: { outcome: string }) => r.outcome === 'moved')).toEqual([]);
    for (const { id } of projects) {
      const entries = await trailLength(id);
      const moved = run.body.projects.find((r: { projectId: string }) => r.projectId === id).outcome === 'moved';
      expect(entries).toBe(before.get(id)!.entries + (moved ? 1 : 0));
    }
  });
});
