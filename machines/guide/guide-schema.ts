import { INSPRAAK_FORMS, LEVELS, PHASES } from '../interaction/catalogue';
import { GATE_RULES, GATE_RULE_NAMES } from '../participation-project/gate-rules';
import { GATED_EVENTS } from '../participation-project/gates';
import { EVENT_TYPES, ORIGINS } from '../participation-project/project.types';

const text = {
  type: 'object',
  properties: { nl: { type: 'string', minLength: 1, maxLength: 200 }, en: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['nl', 'en'],
  additionalProperties: false,
} as const;

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const days = { type: 'integer', minimum: 1, maximum: 3650 } as const;
const stepId = { type: 'string', pattern: '^[a-z][A-Za-z0-9]{0,59}$' } as const;

/**
 * The published JSON Schema of a guide (issue 20; GET /api/guides/schema). Its enumerations come
 * from the vocabulary in machines/, so a guide can only name steps, rules and levels the product
 * knows; what the schema cannot say (a target that exists, a reachable step) `guideFaults` checks.
 */
export const GUIDE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://interactiewijzer.nl/schemas/guide.json',
  title: 'Interactiewijzer guide',
  type: 'object',
  required: ['id', 'version', 'name', 'municipality', 'source', 'levels', 'inspraak', 'uitdaagrecht', 'mandatoryParticipation', 'silence', 'steps', 'gates'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$' },
    version: { type: 'integer', minimum: 1 },
    name: text,
    municipality: { type: 'string', minLength: 1, maxLength: 100 },
    source: {
      type: 'object',
      required: ['title', 'date'],
      additionalProperties: false,
      properties: { title: { type: 'string', minLength: 1, maxLength: 300 }, date: day, url: { type: 'string', maxLength: 500, pattern: '^https://' } },
    },
    levels: {
      type: 'object',
      required: [...PHASES],
      additionalProperties: false,
      properties: Object.fromEntries(PHASES.map((phase) => [phase, { type: 'array', minItems: 1, uniqueItems: true, items: { enum: LEVELS } }])),
    },
    inspraak: {
      type: 'object',
      required: ['forms', 'termDays'],
      additionalProperties: false,
      properties: { forms: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: INSPRAAK_FORMS } }, termDays: days },
    },
    uitdaagrecht: {
      type: 'object',
      required: ['offered', 'assessmentTermDays'],
      additionalProperties: false,
      properties: { offered: { type: 'boolean' }, assessmentTermDays: days },
    },
    mandatoryParticipation: {
      type: 'object',
      required: ['activities'],
      additionalProperties: false,
      properties: {
        activities: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } },
        decision: { type: 'object', required: ['reference', 'since'], additionalProperties: false, properties: { reference: { type: 'string', minLength: 1, maxLength: 100 }, since: day } },
      },
    },
    silence: { type: 'object', required: ['windowDays'], additionalProperties: false, properties: { windowDays: days, escalateFrom: { type: 'integer', minimum: 1, maximum: 10 } } },
    raadInforming: { type: 'object', additionalProperties: false, properties: Object.fromEntries(GATED_EVENTS.map((event) => [event, { enum: ['before', 'instead'] }])) },
    steps: { type: 'array', minItems: 1, items: { $ref: '#/definitions/step' } },
    gates: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(GATED_EVENTS.map((event) => [event, { $ref: '#/definitions/gate' }])),
    },
  },
  definitions: {
    step: {
      type: 'object',
      required: ['id', 'label'],
      additionalProperties: false,
      properties: {
        id: stepId,
        label: text,
        phase: { enum: PHASES },
        countsSilence: { type: 'boolean' },
        onlyFor: { enum: ORIGINS },
        otherwise: stepId,
        final: { type: 'boolean' },
        steps: { type: 'array', minItems: 1, items: { $ref: '#/definitions/step' } },
        transitions: {
          type: 'array',
          items: { type: 'object', required: ['event', 'to'], additionalProperties: false, properties: { event: { enum: EVENT_TYPES }, to: stepId } },
        },
      },
    },
    gate: {
      type: 'object',
      required: ['body', 'rules'],
      additionalProperties: false,
      properties: {
        body: { enum: ['college', 'raad', 'by-sensitivity'] },
        initiatorOwn: { type: 'boolean' },
        label: text,
        rules: { type: 'object', additionalProperties: false, properties: Object.fromEntries(GATE_RULE_NAMES.map((name) => [name, GATE_RULES[name].params])) },
      },
    },
  },
} as const;
