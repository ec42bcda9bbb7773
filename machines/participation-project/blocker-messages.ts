import { PHASE_NAMES, describeLevel, type InspraakProcedure, type Level, type Phase } from '../interaction/catalogue';
import type { GoverningBody } from './project.types';

/** Stable reason codes: clients may depend on them, so they never change meaning. */
export type BlockerCode =
  | 'green-light-missing'
  | 'green-light-wrong-body'
  | 'green-light-rejected'
  | 'submission-incomplete'
  | 'quick-scan-incomplete'
  | 'justification-required'
  | 'commitment-incomplete'
  | 'evaluation-incomplete'
  | 'plan-incomplete'
  | 'level-not-communicated'
  | 'inspraak-form-missing'
  | 'inspraak-form-interactive'
  | 'inspection-missing'
  | 'inspection-term-running'
  | 'inspection-postal-week-running'
  | 'reactions-unanswered';

export interface LocalisedText {
  nl: string;
  en: string;
}

export interface Blocker {
  code: BlockerCode;
  message: LocalisedText;
  /** What the user has to supply: missing parts or fields, where the code alone does not say. */
  missing?: string[];
}

const BODY_NAMES: Record<GoverningBody, LocalisedText> = {
  college: { nl: 'het college van B&W', en: 'the college (mayor and aldermen)' },
  raad: { nl: 'de gemeenteraad', en: 'the municipal council' },
};

const PROCEDURE_NAMES: Record<InspraakProcedure, LocalisedText> = {
  'awb-3.4': { nl: 'De gekozen inspraakvorm volgt afdeling 3.4 Awb', en: 'The chosen form of inspraak follows afdeling 3.4 Awb' },
  ordinance: { nl: 'De gekozen inspraakvorm volgt de inspraakverordening', en: 'The chosen form of inspraak follows the inspraak ordinance' },
  'college-procedure': { nl: 'De gekozen inspraakvorm volgt de procedure die het college heeft vastgesteld', en: 'The chosen form of inspraak follows the procedure the college set' },
};

/** All blocker sentences, in both languages, in one place. */
export const BLOCKER_MESSAGES = {
  'green-light-missing': (body: GoverningBody, gate: string): LocalisedText => ({
    nl: `Er is nog geen groen licht van ${BODY_NAMES[body].nl} vastgelegd voor de stap ${gate} in deze cyclus.`,
    en: `No green light of ${BODY_NAMES[body].en} has been recorded for ${gate} in this cycle.`,
  }),
  'green-light-wrong-body': (body: GoverningBody, gate: string): LocalisedText => ({
    nl: `Het groen licht voor ${gate} is gegeven door het verkeerde orgaan; deze stap vraagt een besluit van ${BODY_NAMES[body].nl}.`,
    en: `The green light for ${gate} came from the wrong body; this step needs a decision of ${BODY_NAMES[body].en}.`,
  }),
  'green-light-rejected': (body: GoverningBody, gate: string): LocalisedText => ({
    nl: `${capitalise(BODY_NAMES[body].nl)} heeft de stap ${gate} afgewezen; een nieuw besluit is nodig.`,
    en: `${capitalise(BODY_NAMES[body].en)} rejected ${gate}; a new decision is needed.`,
  }),
  'submission-incomplete': (): LocalisedText => ({
    nl: 'Een formele indiening vraagt een datum van indiening en een kenmerk.',
    en: 'A formal submission needs the date it was submitted and a reference.',
  }),
  'quick-scan-incomplete': (missing: string[]): LocalisedText => ({
    nl: `De quick scan is nog niet volledig ingevuld (ontbreekt: ${missing.join(', ')}).`,
    en: `The quick scan is not complete yet (missing: ${missing.join(', ')}).`,
  }),
  'justification-required': (advice: 'interactive' | 'not-interactive'): LocalisedText =>
    advice === 'not-interactive'
      ? {
          nl: 'De quick scan adviseert geen interactieve aanpak; het besluit om toch interactief te werken vraagt een schriftelijke onderbouwing.',
          en: 'The quick scan advises against an interactive approach; a decision to go ahead needs a written justification.',
        }
      : {
          nl: 'De quick scan adviseert een interactieve aanpak; het besluit om dat niet te doen vraagt een schriftelijke onderbouwing.',
          en: 'The quick scan advises an interactive approach; a decision not to take it needs a written justification.',
        },
  'evaluation-incomplete': (missing: string[]): LocalisedText => ({
    nl: `De evaluatie is nog niet af: per doel van het plan of het is bereikt, en hoe de deelnemers het proces beoordelen (ontbreekt: ${missing.join(', ')}).`,
    en: `The evaluation is not complete: for each goal of the plan whether it was achieved, and how participants judged the process (missing: ${missing.join(', ')}).`,
  }),
  'commitment-incomplete': (missing: string[]): LocalisedText => ({
    nl: `Het formeel commitment is nog niet vastgelegd: waar de aanpak is beschreven (projectplan, plan van aanpak of B&W-voorstel, met kenmerk) en de procesafspraken met de actoren (ontbreekt: ${missing.join(', ')}).`,
    en: `The formal commitment is not recorded: where the approach is laid down (project plan, plan of approach or B&W proposal, with reference) and the process agreements with the actors (missing: ${missing.join(', ')}).`,
  }),
  'plan-incomplete': (missing: string[]): LocalisedText => ({
    nl: `Het plan van aanpak is nog niet compleet; ontbrekende onderdelen: ${missing.join(', ')}.`,
    en: `The plan of approach is incomplete; missing parts: ${missing.join(', ')}.`,
  }),
  'level-not-communicated': (phase: Phase, level: Level): LocalisedText => ({
    nl: `De deelnemers zijn nog niet gewezen op het interactieniveau van de fase ${PHASE_NAMES[phase].nl} (${describeLevel(level).name.nl}) en wat dat betekent.`,
    en: `Participants have not been told the interaction level of the ${PHASE_NAMES[phase].en} phase (${describeLevel(level).name.en}) and what it means.`,
  }),
  'inspraak-form-missing': (): LocalisedText => ({
    nl: 'Leg in de quick scan vast of inspraak wettelijk verplicht is en welke inspraakvorm geldt (§1.4). Zonder interactie komt er geen plan van aanpak dat dit regelt.',
    en: 'Record in the quick scan whether inspraak is legally required and which form applies (§1.4). Without interaction no plan of approach will settle it.',
  }),
  'inspraak-form-interactive': (): LocalisedText => ({
    nl: 'Inspraakvorm a is interactieve beleidsvorming (§1.4); die past niet bij het besluit om niet interactief te werken. Kies vorm b, c of d, of e of f als inspraak wettelijk verplicht is.',
    en: 'Inspraak form a is interactive policy-making (§1.4); it does not fit a decision not to work interactively. Choose form b, c or d, or e or f where inspraak is legally required.',
  }),
  'inspection-missing': (procedure: InspraakProcedure): LocalisedText => ({
    nl: `${PROCEDURE_NAMES[procedure].nl}: het ontwerp moet eerst ter inzage hebben gelegen.`,
    en: `${PROCEDURE_NAMES[procedure].en}: the draft must first lie open for reactions.`,
  }),
  'inspection-term-running': (endsOn: string): LocalisedText => ({
    nl: `De termijn voor zienswijzen loopt nog, tot en met ${endsOn}.`,
    en: `The term for reactions is still running, until and including ${endsOn}.`,
  }),
  'inspection-postal-week-running': (until: string): LocalisedText => ({
    nl: `Een zienswijze die binnen de termijn op de post is gedaan, telt mee als hij uiterlijk ${until} binnenkomt (artikel 6:9 lid 2 en 3:16 lid 3 Awb). Wacht tot na die dag.`,
    en: `A reaction posted within the term still counts if it arrives by ${until} (Awb art. 6:9(2) with 3:16(3)). Wait until after that day.`,
  }),
  'reactions-unanswered': (count: number): LocalisedText => ({
    nl: `${count} zienswijze(n) zijn nog niet beantwoord.`,
    en: `${count} reaction(s) have not been answered yet.`,
  }),
} satisfies Record<BlockerCode, (...args: never[]) => LocalisedText>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
