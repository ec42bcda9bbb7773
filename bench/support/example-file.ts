/**
 * A project file that meets every rule of the guide at the lightest level that still has a
 * plan (inform throughout: no announcements, no inspection). Tests and benchmarks use it
 * to move projects through the gates; the rules themselves are tested in machines/.
 */
export const EXAMPLE_QUICK_SCAN = {
  participants: [{ role: 'project-leader', name: 'P. Manager' }],
  scores: {
    roomForInfluence: 'fairly',
    'commitment.administrative': 'much',
    'commitment.political': 'fairly',
    willingness: 'fairly',
    addedValue: 'fairly',
    'organisation.money': 'fairly',
    'organisation.capacity': 'fairly',
    'organisation.expertise': 'fairly',
    'organisation.time': 'fairly',
  },
  influenceAspects: { political: 'fairly', legal: 'fairly', policy: 'fairly', societal: 'fairly' },
  greenLights: ['a'],
  // The duty is known at the scan; on the interactive route the plan chooses the form (§1.4).
  inspraak: { legallyRequired: false },
};

/** The same scan where there is no room for influence: it advises against interaction (§2.1), so deciding non-interactive needs no justification; no inspraak, no interaction (form d). */
export const EXAMPLE_QUICK_SCAN_NO_ROOM = { ...EXAMPLE_QUICK_SCAN, scores: { ...EXAMPLE_QUICK_SCAN.scores, roomForInfluence: 'none' }, inspraak: { legallyRequired: false, form: 'd' } };

export const EXAMPLE_COMMITMENT = { laidDownIn: 'bw-proposal', reference: 'B&W 2026/1', processAgreements: [{ party: 'bewoners', agreement: 'maandelijks overleg' }] };

export const EXAMPLE_PLAN = {
  targetGroups: [{ name: 'Omwonenden', why: 'Zij merken het verschil.' }],
  goals: { standard: ['support-for-process'] },
  levels: { preparation: 'inform', decisionMaking: 'inform', execution: 'inform', evaluation: 'inform' },
  scope: { inScope: 'De uitvoering.', outOfScope: 'Het besluit zelf.', offTopicHandling: 'Doorgestuurd naar het klantcontactcentrum.' },
  opportunitiesAndThreats: { opportunities: ['Duidelijkheid.'], threats: [{ threat: 'Onrust.', mitigation: 'Tijdig informeren.' }] },
  approach: { workForms: ['brief'], planning: 'Voorjaar.', tasks: 'Projectteam.', feedback: 'Via de website.' },
  process: { timeline: [{ title: 'Collegebesluit', date: '2026-12-01' }], decisionMaking: 'Het college besluit.' },
  adviceWeight: 'taken-into-account',
  frames: [{ description: 'Het budget ligt vast.', kind: 'hard' }],
  inspraak: { legallyRequired: false, form: 'd' },
};

export const EXAMPLE_EVALUATION = {
  goals: [{ goal: 'support-for-process', achieved: true, explanation: 'De omwonenden steunden de aanpak.' }],
  participantsJudgement: 'Tevreden over de informatie; de planning had eerder bekend mogen zijn.',
};

/** What each step needs in the file before its green light counts: the path and document to PUT. */
export const FILE_BEFORE: Record<string, { path: string; body: unknown } | undefined> = {
  START_INTERACTIVE: { path: 'quick-scan', body: EXAMPLE_QUICK_SCAN },
  DECIDE_NON_INTERACTIVE: { path: 'quick-scan', body: EXAMPLE_QUICK_SCAN_NO_ROOM },
  CLOSE: { path: 'evaluation', body: EXAMPLE_EVALUATION },
  COMMIT: { path: 'commitment', body: EXAMPLE_COMMITMENT },
  ADOPT_PLAN: { path: 'plan', body: EXAMPLE_PLAN },
};
