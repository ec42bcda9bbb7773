import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, type ApiResponseNoStatusOptions } from '@nestjs/swagger';
import { CHALLENGE_CONCLUSIONS, DECISION_KINDS, DECISION_OUTCOMES, GOVERNING_BODIES, INITIATIVE_KINDS, ORIGINS, POLITICAL_SENSITIVITIES, RAAD_INFORMATION_KINDS } from '../../machines/participation-project/project.types';
import { QUICK_SCAN_ADVICES } from '../../machines/interaction/quick-scan';
import { INSPRAAK_PROCEDURES } from '../../machines/interaction/catalogue';
import { REACTION_CHANNELS } from '../../machines/interaction/legal-terms';
import { WOO_HANDLING_KEYS } from '../../machines/publication/woo';
import { LEGAL_REMEDIES, PUBLICATION_WAYS } from '../../machines/participation-project/after-decision';
import { PERSONAL_DATA_KINDS } from '../../machines/publication/retention';

/** OpenAPI's schema object, as @nestjs/swagger takes it. */
type SchemaObject = NonNullable<Extract<ApiResponseNoStatusOptions, { schema?: unknown }>['schema']>;

/**
 * The success answers of the API as OpenAPI schemas, one per view the services return
 * (src/projects/project.view.ts, the decision, audit, reminder and file views). A test checks
 * that every operation documents one.
 */
const text: SchemaObject = { type: 'string' };
const maybeText: SchemaObject = { type: 'string', nullable: true };
const moment: SchemaObject = { type: 'string', format: 'date-time' };
const maybeMoment: SchemaObject = { type: 'string', format: 'date-time', nullable: true };
const day: SchemaObject = { type: 'string', format: 'date', example: '2026-11-24' };
const whole: SchemaObject = { type: 'integer' };
const yesNo: SchemaObject = { type: 'boolean' };
const texts: SchemaObject = { type: 'array', items: text };
const anyObject: SchemaObject = { type: 'object', additionalProperties: true };
export const listOf = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
const object = (properties: Record<string, SchemaObject>, description?: string): SchemaObject => ({ type: 'object', properties, required: Object.keys(properties), ...(description && { description }) });

const blocker = object({ code: text, message: text, messageNl: text });
/** Issue 20: which version of which guide, by the hash of its canonical JSON (RFC 8785). */
const guideRefFields = { id: text, version: whole, sha256: text };
const guideRef = object(guideRefFields);
const pinnedGuide = object({ ...guideRefFields, name: object({ nl: text, en: text }) }, 'The guide version the project runs under (issue 20), pinned at its start');
const legalTerm = object({ startsOn: day, nominalEnd: day, endsOn: { ...day, description: 'The last day, after the Algemene termijnenwet' }, extended: yesNo, source: text, sourceNl: text });

export const DECISION_PUBLICATION = object(
  {
    decisionId: { type: 'string', format: 'uuid' },
    reference: text,
    cycle: whole,
    way: { type: 'string', enum: [...PUBLICATION_WAYS] },
    publishedOn: day,
    publishedIn: text,
    laidOpenOn: { ...day, nullable: true },
    reactorsNotifiedOn: { ...day, nullable: true },
    remedy: { type: 'string', enum: [...LEGAL_REMEDIES] },
    appeal: { ...legalTerm, nullable: true, description: 'The term for objection or appeal (Awb art. 6:7, 6:8); null where no remedy lies' },
    recordedAt: moment,
  },
  'The bekendmaking of a decision (Awb art. 3:40–3:45) and the term for objection or appeal',
);

const DECISION_TERM = {
  type: 'object',
  nullable: true,
  description: 'For an application (an initiative with permitActivity): the term to decide on it (Omgevingswet art. 16.64 lid 1), running, or suspended while the applicant completes it (Awb art. 4:15)',
  properties: { status: { type: 'string', enum: ['running', 'suspended'] }, startsOn: day, nominalEnd: day, endsOn: day, extended: yesNo, source: text, sourceNl: text, suspendedDays: whole, receivedOn: day, repairUntil: day },
  required: ['status', 'source', 'sourceNl'],
} satisfies SchemaObject;
const coded = object({ code: text });

export const GREEN_LIGHT_REQUEST = object({
  gate: text,
  cycle: whole,
  body: { type: 'string', enum: [...GOVERNING_BODIES] },
  proposal: text,
  reference: maybeText,
  desiredOn: day,
  requestedBy: text,
  requestedAt: moment,
});

const GREEN_LIGHT_REQUEST_WITH_STANDING: SchemaObject = { ...GREEN_LIGHT_REQUEST, properties: { ...GREEN_LIGHT_REQUEST.properties, pending: { ...yesNo, description: 'Still waits for its body: nothing decided since it was asked, or only a deferral' } }, required: [...(GREEN_LIGHT_REQUEST.required ?? []), 'pending'] };

export const PROJECT = object(
  {
    id: { type: 'string', format: 'uuid' },
    title: text,
    description: maybeText,
    publicContact: { ...maybeText, description: 'Whom residents can contact about the project (its public page)' },
    origin: { type: 'string', enum: [...ORIGINS] },
    initiativeKind: { type: 'string', enum: [...INITIATIVE_KINDS], nullable: true, description: 'For an initiative: residents’ own, or a challenge under the right to challenge (uitdaagrecht)' },
    permitActivity: { ...maybeText, description: 'For an initiative: the activity an omgevingsvergunning is applied for' },
    decisionKind: { type: 'string', enum: [...DECISION_KINDS], description: 'What the project prepares; the raad alone adopts an omgevingsplan, a verordening and the begroting' },
    guide: pinnedGuide,
    politicalSensitivity: { type: 'string', enum: [...POLITICAL_SENSITIVITIES] },
    state: { ...text, description: 'Dotted state path, e.g. policyCycle.preparation.advice' },
    status: { type: 'string', enum: ['active', 'done'] },
    cycle: whole,
    version: whole,
    gateBodies: { type: 'object', additionalProperties: { type: 'string', enum: [...GOVERNING_BODIES] } },
    submission: { ...object({ submittedOn: day, reference: text }), nullable: true },
    silence: object({
      windowDays: whole,
      lastCommunicationAt: maybeMoment,
      silentSince: maybeMoment,
      allowedUntil: { ...maybeMoment, description: 'End of the allowed silence: overdue from then until a communication is recorded' },
      nextReminderAt: maybeMoment,
      remindersSent: whole,
      status: { type: 'string', enum: ['ok', 'due-soon', 'overdue'], nullable: true },
      countedAlways: { ...yesNo, description: 'The owner counts silence also in phases at level "none" (§1.3)' },
    }),
    ownerEmail: maybeText,
    administratorEmail: maybeText,
    public: { ...yesNo, description: 'The public page for residents is on, at /openbaar/<slug>' },
    slug: maybeText,
    createdBy: text,
    createdAt: moment,
    updatedAt: moment,
    quickScanAdvice: { type: 'string', enum: [...QUICK_SCAN_ADVICES], nullable: true },
    levels: listOf(object({ phase: text, level: maybeText, style: maybeText, styleNl: maybeText, category: maybeText })),
    inspection: { ...object({ endsOn: day, unansweredReactions: whole }), nullable: true },
    decisionTerm: DECISION_TERM,
    publications: listOf(DECISION_PUBLICATION),
    nextSteps: listOf(object({ event: text, requiredBody: { type: 'string', enum: [...GOVERNING_BODIES], nullable: true }, allowed: yesNo, blockers: listOf(blocker), request: { ...GREEN_LIGHT_REQUEST_WITH_STANDING, nullable: true }, awaited: { ...yesNo, description: "in its body's werkvoorraad: asked, not answered, no alternative decided" }, requestable: { ...yesNo, description: 'a green light the process manager can ask for now' } })),
  },
  'A project as it stands, with what the machine says can happen next',
);

export const PROJECT_PAGE = object({ items: listOf(PROJECT), total: whole, limit: whole, offset: whole });

export const DECISION = object({
  id: { type: 'string', format: 'uuid' },
  event: text,
  cycle: whole,
  body: { type: 'string', enum: [...GOVERNING_BODIES] },
  outcome: { type: 'string', enum: [...DECISION_OUTCOMES] },
  decidedOn: day,
  reference: text,
  documentUrl: maybeText,
  note: maybeText,
  justification: { ...maybeText, description: 'Why the step goes against the quick scan’s advice (§2.1)' },
  recordedBy: text,
  recordedByRole: text,
  recordedAt: moment,
  consumed: yesNo,
  consumedAt: maybeMoment,
  consumedByAuditSeq: { ...whole, nullable: true },
});

export const COMMUNICATION = object({
  id: { type: 'string', format: 'uuid' },
  projectId: text,
  occurredAt: moment,
  channel: text,
  audience: text,
  summary: text,
  announcesPhase: maybeText,
  announcesLevel: maybeText,
  recordedBy: text,
  recordedByRole: text,
  recordedAt: moment,
});

export const MILESTONE = object({
  id: text,
  title: text,
  dueAt: moment,
  remindDaysBefore: whole,
  remindAt: moment,
  remindedAt: maybeMoment,
  public: { ...yesNo, description: 'on the public page and in its calendar' },
  onlyIfUnanswered: { ...yesNo, description: 'A planned decision\'s companion: its reminder goes out only while zienswijzen wait for their answer' },
  createdBy: text,
  createdAt: moment,
});

export const REMINDER = object({
  key: text,
  kind: { type: 'string', enum: ['silence', 'milestone'] },
  dueAt: moment,
  level: whole,
  status: { type: 'string', enum: ['pending', 'sent', 'skipped', 'failed'] },
  recipients: texts,
  attempts: whole,
  lastError: maybeText,
  createdAt: moment,
  finishedAt: maybeMoment,
});

export const AUDIT_ENTRY = object({ seq: whole, occurredAt: moment, actor: object({ name: text, role: text }), type: text, payload: anyObject, prevHash: text, hash: text });

export const CHAIN_VERIFICATION = object({
  valid: yesNo,
  entries: whole,
  brokenAtSeq: { ...whole, nullable: true, description: 'The first entry whose link or hash does not match' },
  unboundDecisions: { ...texts, description: 'Decisions that no entry of the trail records as they stand' },
  erasures: listOf(object({ seq: whole, erasedAt: moment, items: whole, reason: text }, 'An erasure of personal data the trail records (AVG); the chain keeps the digests and still verifies')),
  head: object({ seq: whole, hash: text }, 'The head the check read'),
});

const exportedEntry = object({ seq: whole, occurredAt: moment, actorName: text, actorRole: text, type: text, payload: anyObject, prevHash: text, hash: text });
export const AUDIT_EXPORT = object({
  format: text,
  project: object({ id: text, title: text }),
  exportedAt: moment,
  hashing: { ...anyObject, description: 'How each hash is made: SHA-256 over the previous hash and the RFC 8785 canonical JSON of the entry' },
  entries: listOf(exportedEntry),
  head: object({ seq: whole, hash: text }),
  signature: object({ alg: text, kid: text, publicKey: anyObject, jws: { ...text, description: 'Detached JWS (EdDSA) over the canonical JSON of the document without its signature' }, jwks: text }),
});
export const AUDIT_ROOT = object({ id: text, computedAt: moment, root: { ...text, description: 'SHA-256 over the RFC 8785 canonical JSON of the heads' }, projects: whole });
export const AUDIT_ROOT_WITH_HEADS = object({ id: text, computedAt: moment, root: text, projects: whole, heads: listOf(object({ projectId: text, seq: whole, hash: text })) });
export const JWKS = object({ keys: listOf(anyObject) });
export const INSIGHT = object({
  filter: anyObject,
  projects: whole,
  timeInState: listOf(object({ state: text, stays: whole, averageDays: { type: 'number' } })),
  waitForGreenLight: listOf(object({ body: text, steps: whole, averageDays: { type: 'number' } })),
  refusals: listOf(object({ body: text, rejected: whole, deferred: whole })),
  silencePerMonth: listOf(object({ month: text, reminders: whole })),
  levels: listOf(object({ year: whole, phase: text, level: text, plans: whole })),
});
export const ZGW_BESLUIT = object({
  besluit: object({ identificatie: text, verantwoordelijkeOrganisatie: maybeText, besluittype: maybeText, datum: day, ingangsdatum: day, publicatiedatum: { ...day, nullable: true }, bestuursorgaan: text, toelichting: text }),
  besluitInformatieObjecten: listOf(object({ informatieobject: text })),
});
const greenLightFact = object({ step: text, body: text, outcome: text, decidedOn: day, reference: text, justification: maybeText, documentUrl: maybeText });
export const PARTICIPATION_ACCOUNT = object({
  project: object({ id: text, title: text, state: text }),
  guide: pinnedGuide,
  quickScan: object({ advice: maybeText, reasons: listOf(object({ nl: text, en: text })) }),
  route: { ...greenLightFact, nullable: true },
  levels: object({ planned: anyObject, changes: listOf(anyObject) }),
  stakeholders: listOf(object({ name: text, domain: text, kind: text, approach: text })),
  communications: listOf(object({ stage: text, count: whole, first: moment, last: moment, channels: listOf(object({ channel: text, count: whole })) }, 'The contacts of one stage, counted per channel, with the first and the last')),
  inspection: { ...object({ laidOpenOn: day, endsOn: day, procedure: text, reactions: whole, onTime: whole, late: whole, answered: whole, changedDraft: whole }), nullable: true },
  greenLights: listOf(greenLightFact),
  silenceReminders: whole,
  evaluation: { ...anyObject, nullable: true },
  closingText: { ...object({ version: whole, text: text, by: text, at: moment }), nullable: true },
});
export const NOTA = object({
  project: object({ id: text, title: text }),
  version: { type: 'string', enum: ['public', 'internal'] },
  inspection: { ...object({ laidOpenOn: day, endsOn: day, publishedIn: text, procedure: text }), nullable: true },
  decision: { ...greenLightFact, nullable: true },
  reactions: listOf(object({ number: whole, sender: { ...maybeText, description: 'null where the public version withholds a private person’s name' }, receivedOn: day, late: yesNo, summary: text, answer: maybeText, answeredOn: { ...day, nullable: true }, changedDraft: { ...yesNo, nullable: true } })),
});

const documentVersion = (extra: Record<string, SchemaObject>): SchemaObject =>
  object({ version: whole, data: anyObject, changeReason: maybeText, adoptedAt: maybeMoment, createdBy: text, createdAt: moment, ...extra });

export const QUICK_SCAN_ASSESSMENT = object({ complete: yesNo, missing: texts, advice: { type: 'string', enum: [...QUICK_SCAN_ADVICES], nullable: true }, reasons: listOf(coded) });
export const QUICK_SCAN_DOCUMENT = documentVersion({ assessment: QUICK_SCAN_ASSESSMENT });
export const COMMITMENT_SAVED = object({ version: whole, missing: texts });
export const COMMITMENT_DOCUMENT = documentVersion({ missing: texts });
export const EVALUATION_SAVED = object({ version: whole, missing: { ...texts, description: 'goals.<goal> without a verdict, participantsJudgement' } });
export const EVALUATION_DOCUMENT = documentVersion({ missing: texts });
export const DOCUMENT_SAVED = object({ version: whole });
const raadInformationFields = { gate: text, cycle: whole, kind: { type: 'string', enum: [...RAAD_INFORMATION_KINDS] } as SchemaObject, date: day, reference: text, summary: { ...text, nullable: true } };
export const RAAD_INFORMATION = object(raadInformationFields);
export const RAAD_INFORMATION_SAVED = object({ ...raadInformationFields, version: whole });
export const WOO_ITEM = object({
  id: { type: 'string', format: 'uuid' },
  decisionId: { type: 'string', format: 'uuid', nullable: true, description: 'The decision this item publishes, when it is one' },
  title: text,
  reference: maybeText,
  documentUrl: text,
  category: { ...text, description: 'Woo art. 3.3 information category by article, e.g. 3.3.2c' },
  documentType: text,
  handling: { type: 'string', enum: WOO_HANDLING_KEYS },
  documentDate: day,
  publishedOn: day,
  publishedAt: moment,
  withdrawn: { ...object({ on: day, reason: text }), nullable: true },
});
export const CHALLENGE_ASSESSMENT_DOCUMENT = documentVersion({});
export const CHALLENGE_ASSESSMENT_SAVED = object({ version: whole, dueOn: { ...day, description: 'the last day of the assessment term' }, late: { type: 'boolean', description: 'decided after the term' } });
export const CHALLENGE_ASSESSMENT = object(
  { assessedOn: day, conclusion: { type: 'string', enum: [...CHALLENGE_CONCLUSIONS] }, reasons: text, body: text, reference: text, criteria: listOf(anyObject), dueOn: day, late: yesNo, challengerInformedOn: { ...day, description: 'the day the assessment with its reasons went to the challenger' } },
  'A challenge’s assessment, the competent body’s decision',
);
const challengeAgreement = { concludedOn: day, reference: text, task: text, startsOn: day, endsOn: day };
export const CHALLENGE_AGREEMENT_SAVED = object({ version: whole, ...challengeAgreement });
export const CHALLENGE_AGREEMENT_DOCUMENT = documentVersion({});
export const INITIATOR = object({ name: text, email: { ...text, format: 'email' } }, 'Who brought the initiative');
export const INITIATOR_RECORD = object({ name: maybeText, email: maybeText, recordedAt: moment, erased: yesNo }, 'Who brought the initiative, as last recorded; name and email are null once erased');
export const APPLICANT_ACCOUNT_SAVED = object({ version: whole, missing: { ...texts, description: 'tookPlace (must be true where participation is mandatory), how, results' } });
export const APPLICANT_ACCOUNT_DOCUMENT = documentVersion({ missing: texts });
export const PLAN_SAVED = object({ version: whole, missingParts: texts, warnings: listOf(coded) });
export const PLAN_DOCUMENT = documentVersion({ missingParts: texts, warnings: listOf(coded), adoptedVersion: { ...whole, nullable: true } });
export const PLAN_VERSIONS = listOf(documentVersion({}));

export const STAKEHOLDER = object({ id: text, projectId: text, name: text, domain: text, kind: text, ownKind: maybeText, approach: text, createdBy: text, createdAt: moment });
const inspectionFields = {
  id: text, projectId: text, cycle: whole, laidOpenOn: day, nominalEnd: day, endsOn: day, publishedIn: text,
  procedure: { type: 'string', enum: [...INSPRAAK_PROCEDURES], description: '§1.4: afdeling 3.4 Awb (forms c, e), the inspraakverordening (b), or a procedure the college set (f)' } as SchemaObject,
  termDays: whole, procedureReference: maybeText,
  termSource: { ...maybeText, description: 'forms c and e: the statute or ordinance that sets a term longer than six weeks (art. 3:16 lid 1 Awb)' },
  postalWeek: { ...yesNo, description: 'a letter posted within the term counts when it arrives in the week after (art. 3:16 lid 3 with 6:9 lid 2 Awb)' },
  withdrawnOn: { ...day, nullable: true, description: 'set on a terinzagelegging withdrawn because its kennisgeving was faulty' },
  withdrawalReason: maybeText,
  createdBy: text, createdAt: moment,
};
const termWarning = object({ code: { type: 'string', enum: ['term-beyond-known-decrees'] }, message: object({ nl: text, en: text }) });
export const INSPECTION = object({ ...inspectionFields, warnings: listOf(termWarning) });
export const REACTION = object({ id: text, inspectionId: text, projectId: text, number: { ...whole, description: 'the registration number it got when entered, per project; it never changes' }, receivedOn: day, channel: { type: 'string', enum: [...REACTION_CHANNELS], nullable: true }, postedOn: { ...day, nullable: true }, report: maybeText, sender: text, senderIsOrganisation: yesNo, summary: text, late: yesNo, answer: maybeText, answeredOn: { ...day, nullable: true }, changedDraft: { ...yesNo, nullable: true }, createdBy: text, createdAt: moment });
export const WITHDRAWN_INSPECTION = object(
  { id: text, laidOpenOn: day, publishedIn: text, endsOn: day, reactions: { ...whole, description: 'the zienswijzen given on it, which move to the next terinzagelegging' }, withdrawnOn: day, withdrawalReason: text },
  'A terinzagelegging withdrawn because its kennisgeving was faulty',
);
export const INSPECTION_WITH_REACTIONS = object({ ...inspectionFields, warnings: listOf(termWarning), reactions: listOf(REACTION), withdrawn: listOf(object({ id: text, laidOpenOn: day, publishedIn: text, endsOn: day, withdrawnOn: day, withdrawalReason: text })) });

const personalDataItem = object({ id: text, projectId: text, kind: { type: 'string', enum: [...PERSONAL_DATA_KINDS] }, erasableFrom: { ...day, nullable: true, description: 'the first day this item may be erased: its kind’s retention period after the project ended' }, digest: { ...text, description: 'SHA-256 over a random salt and the value: what the trail holds' }, recordedAt: moment, erasedAt: maybeMoment, erasureReason: maybeText });
export const PERSONAL_DATA = object({ erasableFrom: { ...day, nullable: true, description: 'the first day the data may be erased; null while the project runs' }, items: listOf(personalDataItem) });
export const PERSONAL_DATA_ERASURE = object({ erasedAt: moment, reason: text, items: listOf(object({ id: text, kind: text, digest: text })) });

export const CATALOGUE = object({ levels: listOf(anyObject), phases: listOf(anyObject), quickScan: anyObject, greenLights: listOf(anyObject), redLights: listOf(anyObject), goals: listOf(anyObject), adviceWeights: listOf(anyObject), inspraakForms: listOf(anyObject), stakeholders: anyObject });
export const MACHINE = { ...anyObject, description: 'The states, transitions and events of the life cycle' };
export const LIVE = object({ status: { type: 'string', enum: ['ok'] } });
export const READY = object({ status: { type: 'string', enum: ['ok', 'degraded', 'unavailable'] }, checks: object({ database: anyObject, redis: anyObject }) });

/** 200 (or another success status) with this schema. */
/** Issue 20: a published version of a guide. */
const guideVersionFields = { ...guideRefFields, name: object({ nl: text, en: text }), municipality: text, source: object({ title: text, date: day }), publishedAt: moment, publishedBy: text };
export const GUIDE_VERSION = object(guideVersionFields);
export const GUIDE_VERSION_DOCUMENT = object({ ...guideVersionFields, document: { ...anyObject, description: 'The guide exactly as POST accepts it (GET /api/guides/schema)' } });
export const GUIDE_MIGRATION = object({
  guide: guideRef,
  dryRun: yesNo,
  projects: listOf({
    ...object({ projectId: text, title: text, from: object({ version: whole, sha256: text }), stateBefore: text, outcome: { type: 'string', enum: ['would-move', 'moved', 'unchanged', 'refused'] }, stateAfter: maybeText }),
    description: 'Per project; a refusal has code (not-running, no-mapping, version-conflict) and message/messageNl; a dry run has nextSteps with their blockers; lapsedGreenLights lists green lights the new version asks of another body',
  }),
});

export const TENANT = object({
  id: text,
  name: text,
  municipalityCode: maybeText,
  guide: text,
  zgw: object({ rsin: maybeText, besluittypen: anyObject }),
  theme: object({ logoUrl: maybeText, themeCssUrl: maybeText }),
  mail: object({ from: text, webhookUrl: maybeText, webhookSecretSet: yesNo }),
  oidc: { ...object({ issuer: text, clientId: text }), nullable: true },
  fromEnvironment: yesNo,
  publicPages: text,
  jwks: text,
});

export const Answers = (schema: SchemaObject, description = 'OK', status = 200) =>
  applyDecorators(status === 201 ? ApiCreatedResponse({ description, schema }) : ApiOkResponse({ description, schema }));
/** 200 with this schema as JSON, or the same document as a PDF when the client asks for it (`Accept: application/pdf`). */
export const AnswersOrPdf = (schema: SchemaObject, description: string) =>
  applyDecorators(ApiOkResponse({ description, content: { 'application/json': { schema }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }));
/** 200 with an XML document. */
export const AnswersXml = (description: string) => applyDecorators(ApiOkResponse({ description, content: { 'application/xml': { schema: { type: 'string' } } } }));
/** 201 with this schema. */
export const Creates = (schema: SchemaObject, description = 'Created') => applyDecorators(ApiCreatedResponse({ description, schema }));
