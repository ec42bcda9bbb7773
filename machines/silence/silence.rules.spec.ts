import { daysSilent, escalate, NO_SILENCE, restartSilence, rewindow, silenceCounted, silenceDeadline, silenceRecipients, silenceStatus, silenceStatusBounds } from './silence.rules';

const DAY = 86_400_000;

describe('silence rules', () => {
  it('counts silence from formal commitment through the policy cycle only', () => {
    expect(['intake', 'quickScan', 'closed', 'stopped'].map((state) => silenceCounted(state))).toEqual([false, false, false, false]);
    expect(['formalCommitment', 'planOfApproach', 'policyCycle.preparation.advice', 'policyCycle.evaluation'].map((state) => silenceCounted(state))).toEqual([true, true, true, true]);
  });

  it('counts no silence in a phase planned at level none, unless the owner switched counting on (§1.3)', () => {
    expect(silenceCounted('policyCycle.preparation.advice', 'none')).toBe(false);
    expect(silenceCounted('policyCycle.preparation.advice', 'none', true)).toBe(true);
    expect(silenceCounted('policyCycle.execution', 'inform')).toBe(true);
    expect(silenceCounted('policyCycle.execution', 'co-decide')).toBe(true);
    expect(silenceCounted('closed', 'inform', true)).toBe(false);
    expect(silenceCounted('quickScan', undefined, true)).toBe(false);
  });

  it('puts the first deadline one window after the silence began, and each escalation a window later', () => {
    const clock = restartSilence(true, '2026-03-01T09:00:00.000Z', 14, DAY);
    expect(clock).toEqual({ since: '2026-03-01T09:00:00.000Z', allowedUntil: '2026-03-15T09:00:00.000Z', level: 0, deadline: '2026-03-15T09:00:00.000Z' });
    const second = escalate(clock, 14, DAY, new Date('2026-03-15T09:00:00.000Z'));
    expect(second).toEqual({ since: clock.since, allowedUntil: '2026-03-15T09:00:00.000Z', level: 1, deadline: '2026-03-29T09:00:00.000Z' });
    expect(escalate(second, 14, DAY, new Date('2026-03-29T09:00:00.000Z')).deadline).toBe('2026-04-12T09:00:00.000Z');
  });

  it('collapses the escalations missed while reminders could not run into one, the next falling ahead of now', () => {
    const clock = restartSilence(true, '2026-03-01T09:00:00.000Z', 14, DAY);
    // The first reminder went out only on 30 April (Redis was away for weeks): one more window from then, not four due at once.
    const late = escalate(clock, 14, DAY, new Date('2026-04-30T09:00:00.000Z'));
    expect(late).toEqual({ since: clock.since, allowedUntil: '2026-03-15T09:00:00.000Z', level: 1, deadline: '2026-05-10T09:00:00.000Z' });
  });

  it('has no deadline with a window of 0 or outside the counted states', () => {
    expect(silenceDeadline('2026-03-01T00:00:00.000Z', 0, 0, DAY)).toBeNull();
    expect(restartSilence(true, '2026-03-01T00:00:00.000Z', 0, DAY).deadline).toBeNull();
    expect(restartSilence(false, '2026-03-01T00:00:00.000Z', 14, DAY)).toEqual(NO_SILENCE);
    expect(escalate(NO_SILENCE, 14, DAY, new Date('2026-03-15T09:00:00.000Z'))).toEqual(NO_SILENCE);
  });

  it('reports ok, due-soon within three days, and overdue from the end of the allowed silence', () => {
    const allowedUntil = '2026-03-15T09:00:00.000Z';
    expect(silenceStatus(allowedUntil, new Date('2026-03-11T09:00:00.000Z'), DAY)).toBe('ok');
    expect(silenceStatus(allowedUntil, new Date('2026-03-12T09:00:00.000Z'), DAY)).toBe('due-soon');
    expect(silenceStatus(allowedUntil, new Date('2026-03-15T09:00:00.000Z'), DAY)).toBe('overdue');
    expect(silenceStatus(null, new Date('2026-03-15T09:00:00.000Z'), DAY)).toBeNull();
  });

  it('stays overdue after reminders went out, until someone communicates', () => {
    const clock = restartSilence(true, '2026-03-01T09:00:00.000Z', 14, DAY);
    const afterTwoReminders = escalate(escalate(clock, 14, DAY, new Date('2026-03-15T09:00:00.000Z')), 14, DAY, new Date('2026-03-29T09:00:00.000Z'));
    // The next reminder is weeks away, yet the project has been silent too long since 15 March.
    expect(afterTwoReminders.deadline).toBe('2026-04-12T09:00:00.000Z');
    expect(silenceStatus(afterTwoReminders.allowedUntil, new Date('2026-03-20T09:00:00.000Z'), DAY)).toBe('overdue');
    const communicated = restartSilence(true, '2026-03-20T09:00:00.000Z', 14, DAY);
    expect(silenceStatus(communicated.allowedUntil, new Date('2026-03-20T09:00:00.000Z'), DAY)).toBe('ok');
  });

  it('moves the allowed silence and the next reminder with a new window, keeping the reminders sent', () => {
    const sentOne = escalate(restartSilence(true, '2026-03-01T09:00:00.000Z', 14, DAY), 14, DAY, new Date('2026-03-15T09:00:00.000Z'));
    expect(rewindow(sentOne, 7, DAY)).toEqual({ since: '2026-03-01T09:00:00.000Z', allowedUntil: '2026-03-08T09:00:00.000Z', level: 1, deadline: '2026-03-15T09:00:00.000Z' });
    expect(rewindow(NO_SILENCE, 7, DAY)).toEqual(NO_SILENCE);
  });

  it('counts whole days of silence', () => {
    expect(daysSilent('2026-03-01T09:00:00.000Z', new Date('2026-03-15T10:00:00.000Z'), DAY)).toBe(14);
  });

  it('gives the database the same statuses as ranges of deadlines (the dashboard filters on them)', () => {
    const now = new Date('2026-11-28T12:00:00.000Z');
    const { overdueUntil, dueSoonUntil } = silenceStatusBounds(now, DAY);
    const byRange = (allowedUntil: string | null) => (allowedUntil === null ? null : allowedUntil > dueSoonUntil ? 'ok' : allowedUntil <= overdueUntil ? 'overdue' : 'due-soon');
    for (const hours of [-48, -1, 0, 1, 71, 72, 73, 24 * 30]) {
      const deadline = new Date(now.getTime() + hours * 3_600_000).toISOString();
      expect([hours, byRange(deadline)]).toEqual([hours, silenceStatus(deadline, now, DAY)]);
    }
    expect(byRange(null)).toBe(silenceStatus(null, now, DAY));
  });
});

describe('silenceRecipients', () => {
  it('sends the first reminder to the process manager, escalations also to the commissioning administrator', () => {
    expect(silenceRecipients(1, { owner: 'pm@gemeente.nl', administrator: 'wethouder@gemeente.nl' })).toEqual(['pm@gemeente.nl']);
    expect(silenceRecipients(2, { owner: 'pm@gemeente.nl', administrator: 'wethouder@gemeente.nl' })).toEqual(['pm@gemeente.nl', 'wethouder@gemeente.nl']);
    expect(silenceRecipients(3, { owner: null, administrator: null })).toEqual([]);
    // A guide may escalate later (or at once): issue 20.
    expect(silenceRecipients(2, { owner: 'pm@gemeente.nl', administrator: 'wethouder@gemeente.nl' }, 3)).toEqual(['pm@gemeente.nl']);
    expect(silenceRecipients(1, { owner: 'pm@gemeente.nl', administrator: 'wethouder@gemeente.nl' }, 1)).toEqual(['pm@gemeente.nl', 'wethouder@gemeente.nl']);
  });
});
