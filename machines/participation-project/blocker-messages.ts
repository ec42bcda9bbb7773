import { PHASE_NAMES, describeLevel, type InspraakProcedure, type Level, type Phase, type Text } from '../interaction/catalogue';
import { longDay } from '../calendar/dutch-day';
import type { TooEarly } from './chronology';
import type { GatedEventType, GoverningBody } from './project.types';
import { EVENT_NAMES, fieldNames } from './vocabulary';

/** Stable reason codes: clients may depend on them, so they never change meaning. */
export type BlockerCode =
  | 'green-light-missing'
  | 'green-light-wrong-body'
  | 'green-light-rejected'
  | 'green-light-deferred'
  | 'green-light-too-early'
  | 'submission-incomplete'
  | 'participation-account-missing'
  | 'challenge-assessment-missing'
  | 'challenge-not-honoured'
  | 'challenge-agreement-missing'
  | 'challenger-not-informed'
  | 'raad-not-informed'
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
  /** The day of the decision a blocker is about (a rejection, a deferral), YYYY-MM-DD. */
  on?: string;
  /** That decision's reason, as the body gave it. */
  reason?: string;
}

/** The decision of each body by its own name: a collegebesluit, a raadsbesluit. */
const DECISION_OF: Record<GoverningBody, LocalisedText> = {
  college: { nl: 'collegebesluit', en: 'decision of the college' },
  raad: { nl: 'raadsbesluit', en: 'decision of the council' },
};
const BODY_NAMES: Record<GoverningBody, LocalisedText> = {
  college: { nl: 'het college', en: 'the college' },
  raad: { nl: 'de gemeenteraad', en: 'the council' },
};
const PROCEDURE_NAMES: Record<InspraakProcedure, LocalisedText> = {
  'awb-3.4': { nl: 'Bij deze inspraakvorm (afdeling 3.4 Awb)', en: 'Under this form of inspraak (afdeling 3.4 Awb)' },
  ordinance: { nl: 'Bij deze inspraakvorm (de inspraakverordening)', en: 'Under this form of inspraak (the inspraak ordinance)' },
  'college-procedure': { nl: 'Bij deze inspraakvorm (de procedure die het college heeft vastgesteld)', en: 'Under this form of inspraak (the procedure the college set)' },
};
/** A step in words: the product's name for it, or the project's guide's own (issue 20). */
const step = (gate: GatedEventType | Text, lang: 'nl' | 'en') => `‘${(typeof gate === 'string' ? EVENT_NAMES[gate] : gate)[lang]}’`;
/** A body's reason, after a colon, inside a sentence that ends with its own full stop. */
const because = (reason: string | null | undefined) => (reason ? `: ${reason.replace(/\.$/, '')}` : '');

/** All blocker sentences, in both languages, in one place: plain Dutch (B1), the terms of griffie and bestuurssecretariaat, no codes, dates in words. */
export const BLOCKER_MESSAGES = {
  'green-light-missing': (body: GoverningBody, gate: GatedEventType | Text): LocalisedText => ({
    nl: `Voor de stap ${step(gate, 'nl')} is in deze cyclus nog geen ${DECISION_OF[body].nl} vastgelegd.`,
    en: `No ${DECISION_OF[body].en} has been recorded for ${step(gate, 'en')} in this cycle.`,
  }),
  'green-light-wrong-body': (body: GoverningBody, gate: GatedEventType | Text): LocalisedText => ({
    nl: `Voor de stap ${step(gate, 'nl')} is alleen een besluit van ${BODY_NAMES[body === 'college' ? 'raad' : 'college'].nl} vastgelegd. Deze stap vraagt een ${DECISION_OF[body].nl}.`,
    en: `Only a decision of ${BODY_NAMES[body === 'college' ? 'raad' : 'college'].en} was recorded for ${step(gate, 'en')}. This step needs a ${DECISION_OF[body].en}.`,
  }),
  'green-light-rejected': (body: GoverningBody, gate: GatedEventType | Text, decidedOn: string, reason?: string | null): LocalisedText => ({
    nl: `${capitalise(BODY_NAMES[body].nl)} heeft op ${longDay(decidedOn, 'nl')} niet ingestemd met de stap ${step(gate, 'nl')}${because(reason)}. Daarvoor is een nieuw ${DECISION_OF[body].nl} nodig.`,
    en: `${capitalise(BODY_NAMES[body].en)} did not approve ${step(gate, 'en')} on ${longDay(decidedOn, 'en')}${because(reason)}. A new ${DECISION_OF[body].en} is needed.`,
  }),
  'green-light-deferred': (body: GoverningBody, gate: GatedEventType | Text, decidedOn: string, reason?: string | null): LocalisedText => ({
    nl: `Aangehouden door ${BODY_NAMES[body].nl} op ${longDay(decidedOn, 'nl')}${because(reason)}. De stap ${step(gate, 'nl')} wacht op een nieuw ${DECISION_OF[body].nl}.`,
    en: `Deferred by ${BODY_NAMES[body].en} on ${longDay(decidedOn, 'en')}${because(reason)}. ${capitalise(step(gate, 'en'))} waits for a new ${DECISION_OF[body].en}.`,
  }),
  'green-light-too-early': (body: GoverningBody, decidedOn: string, tooEarly: readonly TooEarly[]): LocalisedText => tooEarlyText(body, decidedOn, tooEarly),
  'submission-incomplete': (): LocalisedText => ({
    nl: 'Vul bij de formele indiening de datum van indiening en het kenmerk in.',
    en: 'A formal submission needs the date it was submitted and a reference.',
  }),
  'participation-account-missing': (missing: string[]): LocalisedText => ({
    nl: `De gemeenteraad heeft participatie verplicht gesteld voor deze activiteit (artikel 16.55 lid 7 Omgevingswet). Over de aanvraag wordt pas besloten met het verslag van de aanvrager: dat participatie heeft plaatsgevonden, hoe, en wat het heeft opgeleverd (artikel 7.4 Omgevingsregeling). De aanvrager kan de aanvraag binnen de hersteltermijn aanvullen (artikel 4:5 Awb). Vul nog in: ${fieldNames(missing, 'nl')}.`,
    en: `The council made participation mandatory for this activity (Omgevingswet art. 16.55(7)). The application is decided on only with the applicant's account: that participation took place, how, and what it yielded (Omgevingsregeling art. 7.4). The applicant may complete it within the term to remedy (Awb art. 4:5). Still missing: ${fieldNames(missing, 'en')}.`,
  }),
  'challenge-assessment-missing': (): LocalisedText => ({
    nl: 'Dit is een uitdaging (uitdaagrecht). Leg eerst de beoordeling van de gemeente vast: de datum, de conclusie en de redenen.',
    en: 'This is a challenge under the right to challenge (uitdaagrecht). Record the municipality’s assessment first: its date, conclusion and reasons.',
  }),
  'challenge-not-honoured': (assessedOn: string): LocalisedText => ({
    nl: `De gemeente heeft de uitdaging op ${longDay(assessedOn, 'nl')} niet gehonoreerd. Daarmee eindigt de uitdaging: de gemeente houdt de taak. Stop het project en geef de redenen aan de uitdager.`,
    en: `The municipality did not honour the challenge on ${longDay(assessedOn, 'en')}. That ends the challenge: the municipality keeps the task. Stop the project and give the challenger the reasons.`,
  }),
  'challenge-agreement-missing': (): LocalisedText => ({
    nl: 'De gemeente heeft de uitdaging gehonoreerd. Leg eerst de overeenkomst met de uitdagers vast: wat zij overnemen, het kenmerk en de looptijd. Daarna volgt de uitvoering.',
    en: 'The municipality honoured the challenge. Record the agreement with the challengers first: what they take over, its reference and its term. Execution follows it.',
  }),
  'challenger-not-informed': (): LocalisedText => ({
    nl: 'De uitdaging is niet gehonoreerd. Stuur de uitdager eerst de beoordeling met de redenen, en leg vast op welke dag dat gebeurde (artikel 3:41 en 3:46 Awb).',
    en: 'The challenge was not honoured. Send the challenger the assessment with its reasons first, and record the day it went (Awb art. 3:41, 3:46).',
  }),
  'raad-not-informed': (informing: 'before' | 'instead'): LocalisedText =>
    informing === 'before'
      ? {
          nl: 'Volgens het plan van aanpak wordt de gemeenteraad voor deze stap geïnformeerd, met een raadsinformatiebrief of in een commissievergadering. Leg dat eerst vast.',
          en: 'The plan of approach has the council informed before this step, by a raadsinformatiebrief or in a committee meeting. Record that first.',
        }
      : {
          nl: 'Volgens het plan van aanpak legt het college voor deze stap verantwoording af door de gemeenteraad te informeren (raadsinformatiebrief of commissie), zonder apart besluit. Leg vast hoe de raad is geïnformeerd.',
          en: 'The plan of approach has the college account for this step by informing the council (raadsinformatiebrief or committee), without a separate decision. Record how the council was informed.',
        },
  'quick-scan-incomplete': (missing: string[]): LocalisedText => ({
    nl: `De quickscan is nog niet af. Vul nog in: ${fieldNames(missing, 'nl')}.`,
    en: `The quick scan is not complete yet. Still missing: ${fieldNames(missing, 'en')}.`,
  }),
  'justification-required': (advice: 'interactive' | 'not-interactive'): LocalisedText =>
    advice === 'not-interactive'
      ? {
          nl: 'De quickscan raadt een interactieve aanpak af. Wilt u toch interactief werken? Zet in het besluit waarom (onderbouwing).',
          en: 'The quick scan advises against an interactive approach; a decision to go ahead needs a written justification.',
        }
      : {
          nl: 'De quickscan adviseert een interactieve aanpak. Wilt u toch niet interactief werken? Zet in het besluit waarom (onderbouwing).',
          en: 'The quick scan advises an interactive approach; a decision not to take it needs a written justification.',
        },
  'inspraak-form-missing': (): LocalisedText => ({
    nl: 'Leg in de quickscan vast of inspraak wettelijk verplicht is en welke inspraakvorm geldt (§1.4). Zonder interactie komt er geen plan van aanpak dat dit regelt.',
    en: 'Record in the quick scan whether inspraak is legally required and which form applies (§1.4). Without interaction no plan of approach will settle it.',
  }),
  'inspraak-form-interactive': (): LocalisedText => ({
    nl: 'Inspraakvorm a is interactieve beleidsvorming (§1.4). Die past niet bij het besluit om niet interactief te werken. Kies vorm b, c of d, of vorm e of f als inspraak wettelijk verplicht is.',
    en: 'Inspraak form a is interactive policy-making (§1.4); it does not fit a decision not to work interactively. Choose form b, c or d, or e or f where inspraak is legally required.',
  }),
  'evaluation-incomplete': (missing: string[]): LocalisedText => ({
    nl: `De evaluatie is nog niet af. Geef per doel van het plan aan of het is bereikt, en hoe de deelnemers het proces beoordelen. Vul nog in: ${fieldNames(missing, 'nl')}.`,
    en: `The evaluation is not complete: for each goal of the plan whether it was achieved, and how participants judged the process. Still missing: ${fieldNames(missing, 'en')}.`,
  }),
  'commitment-incomplete': (missing: string[]): LocalisedText => ({
    nl: `Het formele commitment is nog niet vastgelegd: waar de aanpak is beschreven (projectplan, plan van aanpak of collegevoorstel, met kenmerk) en de procesafspraken met de betrokkenen. Vul nog in: ${fieldNames(missing, 'nl')}.`,
    en: `The formal commitment is not recorded: where the approach is laid down (project plan, plan of approach or B&W proposal, with reference) and the process agreements with the actors. Still missing: ${fieldNames(missing, 'en')}.`,
  }),
  'plan-incomplete': (missing: string[]): LocalisedText => ({
    nl: `Het plan van aanpak is nog niet compleet. Nog niet ingevuld: ${fieldNames(missing, 'nl')}.`,
    en: `The plan of approach is incomplete. Still missing: ${fieldNames(missing, 'en')}.`,
  }),
  'level-not-communicated': (phase: Phase, level: Level): LocalisedText => ({
    nl: `De deelnemers weten nog niet welk interactieniveau geldt in de fase ${PHASE_NAMES[phase].nl.toLowerCase()} (${describeLevel(level).name.nl.toLowerCase()}) en wat dat voor hen betekent. Leg vast dat u hun dat hebt verteld.`,
    en: `Participants have not been told the interaction level of the ${PHASE_NAMES[phase].en.toLowerCase()} phase (${describeLevel(level).name.en.toLowerCase()}) and what it means.`,
  }),
  'inspection-missing': (procedure: InspraakProcedure): LocalisedText => ({
    nl: `${PROCEDURE_NAMES[procedure].nl} moet het ontwerpbesluit eerst ter inzage liggen. Leg de terinzagelegging vast.`,
    en: `${PROCEDURE_NAMES[procedure].en} the draft decision must first lie open for reactions. Record the inspection.`,
  }),
  'inspection-term-running': (endsOn: string): LocalisedText => ({
    nl: `De termijn voor zienswijzen loopt nog tot en met ${longDay(endsOn, 'nl')}.`,
    en: `The term for reactions runs until and including ${longDay(endsOn, 'en')}.`,
  }),
  'inspection-postal-week-running': (until: string): LocalisedText => ({
    nl: `Een zienswijze die binnen de termijn is gepost, telt nog mee als hij uiterlijk ${longDay(until, 'nl')} binnenkomt (artikel 6:9 lid 2 en artikel 3:16 lid 3 Awb). Wacht tot na die dag.`,
    en: `A reaction posted within the term still counts if it arrives by ${longDay(until, 'en')} (Awb art. 6:9(2) with 3:16(3)). Wait until after that day.`,
  }),
  'reactions-unanswered': (count: number): LocalisedText => ({
    nl: count === 1 ? 'Er is nog 1 zienswijze zonder antwoord van de gemeente.' : `Er zijn nog ${count} zienswijzen zonder antwoord van de gemeente.`,
    en: count === 1 ? '1 reaction has not been answered yet.' : `${count} reactions have not been answered yet.`,
  }),
} satisfies Record<BlockerCode, (...args: never[]) => LocalisedText>;

/** Each fact a decision cannot precede, as a clause with its source. */
const TOO_EARLY_CLAUSES: Record<TooEarly['fact'], (day: string, lang: 'nl' | 'en') => string> = {
  'previous-step': (day, lang) => (lang === 'nl' ? `de vorige stap is op ${longDay(day, 'nl')} besloten` : `the previous step was decided on ${longDay(day, 'en')}`),
  'quick-scan': (day, lang) => (lang === 'nl' ? `de quickscan is op ${longDay(day, 'nl')} vastgelegd` : `the quick scan was recorded on ${longDay(day, 'en')}`),
  plan: (day, lang) => (lang === 'nl' ? `deze versie van het plan van aanpak is op ${longDay(day, 'nl')} vastgelegd` : `this version of the plan of approach was recorded on ${longDay(day, 'en')}`),
  'inspection-term': (day, lang) => (lang === 'nl' ? `de termijn voor zienswijzen liep tot en met ${longDay(day, 'nl')} (artikel 3:16 lid 1 Awb)` : `the term for reactions ran until and including ${longDay(day, 'en')} (Awb art. 3:16(1))`),
  'inspection-postal-week': (day, lang) =>
    lang === 'nl'
      ? `een zienswijze die binnen de termijn is gepost, telde mee tot en met ${longDay(day, 'nl')} (artikel 3:16 lid 3 en artikel 6:9 lid 2 Awb)`
      : `a reaction posted within the term counted until and including ${longDay(day, 'en')} (Awb art. 3:16(3) with 6:9(2))`,
  answers: (day, lang) => (lang === 'nl' ? `de laatste zienswijze is op ${longDay(day, 'nl')} beantwoord, en het besluit steunt op die antwoorden (artikel 3:46 Awb)` : `the last reaction was answered on ${longDay(day, 'en')}, and the decision rests on those answers (Awb art. 3:46)`),
  'raad-information': (day, lang) => (lang === 'nl' ? `de gemeenteraad is pas op ${longDay(day, 'nl')} geïnformeerd, en volgens het plan van aanpak gebeurt dat vóór dit besluit (§2.4)` : `the council was informed only on ${longDay(day, 'en')}, and the plan of approach has that happen before this decision (§2.4)`),
};

function tooEarlyText(body: GoverningBody, decidedOn: string, tooEarly: readonly TooEarly[]): LocalisedText {
  const earliest = tooEarly.map((t) => t.earliest).sort().at(-1)!;
  const list = (lang: 'nl' | 'en') => tooEarly.map((t) => TOO_EARLY_CLAUSES[t.fact](t.day, lang)).join(lang === 'nl' ? '; ' : '; ');
  return {
    nl: `Een ${DECISION_OF[body].nl} van ${longDay(decidedOn, 'nl')} kan niet kloppen: ${list('nl')}. Het besluit kan op zijn vroegst van ${longDay(earliest, 'nl')} zijn.`,
    en: `A ${DECISION_OF[body].en} dated ${longDay(decidedOn, 'en')} cannot be right: ${list('en')}. The decision can be dated ${longDay(earliest, 'en')} at the earliest.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
