import { GOAL_NAMES, INFLUENCE_ASPECT_NAMES, type Goal, type InfluenceAspect, type Text } from '../interaction/catalogue';
import type { GateRuleName } from './gate-rules';
import type { ProjectEventType } from './project.types';

/** Every step in words, in both languages: a code is for machines, never for a sentence. */
export const EVENT_NAMES: Record<ProjectEventType, Text> = {
  FORMALLY_SUBMITTED: { nl: 'Formeel ingediend', en: 'Formally submitted' },
  START_INTERACTIVE: { nl: 'Interactief starten', en: 'Start interactively' },
  DECIDE_NON_INTERACTIVE: { nl: 'Niet interactief werken', en: 'Do not work interactively' },
  COMMIT: { nl: 'Commitment vastleggen', en: 'Record the commitment' },
  ADOPT_PLAN: { nl: 'Plan van aanpak vaststellen', en: 'Adopt the plan of approach' },
  PROBLEM_DEFINED: { nl: 'Probleem gedefinieerd', en: 'Problem defined' },
  SOLUTIONS_CHOSEN: { nl: 'Oplossingsrichting gekozen', en: 'Solution chosen' },
  ADVICE_SUBMITTED: { nl: 'Advies voorgelegd', en: 'Advice submitted' },
  DECISION_TAKEN: { nl: 'Besluit genomen', en: 'Decision taken' },
  EXECUTION_COMPLETED: { nl: 'Uitvoering afgerond', en: 'Execution completed' },
  START_NEW_CYCLE: { nl: 'Nieuwe beleidscyclus starten', en: 'Start a new policy cycle' },
  CLOSE: { nl: 'Project afsluiten', en: 'Close the project' },
  STOP: { nl: 'Project stoppen', en: 'Stop the project' },
};

/** What a `missing` key means, for the sentences that name what still has to be filled in. */
const FIELD_NAMES: Record<string, Text> = {
  roomForInfluence: { nl: 'beïnvloedingsruimte', en: 'room for influence' },
  'commitment.administrative': { nl: 'bestuurlijk commitment', en: 'administrative commitment' },
  'commitment.political': { nl: 'politiek commitment', en: 'political commitment' },
  willingness: { nl: 'bereidheid van de deelnemers', en: 'willingness of the participants' },
  addedValue: { nl: 'meerwaarde van interactie', en: 'added value of interaction' },
  'organisation.money': { nl: 'geld', en: 'money' },
  'organisation.capacity': { nl: 'capaciteit', en: 'capacity' },
  'organisation.expertise': { nl: 'deskundigheid en ervaring', en: 'expertise and experience' },
  'organisation.time': { nl: 'tijd', en: 'time' },
  participants: { nl: 'wie aan de quickscan hebben meegedaan', en: 'who took part in the quick scan' },
  'inspraak.legallyRequired': { nl: 'of inspraak wettelijk verplicht is', en: 'whether inspraak is legally required' },
  'inspraak.form': { nl: 'de inspraakvorm', en: 'the form of inspraak' },
  laidDownIn: { nl: 'waar de aanpak is vastgelegd', en: 'where the approach is laid down' },
  reference: { nl: 'kenmerk', en: 'reference' },
  processAgreements: { nl: 'procesafspraken', en: 'process agreements' },
  targetGroups: { nl: '1. doelgroepen', en: '1. target groups' },
  goals: { nl: '2. doelen', en: '2. goals' },
  levels: { nl: '3. interactieniveau per fase', en: '3. level per phase' },
  scope: { nl: '4. afbakening', en: '4. scope' },
  opportunitiesAndThreats: { nl: '5. kansen en bedreigingen', en: '5. opportunities and threats' },
  approach: { nl: '6. aanpak', en: '6. approach' },
  process: { nl: '7. tijdpad en besluitvorming', en: '7. timeline and decision-making' },
  adviceWeight: { nl: 'weging van het advies', en: 'weight of the advice' },
  frames: { nl: 'kaders', en: 'frames' },
  inspraak: { nl: 'inspraak', en: 'inspraak' },
  participantsJudgement: { nl: 'het oordeel van de deelnemers', en: 'the participants’ judgement' },
  tookPlace: { nl: 'dat participatie heeft plaatsgevonden', en: 'that participation took place' },
  how: { nl: 'hoe', en: 'how' },
  results: { nl: 'wat het heeft opgeleverd', en: 'what it yielded' },
};

/** The missing keys as words, joined for a sentence: "geld, tijd en procesafspraken". */
export function fieldNames(keys: readonly string[], lang: 'nl' | 'en'): string {
  const words = keys.map((key) => {
    if (key.startsWith('influenceAspects.')) return (INFLUENCE_ASPECT_NAMES[key.slice('influenceAspects.'.length) as InfluenceAspect]?.[lang] ?? key).toLowerCase();
    if (key.startsWith('goals.')) {
      const goal = key.slice('goals.'.length);
      const name = GOAL_NAMES[goal as Goal]?.[lang] ?? goal;
      return lang === 'nl' ? `oordeel over het doel "${name}"` : `verdict on the goal "${name}"`;
    }
    return FIELD_NAMES[key]?.[lang] ?? key;
  });
  const and = lang === 'nl' ? ' en ' : ' and ';
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')}${and}${words.at(-1)}`;
}

/** The rules a guide may set before a gate (gate-rules.ts), in words. */
export const GATE_RULE_TEXTS: Record<GateRuleName, Text> = {
  'challenge-assessed': { nl: 'bij een uitdaging: de beoordeling, en alleen als die gehonoreerd is', en: 'for a challenge: its assessment, honoured' },
  'challenge-agreement': { nl: 'bij een gehonoreerde uitdaging: de overeenkomst', en: 'for an honoured challenge: the agreement' },
  'challenger-informed': { nl: 'bij een niet gehonoreerde uitdaging: de uitdager is geïnformeerd', en: 'for a challenge not honoured: the challenger informed' },
  'applicant-account': { nl: 'waar participatie verplicht is: het participatieverslag van de aanvrager', en: 'where participation is mandatory: the applicant’s account' },
  'quick-scan-complete': { nl: 'de quickscan is af; tegen het advies in met een motivering', en: 'the quick scan complete; against its advice with reasons' },
  'inspraak-settled': { nl: 'de inspraakvorm is gekozen en niet interactief', en: 'the form of inspraak chosen, not interactive' },
  'evaluation-written': { nl: 'de evaluatie is af', en: 'the evaluation written' },
  'commitment-complete': { nl: 'het commitment is vastgelegd', en: 'the commitment recorded' },
  'plan-complete': { nl: 'het plan van aanpak is compleet', en: 'the plan of approach complete' },
  'inspection-ended': { nl: 'de terinzagelegging is voorbij en alle zienswijzen zijn beantwoord', en: 'the inspection over and every zienswijze answered' },
  'level-communicated': { nl: 'de deelnemers kennen het interactieniveau van de fase', en: 'participants know the level of the phase' },
};
