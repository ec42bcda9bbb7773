import { stateStay, staysOf } from './state-stays';

describe('the stays insight counts', () => {
  it('ends a stay at each step, from creation or the step before, and counts the wait for the green light from entering', () => {
    const stays = staysOf('p', [
      { seq: 1, occurredAt: '2026-01-01T09:00:00.000Z', type: 'project-created', payload: { state: 'intake' } },
      { seq: 2, occurredAt: '2026-01-11T09:00:00.000Z', type: 'submission-recorded', payload: { event: 'FORMALLY_SUBMITTED', to: 'quickScan' } },
      { seq: 5, occurredAt: '2026-01-21T09:00:00.000Z', type: 'transition', payload: { event: 'START_INTERACTIVE', to: 'formalCommitment', greenLight: { body: 'college', decidedOn: '2026-01-16' } } },
    ]);
    expect(stays.map((s) => [s.seq, s.state, s.days, s.greenLightBody, s.waitDays])).toEqual([
      [2, 'intake', 10, null, null],
      [5, 'quickScan', 10, 'college', 5.125],
    ]);
  });

  it('dates a stay by the Dutch year it ended in, and never waits less than nothing', () => {
    // 23:30 UTC on 31 December is already 1 January in the Netherlands.
    const stay = stateStay({ projectId: 'p', seq: 3, state: 'quickScan', enteredAt: '2026-12-20T10:00:00.000Z', leftAt: '2026-12-31T23:30:00.000Z', event: 'COMMIT', greenLight: { body: 'raad', decidedOn: '2026-12-01' } });
    expect([stay.leftYear, stay.waitDays]).toEqual([2027, 0]);
  });
});
