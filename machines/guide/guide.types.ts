import type { InspraakForm, Level, Phase, Text } from '../interaction/catalogue';
import type { GateRuleParams } from '../participation-project/gate-rules';
import type { GatedEventType, GoverningBody, RaadInforming } from '../participation-project/gates';
import type { Origin, ProjectEventType } from '../participation-project/project.types';

/**
 * A guide as data (issue 20): the steps of a municipality's participation process, the body and
 * the rules of each gate, and the terms its ordinance fixes. YAML in `guides/`, JSON over the API,
 * one structure, checked against `GUIDE_SCHEMA`. It chooses and parameterises the rules in
 * `machines/`; it never holds code.
 */
export interface GuideDocument {
  /** A slug, e.g. `overbetuwe-2018`. */
  id: string;
  version: number;
  name: Text;
  municipality: string;
  /** The ordinance or guide it transcribes, with its date (YYYY-MM-DD). */
  source: { title: string; date: string; url?: string };
  /** The interaction levels the guide offers, per phase of the policy cycle (§1.3). */
  levels: Record<Phase, Level[]>;
  /** The inspraak forms it uses (§1.4), and the term of its inspraakverordening for form b, in days. */
  inspraak: { forms: InspraakForm[]; termDays: number };
  /** The right to challenge (Gemeentewet art. 150): offered or not, and the days to assess a challenge. */
  uitdaagrecht: { offered: boolean; assessmentTermDays: number };
  /** Omgevingswet art. 16.55 lid 7: the activities for which the raad made participation mandatory, and its decision. */
  mandatoryParticipation: { activities: string[]; decision?: { reference: string; since: string } };
  /**
   * The silence window for a new project, in days (§2.4), and from which reminder on the
   * commissioning administrator is told too (the escalation; default 2, the product's ladder).
   */
  silence: { windowDays: number; escalateFrom?: number };
  /** Per gate, where the raad is informed: before the green light, or instead of a decision (§2.4); the plan of approach may add more. */
  raadInforming?: Partial<Record<GatedEventType, RaadInforming>>;
  steps: GuideStep[];
  /** Per gated step (the event that takes it), the body that decides and the rules that must hold before it. */
  gates: Partial<Record<GatedEventType, GuideGate>>;
}

export interface GuideStep {
  /** A state name, unique in the guide: `problemDefinition`. */
  id: string;
  label: Text;
  /** The phase of the policy cycle this step lies in (§1.3), if any. */
  phase?: Phase;
  /** The municipality's silence towards participants is counted here and in the steps inside (§2.4). */
  countsSilence?: boolean;
  /** A step for one origin only (intake: initiatives); a project of the other origin goes on to `otherwise`. */
  onlyFor?: Origin;
  otherwise?: string;
  /** The project has ended here. */
  final?: boolean;
  /** Steps inside this one, the first of which is entered first. */
  steps?: GuideStep[];
  transitions?: Array<{ event: ProjectEventType; to: string }>;
}

/** `by-sensitivity`: college, or raad where the project is politically sensitive (§2.4), as the plan may also set. */
export type GateBody = GoverningBody | 'by-sensitivity';

export interface GuideGate {
  body: GateBody;
  /** In an initiative this is the initiator's own step, which it decides itself (§1.1). */
  initiatorOwn?: boolean;
  label?: Text;
  rules: GateRuleParams;
}

/** Which version of which guide a project runs under, and the hash of its canonical JSON (RFC 8785). */
export interface GuideRef {
  id: string;
  version: number;
  sha256: string;
}
