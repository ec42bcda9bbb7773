import { applicationRepairMilestone, challengeAssessmentMilestone, unansweredBeforeDecision } from './milestone-rules';

describe('the milestones the rules set', () => {
  it('asks for a challenge to be assessed within the term, due when its last day has passed, reminded a week ahead', () => {
    expect(challengeAssessmentMilestone('2026-11-02', 56)).toEqual({ title: 'Uitdaging beoordelen (uitdaagrecht): uiterlijk maandag 28 december 2026', dueAt: '2026-12-28T23:00:00.000Z', remindDaysBefore: 7 });
  });

  it('asks for an application to be completed within its hersteltermijn (Awb art. 4:5)', () => {
    expect(applicationRepairMilestone('2026-12-15')).toMatchObject({ title: 'Aanvraag laten aanvullen (artikel 4:5 Awb): participatieverslag van de aanvrager uiterlijk dinsdag 15 december 2026', dueAt: '2026-12-15T23:00:00.000Z', remindDaysBefore: 3 });
  });

  it('puts the unanswered zienswijzen before a planned decision, only while any are unanswered', () => {
    expect(unansweredBeforeDecision({ title: 'Raadsvergadering', dueAt: '2027-01-20T18:30:00.000Z' }, 14)).toEqual({ title: 'Zienswijzen beantwoorden vóór: Raadsvergadering', dueAt: '2027-01-20T18:30:00.000Z', remindDaysBefore: 14, onlyIfUnanswered: true });
  });
});
