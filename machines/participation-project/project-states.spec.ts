import { SILENCE_COUNTED } from './project.machine';
import { tagsOf } from './project-snapshot';
import { lifeCycleStages } from './project-states';

describe('lifeCycleStages', () => {
  it('marks the stages left as done, the current one, and those ahead', () => {
    const stages = lifeCycleStages('policyCycle.decisionMaking', 'municipality', ['quickScan', 'formalCommitment', 'planOfApproach', 'policyCycle.preparation.problemDefinition', 'policyCycle.preparation.advice']);
    expect(stages.map((s) => `${s.key}:${s.status}`)).toEqual([
      'quickScan:done',
      'formalCommitment:done',
      'planOfApproach:done',
      'policyCycle.preparation:done',
      'policyCycle.decisionMaking:current',
      'policyCycle.execution:upcoming',
      'policyCycle.evaluation:upcoming',
      'closed:upcoming',
    ]);
  });

  it('shows the stages a route went past as skipped, intake only for an initiative, and the end reached', () => {
    const skipped = lifeCycleStages('policyCycle.preparation.advice', 'municipality', ['quickScan']);
    expect(skipped.filter((s) => s.status === 'skipped').map((s) => s.key)).toEqual(['formalCommitment', 'planOfApproach']);
    expect(lifeCycleStages('quickScan', 'initiative', ['intake'])[0]).toEqual({ key: 'intake', status: 'done' });
    expect(lifeCycleStages('stopped', 'municipality', ['quickScan']).at(-1)).toEqual({ key: 'stopped', status: 'current' });
  });
});

describe('tagsOf', () => {
  it('carries the tags of a state and of the states it lies in', () => {
    expect(tagsOf('policyCycle.preparation.advice').has(SILENCE_COUNTED)).toBe(true);
    expect(tagsOf('quickScan').has(SILENCE_COUNTED)).toBe(false);
  });
});
