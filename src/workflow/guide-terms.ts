import { DEFAULT_GUIDE_ID, guideOf, type ProjectContext } from '../../machines/participation-project';
import type { AppConfig } from '../config/app-config';

type Rules = AppConfig['rules'];

/**
 * The rules of the municipality's ordinance as the project's guide fixes them (issue 20): the
 * inspraak term, the uitdaagrecht's assessment term, the activities with mandatory participation.
 * For the default guide a variable still set in the environment wins, for one release (deprecated;
 * the start-up log names the guide field that replaces it).
 */
export function rulesOf(context: Pick<ProjectContext, 'guide'>, rules: Rules): Rules {
  const guide = guideOf(context);
  const env = (name: Rules['fromEnvironment'][number]) => guide.id === DEFAULT_GUIDE_ID && rules.fromEnvironment.includes(name);
  const decisionFromEnv = env('MANDATORY_PARTICIPATION_ACTIVITIES') || env('MANDATORY_PARTICIPATION_DECISION');
  return {
    ...rules,
    inspraakTermDays: env('INSPRAAK_TERM_DAYS') ? rules.inspraakTermDays : guide.inspraak.termDays,
    challengeAssessmentDays: env('CHALLENGE_ASSESSMENT_DAYS') ? rules.challengeAssessmentDays : guide.uitdaagrecht.assessmentTermDays,
    mandatoryParticipationActivities: env('MANDATORY_PARTICIPATION_ACTIVITIES') ? rules.mandatoryParticipationActivities : guide.mandatoryParticipation.activities,
    mandatoryParticipationDecision: decisionFromEnv ? rules.mandatoryParticipationDecision : (guide.mandatoryParticipation.decision ?? null),
  };
}
