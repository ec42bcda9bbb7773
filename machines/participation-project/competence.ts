import { describeInspraakForm, describeLevel, type Level, type Text } from '../interaction/catalogue';
import type { InspraakChoice } from '../interaction/plan';
import type { DecisionKind, GatedEventType, GoverningBody, ProjectContext } from './project.types';

/**
 * The body the law makes competent for a step, apart from political sensitivity: the raad
 * adopts what only it may adopt. Sensitivity and the plan may move a college step to the raad,
 * never a raad step to the college. A delegation to the college (Gemeentewet art. 156 lid 1,
 * Omgevingswet art. 2.8) is not modelled: such a project is of kind `other`.
 */
export const RAAD_COMPETENCE: Readonly<Record<DecisionKind, { gates: readonly GatedEventType[]; source: string } | null>> = {
  omgevingsplan: { gates: ['DECISION_TAKEN'], source: 'Omgevingswet art. 2.4' },
  verordening: { gates: ['DECISION_TAKEN'], source: 'Gemeentewet art. 147 lid 1' },
  begroting: { gates: ['DECISION_TAKEN'], source: 'Gemeentewet art. 189 with art. 156 lid 2' },
  other: null,
};

/** The body competent by law for this step, with its source; null where sensitivity and the plan decide. */
export function competentBody(context: Pick<ProjectContext, 'decisionKind'>, gate: GatedEventType): { body: GoverningBody; source: string } | null {
  const competence = RAAD_COMPETENCE[context.decisionKind ?? 'other'];
  return competence?.gates.includes(gate) ? { body: 'raad', source: competence.source } : null;
}

/**
 * Where a statute makes afdeling 3.4 Awb the procedure (Omgevingswet art. 16.30 lid 1 for the
 * omgevingsplan), inspraak is legally required and only form e fits (§1.4): form f, a procedure the
 * college sets, cannot deviate from it.
 */
export const STATUTORY_AWB_34: Readonly<Partial<Record<DecisionKind, string>>> = {
  omgevingsplan: 'Omgevingswet art. 16.30 lid 1',
};

export interface LawConflict {
  code: 'inspraak-form-against-statute' | 'level-contradicts-inspraak-duty';
  text: Text;
}

/**
 * Where the inspraak chosen contradicts the law: a statute that imposes afdeling 3.4 Awb leaves only
 * form e; and a legal duty of inspraak (forms e, f) cannot go with level "none" (geen rol, §1.1) in
 * the phase where the draft lies open, for residents then do have a say.
 */
export function inspraakAgainstLaw(decisionKind: DecisionKind | undefined, inspraak: Partial<InspraakChoice> | null | undefined, levelWhileOpen: Level | undefined): LawConflict | null {
  const statute = STATUTORY_AWB_34[decisionKind ?? 'other'];
  if (statute && inspraak && (inspraak.legallyRequired === false || (inspraak.form && inspraak.form !== 'e'))) {
    return {
      code: 'inspraak-form-against-statute',
      text: {
        nl: `Voor een ${decisionKind} schrijft de wet de procedure van afdeling 3.4 Awb voor (${statute.replace('art.', 'artikel')}). Inspraak is dus wettelijk verplicht, en alleen inspraakvorm e past.`,
        en: `For an ${decisionKind} the law imposes the procedure of afdeling 3.4 Awb (${statute}). Inspraak is legally required, and only form e fits.`,
      },
    };
  }
  if (inspraak?.legallyRequired && inspraak.form && levelWhileOpen === 'none') {
    const form = describeInspraakForm(inspraak.form);
    return {
      code: 'level-contradicts-inspraak-duty',
      text: {
        nl: `Inspraakvorm ${inspraak.form} (${form.text.nl.replace(/\.$/, '').toLowerCase()}) is wettelijk verplichte inspraak. Die past niet bij het interactieniveau ‘${describeLevel('none').name.nl}’: tijdens de terinzagelegging mogen inwoners reageren. Kies ten minste ‘${describeLevel('inform').name.nl}’.`,
        en: `Inspraak form ${inspraak.form} (${form.text.en.replace(/\.$/, '').toLowerCase()}) is inspraak the law requires. It does not fit the level ‘${describeLevel('none').name.en}’: while the draft lies open residents may react. Choose at least ‘${describeLevel('inform').name.en}’.`,
      },
    };
  }
  return null;
}
