import type { GoverningBody } from './project.types';

/** Stable reason codes: clients may depend on them, so they never change meaning. */
export type BlockerCode =
  | 'green-light-missing'
  | 'green-light-wrong-body'
  | 'green-light-rejected'
  | 'submission-incomplete';

export interface LocalisedText {
  nl: string;
  en: string;
}

export interface Blocker {
  code: BlockerCode;
  message: LocalisedText;
}

const BODY_NAMES: Record<GoverningBody, LocalisedText> = {
  college: { nl: 'het college van B&W', en: 'the college (mayor and aldermen)' },
  raad: { nl: 'de gemeenteraad', en: 'the municipal council' },
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
} satisfies Record<BlockerCode, (...args: never[]) => LocalisedText>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
