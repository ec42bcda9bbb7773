/**
 * The Interactiewijzer's vocabulary (§1.1–§2.4) as data: levels, quick-scan items, criteria,
 * goals, advice weights and inspraak forms, each in Dutch (the guide's own words) and English.
 */

export interface Text {
  nl: string;
  en: string;
}

// §1.1: highest influence first.
export const LEVELS = ['initiate', 'collaborate', 'co-decide', 'advise-early', 'advise-late', 'inform', 'none'] as const;
export type Level = (typeof LEVELS)[number];

export type LevelCategory = 'interactive-policy' | 'inspraak' | 'independent-municipal-policy';
export type Iap2Level = 'inform' | 'consult' | 'involve' | 'collaborate' | 'empower';

export interface LevelDescription {
  level: Level;
  rank: number;
  name: Text;
  /** §1.2: exactly one style per level, derived, never chosen separately. */
  style: { key: string } & Text;
  category: LevelCategory;
  whoDecides: Text;
  example: Text;
  /** Lookup into the IAP2 spectrum; not a shared ranking (IAP2 and Arnstein order collaborate and empower differently). */
  iap2: Iap2Level | null;
  /** Lookup into Arnstein's ladder of citizen participation (rung 1 manipulation .. 8 citizen control). */
  arnstein: { rung: number; name: string } | null;
}

export const CATEGORY_NAMES: Record<LevelCategory, Text> = {
  'interactive-policy': { nl: 'Interactieve beleidsvorming', en: 'Interactive policy-making' },
  inspraak: { nl: 'Inspraak', en: 'Inspraak (consultation)' },
  'independent-municipal-policy': { nl: 'Zelfstandig gemeentelijk beleid', en: 'Independent municipal policy' },
};

export const LEVEL_CATALOGUE: readonly LevelDescription[] = [
  {
    level: 'initiate',
    rank: 1,
    name: { nl: 'Initiëren', en: 'Initiate' },
    style: { key: 'facilitate', nl: 'Faciliteren', en: 'Facilitate' },
    category: 'interactive-policy',
    whoDecides: { nl: 'De initiatiefnemer voert zelfstandig beleid, creëert zelf en beslist zelf.', en: 'The initiator makes its own policy, creates and decides itself.' },
    example: {
      nl: 'Burgers ontwikkelen een eigen plan voor de inrichting van een winkelcomplex, waarvan de burgers zelf eigenaar zijn.',
      en: 'Residents develop their own plan for a shopping centre that they own themselves.',
    },
    iap2: 'empower',
    arnstein: { rung: 8, name: 'citizen control' },
  },
  {
    level: 'collaborate',
    rank: 2,
    name: { nl: 'Samenwerken (co-produceren)', en: 'Collaborate (co-produce)' },
    style: { key: 'collaborate', nl: 'Samenwerken', en: 'Collaborate' },
    category: 'interactive-policy',
    whoDecides: { nl: 'Partijen voeren samen beleid en beslissen hier gezamenlijk over, als gelijkwaardige partners.', en: 'Parties make policy together and decide on it jointly, as equals.' },
    example: {
      nl: 'Problemen worden alleen aangepakt als burgers deze als knelpunt ervaren, en er wordt pas gesloopt als zij dat noodzakelijk vinden.',
      en: 'Problems are tackled only when residents see them as such; demolition happens only when they find it necessary.',
    },
    iap2: 'collaborate',
    arnstein: { rung: 6, name: 'partnership' },
  },
  {
    level: 'co-decide',
    rank: 3,
    name: { nl: 'Meebeslissen', en: 'Co-decide' },
    style: { key: 'delegate', nl: 'Delegeren', en: 'Delegate' },
    category: 'interactive-policy',
    whoDecides: { nl: 'De participant beslist zelf over onderdelen, binnen de kaders van de gemeente.', en: 'Participants decide on parts themselves, within the municipality’s frames.' },
    example: { nl: 'Burgers kunnen zelf beslissen over herinrichtingsvoorstellen voor een plein of straat in de wijk.', en: 'Residents decide themselves on proposals to redesign a square or street in their neighbourhood.' },
    iap2: 'empower',
    arnstein: { rung: 7, name: 'delegated power' },
  },
  {
    level: 'advise-early',
    rank: 4,
    name: { nl: 'Adviseren (vanaf het begin)', en: 'Advise (from the start)' },
    style: { key: 'participate', nl: 'Participeren', en: 'Participate' },
    category: 'inspraak',
    whoDecides: { nl: 'Betrokkenen krijgen veel ruimte voor advies in een vroeg stadium; het bestuur beslist.', en: 'Participants get much room to advise at an early stage and can influence the agenda; the municipality decides.' },
    example: {
      nl: 'Burgers worden om advies gevraagd voor de invulling van de Wmo, inclusief de verdeling van de budgetten.',
      en: 'Residents are asked to advise on the social support act (Wmo), including how its budgets are divided.',
    },
    iap2: 'involve',
    arnstein: { rung: 5, name: 'placation' },
  },
  {
    level: 'advise-late',
    rank: 5,
    name: { nl: 'Adviseren (aan het eind)', en: 'Advise (at the end)' },
    style: { key: 'consult', nl: 'Consulteren', en: 'Consult' },
    category: 'inspraak',
    whoDecides: { nl: 'Betrokkenen reageren in een later stadium op een uitgewerkt plan; het bestuur beslist.', en: 'Participants react at a late stage to a worked-out draft; the municipality decides.' },
    example: { nl: 'Burgers worden gevraagd te reageren op een concept-cultuurnota.', en: 'Residents are asked to react to a draft culture memorandum.' },
    iap2: 'consult',
    arnstein: { rung: 4, name: 'consultation' },
  },
  {
    level: 'inform',
    rank: 6,
    name: { nl: 'Informeren', en: 'Inform' },
    style: { key: 'open-authoritarian', nl: 'Open autoritair', en: 'Open authoritarian' },
    category: 'independent-municipal-policy',
    whoDecides: { nl: 'De gemeente beslist; zij luistert en geeft antwoord op gerichte vragen.', en: 'The municipality decides; it listens and answers questions.' },
    example: {
      nl: 'Een gemeente neemt een verkeersbesluit en communiceert alleen over de instelling van een 30 km/u-regime in een woonwijk.',
      en: 'The municipality takes a traffic decision and only communicates the introduction of a 30 km/h zone in a residential area.',
    },
    iap2: 'inform',
    arnstein: { rung: 3, name: 'informing' },
  },
  {
    level: 'none',
    rank: 7,
    name: { nl: 'Geen rol', en: 'No role' },
    style: { key: 'closed-authoritarian', nl: 'Gesloten autoritair', en: 'Closed authoritarian' },
    category: 'independent-municipal-policy',
    whoDecides: { nl: 'Het gemeentebestuur neemt een besluit en communiceert daar niet over.', en: 'The municipality decides and does not communicate about it.' },
    example: {
      nl: 'Er wordt een nieuw automatiseringssysteem aangeschaft voor verwerking en monitoring van ingekomen post.',
      en: 'A new computer system is bought to process and monitor incoming mail.',
    },
    iap2: null,
    arnstein: null,
  },
];

export function describeLevel(level: Level): LevelDescription {
  return LEVEL_CATALOGUE.find((d) => d.level === level)!;
}

/** §1.3: whenever there is inspraak or interactive policy, participants must be told the level. */
export function needsAnnouncement(level: Level): boolean {
  return describeLevel(level).category !== 'independent-municipal-policy';
}

// §1.3
export const PHASES = ['preparation', 'decisionMaking', 'execution', 'evaluation'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_NAMES: Record<Phase, Text> = {
  preparation: { nl: 'Beleidsvoorbereiding', en: 'Preparation' },
  decisionMaking: { nl: 'Besluitvorming', en: 'Decision-making' },
  execution: { nl: 'Uitvoering', en: 'Execution' },
  evaluation: { nl: 'Evaluatie', en: 'Evaluation' },
};

// §2.1: the five-point scale of the quick scan.
export const SCORES = ['none', 'hardly', 'a-little', 'fairly', 'much'] as const;
export type Score = (typeof SCORES)[number];
export const SCORE_NAMES: Record<Score, Text> = {
  none: { nl: 'geen', en: 'none' },
  hardly: { nl: 'nauwelijks', en: 'hardly' },
  'a-little': { nl: 'beetje', en: 'a little' },
  fairly: { nl: 'redelijk', en: 'fairly' },
  much: { nl: 'veel', en: 'much' },
};

/** §1.6 / §2.1: the scored items of the quick scan, in the guide's table order. */
export const QUICK_SCAN_ITEMS = [
  'roomForInfluence',
  'commitment.administrative',
  'commitment.political',
  'willingness',
  'addedValue',
  'organisation.money',
  'organisation.capacity',
  'organisation.expertise',
  'organisation.time',
] as const;
export type QuickScanItem = (typeof QUICK_SCAN_ITEMS)[number];
export const QUICK_SCAN_ITEM_NAMES: Record<QuickScanItem, Text> = {
  roomForInfluence: { nl: 'Hoeveel beïnvloedingsruimte is er?', en: 'How much room for influence is there?' },
  'commitment.administrative': { nl: 'Is er commitment? a. Bestuurlijk', en: 'Is there commitment? a. Administrative' },
  'commitment.political': { nl: 'Is er commitment? b. Politiek', en: 'Is there commitment? b. Political' },
  willingness: { nl: 'Is er bereidheid bij de potentiële deelnemers/actoren?', en: 'Are the intended participants willing?' },
  addedValue: { nl: 'Levert interactie meerwaarde op?', en: 'Does interaction add value?' },
  'organisation.money': { nl: 'Organisatorische voorwaarden: a. Geld (€), ten laste van het project', en: 'Organisational conditions: a. Money (€), on the project’s budget' },
  'organisation.capacity': { nl: 'Organisatorische voorwaarden: b. Capaciteit (fte)', en: 'Organisational conditions: b. Capacity (fte)' },
  'organisation.expertise': { nl: 'Organisatorische voorwaarden: c. Deskundigheid van de projectleider en ervaring met interactief werken', en: 'Organisational conditions: c. The project leader’s expertise and experience with interaction' },
  'organisation.time': { nl: 'Organisatorische voorwaarden: d. Tijd', en: 'Organisational conditions: d. Time' },
};

/** §2.1: room for influence is a mix of four aspects. */
export const INFLUENCE_ASPECTS = ['political', 'legal', 'policy', 'societal'] as const;
export type InfluenceAspect = (typeof INFLUENCE_ASPECTS)[number];
export const INFLUENCE_ASPECT_NAMES: Record<InfluenceAspect, Text> = {
  political: { nl: 'Politieke ruimte', en: 'Political room' },
  legal: { nl: 'Juridische ruimte', en: 'Legal room' },
  policy: { nl: 'Beleidsruimte', en: 'Policy room' },
  societal: { nl: 'Invloed van de maatschappelijke omgeving', en: 'Influence of the societal environment' },
};

/** §2.1: who takes part in the scan. */
export const SCAN_ROLES = ['commissioning-administrator', 'programme-manager', 'project-leader', 'policy-officer', 'village-adviser', 'communication-adviser', 'other'] as const;
export type ScanRole = (typeof SCAN_ROLES)[number];
export const SCAN_ROLE_NAMES: Record<ScanRole, Text> = {
  'commissioning-administrator': { nl: 'Opdrachtgever (bestuurder)', en: 'Commissioning administrator' },
  'programme-manager': { nl: 'Programmamanager/opgaveregisseur', en: 'Programme manager' },
  'project-leader': { nl: 'Projectleider', en: 'Project leader' },
  'policy-officer': { nl: 'Beleidsmedewerker', en: 'Policy officer' },
  'village-adviser': { nl: 'Kernenadviseur', en: 'Village adviser' },
  'communication-adviser': { nl: 'Communicatieadviseur', en: 'Communication adviser' },
  other: { nl: 'Anders', en: 'Other' },
};

export const CRITERIA = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type Criterion = (typeof CRITERIA)[number];

// §1.7
export const GREEN_LIGHTS: Record<Criterion, Text> = {
  a: { nl: 'Er zijn grote belangen van burgers mee gemoeid, het is een beïnvloedbaar onderwerp. Zorgvuldigheid is belangrijker dan snelheid.', en: 'Residents have large interests at stake and the subject can be influenced; care matters more than speed.' },
  b: { nl: 'Het gaat om een ingewikkeld onderwerp dat geleidelijk ontrafeld moet worden; we hebben de inwoners nodig om tot beter inzicht te komen.', en: 'A complex subject that must be unravelled step by step; we need the residents to understand it better.' },
  c: { nl: 'We moeten ingrijpen in de directe leefomgeving van inwoners.', en: 'We must intervene in residents’ immediate living environment.' },
  d: { nl: 'We hebben partners nodig om het beleid tot een succes te maken (draagvlak).', en: 'We need partners, organisations and residents, to make the policy succeed (support).' },
  e: { nl: 'Er is een goede kans dat burgers de kwaliteit van de beleidsvoorstellen beter kunnen maken.', en: 'Residents can probably improve the quality of the proposals with their creativity and knowledge.' },
  f: { nl: 'Bestuurders willen graag in contact treden met de burgers en zijn bereid daar tijd in te investeren.', en: 'Administrators want contact with residents and will invest time in it.' },
};
export const RED_LIGHTS: Record<Criterion, Text> = {
  a: { nl: 'De kaders zijn zo beperkend dat er geen werkelijke ruimte is voor inbreng en invloed.', en: 'The frames leave no real room for input and influence.' },
  b: { nl: 'Het probleem is helder en de oplossing ligt voor de hand: gewoon daadkrachtig besturen.', en: 'The problem is clear and the solution obvious: just govern decisively.' },
  c: { nl: 'Er is niet voldoende tijd en geld voor een zorgvuldig interactief proces; uitstel kost meer.', en: 'There is not enough time or money for a careful process; delay costs more than not involving residents.' },
  d: { nl: 'De beleidskeuzes zijn in feite al gemaakt, het besluit is voorspelbaar.', en: 'The choices have in fact been made; the decision is predictable.' },
  e: { nl: 'Het onderwerp kan niet transparant en open besproken worden; er is geen ruimte voor onafhankelijke procesbegeleiding.', en: 'The subject cannot be discussed openly; there is no room for independent process guidance.' },
  f: { nl: 'Er is alleen ruimte voor inspraak die wettelijk geregeld is.', en: 'There is only room for the inspraak that the law requires.' },
};

/**
 * §2.3 part 2: the guide lists twelve example goals (the English reading says thirteen,
 * counting the question that introduces the list; the guide wins).
 */
export const GOALS = [
  'shared-knowledge',
  'ideas-and-solutions',
  'cooperation',
  'mutual-understanding',
  'compromise-and-consensus',
  'social-cohesion',
  'own-responsibility',
  'active-participation',
  'insight-for-council-and-executive',
  'handling-emotions-and-resistance',
  'support-for-policy',
  'support-for-process',
] as const;
export type Goal = (typeof GOALS)[number];
export const GOAL_NAMES: Record<Goal, Text> = {
  'shared-knowledge': { nl: 'Verkrijgen van gedeelde kennis/verrijking kennis', en: 'Shared and richer knowledge' },
  'ideas-and-solutions': { nl: 'Ideeën/oplossingen genereren', en: 'Generate ideas and solutions' },
  cooperation: { nl: 'Bevorderen samenwerking tussen partijen', en: 'Cooperation between parties' },
  'mutual-understanding': { nl: 'Versterken wederzijds begrip', en: 'Mutual understanding' },
  'compromise-and-consensus': { nl: 'Realisatie compromissen en consensus', en: 'Compromise and consensus' },
  'social-cohesion': { nl: 'Versterken sociale cohesie/groepsgevoel', en: 'Social cohesion' },
  'own-responsibility': { nl: 'Inwoners nemen meer verantwoordelijkheid en worden zelfredzamer', en: 'Own responsibility and self-reliance' },
  'active-participation': { nl: 'Verleiden tot actieve deelname', en: 'Active participation' },
  'insight-for-council-and-executive': { nl: 'Raad en college krijgen beter zicht op wat er in de samenleving speelt', en: 'Insight for council and executive into what goes on' },
  'handling-emotions-and-resistance': { nl: 'Omgaan met emoties/weerstand', en: 'Handling emotions and resistance' },
  'support-for-policy': { nl: 'Draagvlak voor beleids(-onderdelen)', en: 'Support for (parts of) the policy' },
  'support-for-process': { nl: 'Draagvlak voor proces (mensen voelen zich serieus genomen ongeacht besluit)', en: 'Support for the process (people feel taken seriously, whatever the decision)' },
};

// §2.4
export const ADVICE_WEIGHTS = ['decisive', 'final', 'taken-into-account', 'open-to-review'] as const;
export type AdviceWeight = (typeof ADVICE_WEIGHTS)[number];
export const ADVICE_WEIGHT_NAMES: Record<AdviceWeight, Text> = {
  decisive: { nl: 'zwaarwegend', en: 'weighty (deviating needs strong reasons)' },
  final: { nl: 'niet aan te tornen', en: 'final' },
  'taken-into-account': { nl: 'we nemen het mee', en: 'taken into account' },
  'open-to-review': { nl: 'kan opnieuw bekeken worden', en: 'open to review' },
};

// §1.4: a–d when inspraak is not legally required, e–f when it is.
export const INSPRAAK_FORMS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type InspraakForm = (typeof INSPRAAK_FORMS)[number];
/**
 * How participants react to a draft under a form (§1.4): afdeling 3.4 Awb (forms c and e: six weeks,
 * art. 3:16), the municipality's own inspraakverordening (form b: its own term), or a procedure
 * the college sets in deviation from afdeling 3.4 (form f: the term that decision names).
 */
export type InspraakProcedure = 'awb-3.4' | 'ordinance' | 'college-procedure';
export const INSPRAAK_PROCEDURES: readonly InspraakProcedure[] = ['awb-3.4', 'ordinance', 'college-procedure'];
export interface InspraakFormDescription {
  form: InspraakForm;
  legallyRequired: boolean;
  /** Whether the draft lies open for reactions, and under which rules; null for forms a and d. */
  procedure: InspraakProcedure | null;
  text: Text;
}
export const INSPRAAK_FORM_CATALOGUE: readonly InspraakFormDescription[] = [
  { form: 'a', legallyRequired: false, procedure: null, text: { nl: 'Een van de vormen van interactieve beleidsvorming (initiëren, samenwerken, meebeslissen) met bijpassende bestuursstijl.', en: 'One of the interactive levels (initiate, collaborate, co-decide) with its style.' } },
  { form: 'b', legallyRequired: false, procedure: 'ordinance', text: { nl: 'Een van de vormen van inspraak (adviseren vanaf het begin of aan het eind), volgens de inspraakverordening.', en: 'Inspraak (advise early or late) under the municipal inspraak ordinance.' } },
  { form: 'c', legallyRequired: false, procedure: 'awb-3.4', text: { nl: 'Inspraak volgens de inspraakverordening, met de inspraakprocedure van afdeling 3.4 Awb.', en: 'Inspraak under the ordinance, with the procedure of afdeling 3.4 Awb.' } },
  { form: 'd', legallyRequired: false, procedure: null, text: { nl: 'Geen inspraak, geen interactie.', en: 'No inspraak and no interaction.' } },
  { form: 'e', legallyRequired: true, procedure: 'awb-3.4', text: { nl: 'Inspraak in de voorbereiding volgens de procedure van afdeling 3.4 Awb.', en: 'Inspraak in the preparation under the procedure of afdeling 3.4 Awb.' } },
  { form: 'f', legallyRequired: true, procedure: 'college-procedure', text: { nl: 'Inspraak in de voorbereiding volgens een afwijkende procedure die het college vaststelt.', en: 'Inspraak in the preparation under a deviating procedure set by the college.' } },
];

export function describeInspraakForm(form: InspraakForm): InspraakFormDescription {
  return INSPRAAK_FORM_CATALOGUE.find((d) => d.form === form)!;
}

// §1.5
export const STAKEHOLDER_DOMAINS = ['public', 'professional', 'political'] as const;
export type StakeholderDomain = (typeof STAKEHOLDER_DOMAINS)[number];
export const STAKEHOLDER_KINDS = [
  'older-residents',
  'young-residents',
  'neighbours',
  'directly-affected',
  'beneficiaries',
  'opponents',
  'organisations',
  'interest-groups',
  'village-councils',
  'neighbourhood-platforms',
  'civil-servants',
  'business-partners',
  'political-parties',
  'council-members',
  'other',
] as const;
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];

/**
 * §1.5: the domain a kind of stakeholder belongs to. Public: organisations, interest groups,
 * village councils, neighbourhood platforms; professional: own civil servants and business
 * partners (developers, housing corporations, care providers, transport); political: parties,
 * council and committee members. The differentiations of residents (older, young, neighbours,
 * directly affected, those who gain, opponents) and "other" may be of any domain.
 */
export const STAKEHOLDER_KIND_DOMAIN: Partial<Record<StakeholderKind, StakeholderDomain>> = {
  organisations: 'public',
  'interest-groups': 'public',
  'village-councils': 'public',
  'neighbourhood-platforms': 'public',
  'civil-servants': 'professional',
  'business-partners': 'professional',
  'political-parties': 'political',
  'council-members': 'political',
};

/** Whether a kind of stakeholder fits the domain given (§1.5). */
export function stakeholderFitsDomain(kind: StakeholderKind, domain: StakeholderDomain): boolean {
  const expected = STAKEHOLDER_KIND_DOMAIN[kind];
  return expected === undefined || expected === domain;
}

// §2.2
export const COMMITMENT_DOCUMENTS = ['project-plan', 'plan-of-approach', 'bw-proposal'] as const;
export type CommitmentDocument = (typeof COMMITMENT_DOCUMENTS)[number];
