import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { registerGuide, type GuideDocument } from '../machines/participation-project';
import { loadConfig } from '../src/config/app-config';
import { rulesOf } from '../src/workflow/guide-terms';

const second = registerGuide(parse(readFileSync(join(__dirname, '..', 'guides', 'voorbeeldrijk-2026.yaml'), 'utf8')) as GuideDocument);

describe('the ordinance’s terms: from the guide, the deprecated variables only for the default guide (issue 20)', () => {
  it('takes the terms from the project’s guide', () => {
    const rules = loadConfig({}).rules;
    expect(rulesOf({}, rules)).toMatchObject({ inspraakTermDays: 42, challengeAssessmentDays: 56, mandatoryParticipationActivities: [], mandatoryParticipationDecision: null });
    expect(rulesOf({ guide: second }, rules)).toMatchObject({ inspraakTermDays: 42, challengeAssessmentDays: 70 });
  });

  it('lets a variable still set in the environment win for the default guide, never for another', () => {
    const rules = loadConfig({ CHALLENGE_ASSESSMENT_DAYS: '84', MANDATORY_PARTICIPATION_ACTIVITIES: 'kappen', MANDATORY_PARTICIPATION_DECISION: 'R 2024/1', MANDATORY_PARTICIPATION_SINCE: '2024-07-01' }).rules;
    expect(rules.fromEnvironment).toEqual(['CHALLENGE_ASSESSMENT_DAYS', 'MANDATORY_PARTICIPATION_ACTIVITIES', 'MANDATORY_PARTICIPATION_DECISION', 'MANDATORY_PARTICIPATION_SINCE']);
    expect(rulesOf({}, rules)).toMatchObject({ challengeAssessmentDays: 84, mandatoryParticipationActivities: ['kappen'], mandatoryParticipationDecision: { reference: 'R 2024/1', since: '2024-07-01' } });
    expect(rulesOf({ guide: second }, rules)).toMatchObject({ challengeAssessmentDays: 70, mandatoryParticipationActivities: [], mandatoryParticipationDecision: null });
  });
});
