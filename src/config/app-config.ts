import { DEFAULT_SELECTION, SELECTION_RESULTS } from '../../machines/publication/archive';
import { WOO_CATEGORIES_IN_FORCE, WOO_CATEGORY_KEYS, type WooCategory } from '../../machines/publication/woo';
import { DEFAULT_RETENTION_DAYS, PERSONAL_DATA_KINDS, retentionVariable, type PersonalDataKind } from '../../machines/publication/retention';
import { isCalendarDay } from '../common/dates.dto';
import { TENANT_ID } from '../database/tenant-scope';
import { defaultTenantId } from './tenant-id';
/** Configuration from the environment, checked once at start: a bad value stops the boot with a clear message. */
/** What an ordinance fixes moved from the environment into the guide (issue 20): each variable, and the guide field that replaces it. */
export const DEPRECATED_GUIDE_VARIABLE_FIELDS = {
  INSPRAAK_TERM_DAYS: 'inspraak.termDays',
  CHALLENGE_ASSESSMENT_DAYS: 'uitdaagrecht.assessmentTermDays',
  MANDATORY_PARTICIPATION_ACTIVITIES: 'mandatoryParticipation.activities',
  MANDATORY_PARTICIPATION_DECISION: 'mandatoryParticipation.decision.reference',
  MANDATORY_PARTICIPATION_SINCE: 'mandatoryParticipation.decision.since',
} as const;
const DEPRECATED_GUIDE_VARIABLES = Object.keys(DEPRECATED_GUIDE_VARIABLE_FIELDS) as Array<keyof typeof DEPRECATED_GUIDE_VARIABLE_FIELDS>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  /** How long a shutdown waits for running reminder jobs (SHUTDOWN_GRACE_MS, default 10 s); the whole shutdown is bounded by twice that. */
  shutdownGraceMs: number;
  /** METRICS_PORT: the Prometheus metrics on a port of their own, besides /metrics for an operator's token (issue 22). */
  metricsPort: number | undefined;
  /**
   * TRUST_PROXY: which proxies' X-Forwarded-For to believe for a caller's address (the public form's
   * rate limit counts per address): unset, none; a number, that many hops; `on`, every one; else
   * addresses or CIDR ranges, comma-separated (issue 22: API instances behind a load balancer).
   */
  trustProxy: boolean | number | string;
  /** LOG_LEVEL: the least severe log lines written, as JSON lines on stdout (default info; silent writes none). */
  logLevel: LogLevel;
  /** SERVER_TIMING=on: each response says its server time and database query count (Server-Timing), for benchmarks and profiling. */
  serverTiming: boolean;
  /**
   * The web interface's sign-in: OpenID Connect against the municipality's identity provider
   * when OIDC_ISSUER is set; the session cookie is signed with SESSION_SECRET (default: AUTH_SECRET).
   */
  web: {
    sessionSecret: string | undefined;
    oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
    /** OIDC_ALLOW_HTTP=on: an identity provider over plain http, for a local one in development. */
    oidcAllowHttp: boolean;
    /**
     * The municipality's own look: its name in the page header (MUNICIPALITY_NAME), its logo
     * (MUNICIPALITY_LOGO_URL) and its NL Design System theme (THEME_CSS_URL: a stylesheet of design
     * tokens). Without them the pages use a neutral theme.
     */
    municipality: { name: string; logoUrl: string | undefined; themeCssUrl: string | undefined };
  };
  /**
   * On PostgreSQL, DATABASE_URL is the service's own role, which owns no table, so row-level
   * security holds it (issue 21); DATABASE_OWNER_URL, when set, is the owner's, for the
   * migrations (the service grants its role what it needs after them).
   */
  database: { kind: 'sqlite'; path: string; synchronous: 'FULL' | 'NORMAL' } | { kind: 'postgres'; url: string; ownerUrl?: string };
  /** Several municipalities in one installation (issue 21). */
  tenancy: {
    /** The tenant the environment configures (TENANT_ID, default "default"): the only one of a single municipality's installation. */
    defaultTenant: string;
    /** The token claim that names the tenant (AUTH_TENANT_CLAIM, default "tenant"). */
    claim: string;
    /** Host names of tenants' public pages (TENANT_HOSTS: "participatie.gemeente-a.nl=gemeente-a,..."). */
    hosts: Record<string, string>;
  };
  /**
   * The Ed25519 key the service signs audit exports with (AUDIT_SIGNING_KEY: a private JWK,
   * kty OKP, crv Ed25519). Required in production; in development a key is made at start and
   * exports signed with it cannot be checked against the published key after a restart.
   */
  auditSigningKey: string | undefined;
  /**
   * Decisions as the VNG's ZGW Besluiten API reads them: the municipality's RSIN (ZGW_RSIN,
   * verantwoordelijkeOrganisatie) and a besluittype URL of its catalogue per step (ZGW_BESLUITTYPEN, JSON).
   */
  zgw: { rsin: string | undefined; besluittypen: Partial<Record<string, string>> };
  /**
   * Active publication (Woo): the municipality's CBS code (MUNICIPALITY_CODE, four digits, e.g.
   * 0363), which names it as publisher in the TOOI register in the DiWoo export.
   */
  /**
   * Active publication (Woo): the municipality's CBS code, and the categories whose duty to publish
   * is in force with the day it applies from: the decrees known at release, plus WOO_CATEGORIES_IN_FORCE
   * ("3.3.2i=2026-07-01,…") for later ones (Woo art. 10.3 lid 2).
   */
  woo: { municipalityCode: string | undefined; categoriesInForce: Partial<Record<WooCategory, string>> };
  auth: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    /** The longest lifetime (exp − iat) a bearer token may have; AUTH_MAX_TOKEN_AGE, default 12 hours. */
    maxTokenAgeSeconds: number;
  };
  /** The municipality's own rules, where the law leaves the choice to it. */
  rules: {
    /** Form b (§1.4): the term of the inspraakverordening, in days (INSPRAAK_TERM_DAYS, default 42: six weeks). */
    inspraakTermDays: number;
    /** Uitdaagrecht: the days the municipality takes to assess a challenge (CHALLENGE_ASSESSMENT_DAYS, default 56: eight weeks, after Awb art. 4:13). */
    challengeAssessmentDays: number;
    /** Omgevingswet art. 16.55 lid 7: the activities for which the raad made participation mandatory (MANDATORY_PARTICIPATION_ACTIVITIES, comma-separated). */
    mandatoryParticipationActivities: string[];
    /** The raadsbesluit that made them mandatory: its reference and the day it applies from (MANDATORY_PARTICIPATION_DECISION, MANDATORY_PARTICIPATION_SINCE). */
    mandatoryParticipationDecision: { reference: string; since: string } | null;
    /** The variables of a guide's terms set in the environment: they still apply to the default guide, for one release (issue 20). */
    fromEnvironment: ReadonlyArray<keyof typeof DEPRECATED_GUIDE_VARIABLE_FIELDS>;
    /** Awb art. 4:5: the days an applicant gets to complete an application (APPLICATION_REPAIR_DAYS, default 14; the product's choice). */
    applicationRepairDays: number;
    /** Form f (§1.4): the shortest term a procedure of the college may set (COLLEGE_PROCEDURE_MIN_TERM_DAYS, default 14; the product's choice). */
    collegeProcedureMinTermDays: number;
    /** Form b: whether a letter posted within the term counts in the week after, as under afdeling 3.4 (INSPRAAK_POSTAL_WEEK, default on; Gemeentewet art. 150 lid 2). */
    inspraakPostalWeek: boolean;
    /** Days before a planned decision the owner hears of zienswijzen still unanswered (UNANSWERED_REACTIONS_LEAD_DAYS, default 14). */
    unansweredLeadDays: number;
  };
  /**
   * The archive package (issue 23): the result of the Selectielijst gemeenten 2020 a closed and a
   * stopped project get, which sets its valuation and retention (ARCHIVE_RESULT_CLOSED, default
   * 2.1.1, kept for good; ARCHIVE_RESULT_STOPPED, default 2.2, five years).
   */
  archive: { selection: { closed: string; stopped: string } };
  /** How long records are kept (issue 18). */
  retention: {
    /**
     * AVG art. 5 lid 1 e: days each kind of personal data is kept after the project ended
     * (RETENTION_<KIND>_DAYS, default RETENTION_PERSONAL_DATA_DAYS, default 365; the product's choice).
     */
    days: Record<PersonalDataKind, number>;
  };
  reminders: {
    redisUrl: string;
    /** Prefix of every BullMQ key, so several installations (or test runs) can share one Redis. */
    queuePrefix: string;
    /** Whether this process runs the queue workers. */
    workers: boolean;
    /** The length of a "day" in silence windows and milestone leads: shortened in tests, never in use. */
    dayMs: number;
    reconcileIntervalMs: number;
    /** Days a relayed outbox row is kept before it is pruned (OUTBOX_RETENTION_DAYS, default 7). */
    outboxRetentionDays: number;
    /** Reminder jobs one worker process runs at once. */
    concurrency: number;
    attempts: number;
    backoffMs: number;
    smtpUrl: string | undefined;
    mailFrom: string;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
    publicUrl: string;
  };
}

export const DEFAULT_DEVELOPMENT_SECRET = 'interactiewijzer-development-secret-do-not-use-in-production';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  // Read strictly: "Production" is a typo, not development with the pick-your-role sign-in.
  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!NODE_ENVS.includes(nodeEnv)) problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (lower case), not "${env.NODE_ENV}"`);
  const production = nodeEnv === 'production';

  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);

  const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') problems.push(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, not "${env.SQLITE_SYNCHRONOUS}"`);

  const url = env.DATABASE_URL;
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite file)');
  const ownerUrl = env.DATABASE_OWNER_URL || undefined;
  if (ownerUrl !== undefined && (url === undefined || !/^postgres(ql)?:\/\//.test(ownerUrl))) problems.push('DATABASE_OWNER_URL must be a postgres:// URL, next to DATABASE_URL');

  let defaultTenant = 'default';
  try {
    defaultTenant = defaultTenantId(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const claim = env.AUTH_TENANT_CLAIM || 'tenant';
  const hosts: Record<string, string> = {};
  for (const pair of (env.TENANT_HOSTS ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [host, tenant] = pair.split('=').map((p) => p.trim().toLowerCase());
    if (!host || !tenant || !TENANT_ID.test(tenant)) problems.push(`TENANT_HOSTS must list host=tenant pairs separated by commas, not "${pair}"`);
    else hosts[host] = tenant;
  }

  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (jwksUrl !== undefined && !isHttpUrl(jwksUrl)) problems.push(`AUTH_JWKS_URL must be an http(s) URL, not "${jwksUrl}"`);
  const secret = env.AUTH_SECRET || (production || jwksUrl ? undefined : DEFAULT_DEVELOPMENT_SECRET);
  if (secret === undefined && jwksUrl === undefined) problems.push('set AUTH_SECRET or AUTH_JWKS_URL: production never uses the development secret');
  if (env.AUTH_SECRET && env.AUTH_SECRET.length < 32) problems.push('AUTH_SECRET must be at least 32 characters');
  if (production && (env.AUTH_SECRET === DEFAULT_DEVELOPMENT_SECRET || env.SESSION_SECRET === DEFAULT_DEVELOPMENT_SECRET)) {
    problems.push('the published development secret cannot sign anything in production: set AUTH_SECRET (and SESSION_SECRET) to a secret of your own');
  }
  const maxTokenAgeSeconds = durationSeconds(env.AUTH_MAX_TOKEN_AGE ?? '12h');
  if (maxTokenAgeSeconds === undefined) problems.push(`AUTH_MAX_TOKEN_AGE must be a duration such as 12h, 90m or 3600s, not "${env.AUTH_MAX_TOKEN_AGE}"`);

  const metricsPort = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort <= 0 || metricsPort > 65535)) problems.push(`METRICS_PORT must be a port from 1 to 65535, not "${env.METRICS_PORT}"`);

  const trustProxy = !env.TRUST_PROXY || env.TRUST_PROXY === 'off' ? false : env.TRUST_PROXY === 'on' ? true : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY;
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}"`);

  const positive = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive whole number, not "${env[name]}"`);
    return value;
  };
  const dayMs = positive('DAY_LENGTH_MS', 86_400_000);
  const reconcileIntervalMs = positive('RECONCILE_INTERVAL_MS', 300_000);
  const outboxRetentionDays = positive('OUTBOX_RETENTION_DAYS', 7);
  const concurrency = positive('REMINDER_CONCURRENCY', 50);
  const shutdownGraceMs = positive('SHUTDOWN_GRACE_MS', 10_000);
  const inspraakTermDays = positive('INSPRAAK_TERM_DAYS', 42);
  const challengeAssessmentDays = positive('CHALLENGE_ASSESSMENT_DAYS', 56);
  const unansweredLeadDays = positive('UNANSWERED_REACTIONS_LEAD_DAYS', 14);
  const mandatoryParticipationActivities = (env.MANDATORY_PARTICIPATION_ACTIVITIES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  // The list is a dated raadsbesluit, not free text: it applies to applications from that day.
  const mandatoryReference = env.MANDATORY_PARTICIPATION_DECISION?.trim() || undefined;
  const mandatorySince = env.MANDATORY_PARTICIPATION_SINCE || undefined;
  if (mandatoryParticipationActivities.length > 0 && (!mandatoryReference || !mandatorySince)) {
    problems.push('MANDATORY_PARTICIPATION_ACTIVITIES needs the raadsbesluit that designated them: MANDATORY_PARTICIPATION_DECISION (its reference) and MANDATORY_PARTICIPATION_SINCE (YYYY-MM-DD)');
  }
  if (mandatorySince !== undefined && !isCalendarDay(mandatorySince)) problems.push(`MANDATORY_PARTICIPATION_SINCE must be a day, YYYY-MM-DD, not "${mandatorySince}"`);
  const applicationRepairDays = positive('APPLICATION_REPAIR_DAYS', 14);
  const selection = { closed: env.ARCHIVE_RESULT_CLOSED || DEFAULT_SELECTION.closed, stopped: env.ARCHIVE_RESULT_STOPPED || DEFAULT_SELECTION.stopped };
  for (const [name, code] of [['ARCHIVE_RESULT_CLOSED', selection.closed], ['ARCHIVE_RESULT_STOPPED', selection.stopped]]) {
    if (!SELECTION_RESULTS[code]) problems.push(`${name} must be a result of the Selectielijst gemeenten 2020 this release knows (${Object.keys(SELECTION_RESULTS).join(', ')}), not "${code}"`);
  }
  const categoriesInForce: Partial<Record<WooCategory, string>> = { ...WOO_CATEGORIES_IN_FORCE };
  for (const pair of (env.WOO_CATEGORIES_IN_FORCE ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [category, since] = pair.split('=').map((p) => p.trim());
    if (!category.startsWith('3.3.') || !WOO_CATEGORY_KEYS.includes(category as WooCategory) || !isCalendarDay(since ?? '')) {
      problems.push(`WOO_CATEGORIES_IN_FORCE takes category=YYYY-MM-DD pairs of Woo art. 3.3 (3.3.1a … 3.3.2l), not "${pair}"`);
    } else categoriesInForce[category as WooCategory] = since;
  }
  const days = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be a whole number of days, 0 or more, not "${env[name]}"`);
    return value;
  };
  // Every kind of personal data its own period; RETENTION_PERSONAL_DATA_DAYS is the default for all.
  const personalDataDays = days('RETENTION_PERSONAL_DATA_DAYS', DEFAULT_RETENTION_DAYS);
  const retentionDays = Object.fromEntries(PERSONAL_DATA_KINDS.map((kind) => [kind, days(retentionVariable(kind), personalDataDays)])) as Record<PersonalDataKind, number>;
  const collegeProcedureMinTermDays = positive('COLLEGE_PROCEDURE_MIN_TERM_DAYS', 14);
  const inspraakPostalWeek = (env.INSPRAAK_POSTAL_WEEK ?? 'on').toLowerCase();
  if (inspraakPostalWeek !== 'on' && inspraakPostalWeek !== 'off') problems.push(`INSPRAAK_POSTAL_WEEK must be on or off, not "${env.INSPRAAK_POSTAL_WEEK}"`);
  const attempts = positive('REMINDER_ATTEMPTS', 5);
  const backoffMs = positive('REMINDER_BACKOFF_MS', 30_000);
  const workers = (env.WORKERS ?? 'on').toLowerCase();
  if (workers !== 'on' && workers !== 'off') problems.push(`WORKERS must be on or off, not "${env.WORKERS}"`);
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) problems.push(`REDIS_URL must be a redis:// URL, not "${redisUrl}"`);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) problems.push(`SMTP_URL must be an smtp:// or smtps:// URL, not "${smtpUrl}"`);
  const webhookUrl = env.REMINDER_WEBHOOK_URL || undefined;
  if (webhookUrl !== undefined && !isHttpUrl(webhookUrl)) problems.push(`REMINDER_WEBHOOK_URL must be an http(s) URL, not "${webhookUrl}"`);
  if (webhookUrl !== undefined && !env.REMINDER_WEBHOOK_SECRET) problems.push('REMINDER_WEBHOOK_URL needs REMINDER_WEBHOOK_SECRET to sign its requests');

  const sessionSecret = env.SESSION_SECRET || secret;
  if (env.SESSION_SECRET && env.SESSION_SECRET.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  const issuerUrl = env.OIDC_ISSUER || undefined;
  if (issuerUrl !== undefined && !isHttpUrl(issuerUrl)) problems.push(`OIDC_ISSUER must be an http(s) URL, not "${issuerUrl}"`);
  if (issuerUrl !== undefined && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) problems.push('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  if (issuerUrl !== undefined && !sessionSecret) problems.push('OIDC_ISSUER needs SESSION_SECRET (or AUTH_SECRET) to sign the session cookie');
  const allowHttp = env.OIDC_ALLOW_HTTP === 'on';
  for (const name of ['MUNICIPALITY_LOGO_URL', 'THEME_CSS_URL']) {
    const value = env[name];
    // A path on this site: the Content-Security-Policy lets the pages load images and styles from their own origin only.
    if (value && !/^\/(?!\/)/.test(value)) problems.push(`${name} must be a path on this site (e.g. /assets/gemeente/logo.svg), not "${value}"`);
  }
  if (allowHttp && production) problems.push('OIDC_ALLOW_HTTP is for a local identity provider in development; production talks to its provider over https');

  const auditSigningKey = env.AUDIT_SIGNING_KEY || undefined;
  if (auditSigningKey !== undefined && !isEd25519PrivateJwk(auditSigningKey)) problems.push('AUDIT_SIGNING_KEY must be a private Ed25519 JWK (JSON with kty "OKP", crv "Ed25519", x and d)');
  const rsin = env.ZGW_RSIN || undefined;
  if (rsin !== undefined && !/^\d{9}$/.test(rsin)) problems.push(`ZGW_RSIN must be the municipality's RSIN: nine digits, not "${rsin}"`);
  const municipalityCode = env.MUNICIPALITY_CODE || undefined;
  if (municipalityCode !== undefined && !/^\d{4}$/.test(municipalityCode)) problems.push(`MUNICIPALITY_CODE must be the municipality's CBS code: four digits (e.g. 0363), not "${municipalityCode}"`);
  let besluittypen: Record<string, string> = {};
  if (env.ZGW_BESLUITTYPEN) {
    try {
      besluittypen = JSON.parse(env.ZGW_BESLUITTYPEN) as Record<string, string>;
      if (typeof besluittypen !== 'object' || Object.values(besluittypen).some((url) => typeof url !== 'string' || !isHttpUrl(url))) throw new Error('not a map of URLs');
    } catch {
      problems.push('ZGW_BESLUITTYPEN must be a JSON object from step (e.g. DECISION_TAKEN) to the besluittype URL in the municipality\'s catalogue');
    }
  }
  if (production && auditSigningKey === undefined) problems.push('set AUDIT_SIGNING_KEY in production: audit exports must be signed with a key whose public half stays published');

  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);

  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    shutdownGraceMs,
    serverTiming: env.SERVER_TIMING === 'on',
    metricsPort,
    logLevel,
    trustProxy,
    web: {
      sessionSecret,
      oidc: issuerUrl ? { issuer: issuerUrl, clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET! } : undefined,
      oidcAllowHttp: allowHttp,
      municipality: { name: env.MUNICIPALITY_NAME || 'Gemeente', logoUrl: env.MUNICIPALITY_LOGO_URL || undefined, themeCssUrl: env.THEME_CSS_URL || undefined },
    },
    tenancy: { defaultTenant, claim, hosts },
    database: url
      ? { kind: 'postgres', url, ...(ownerUrl && { ownerUrl }) }
      : { kind: 'sqlite', path: env.SQLITE_PATH ?? './data/interactiewijzer.sqlite', synchronous: synchronous as 'FULL' | 'NORMAL' },
    auditSigningKey,
    zgw: { rsin, besluittypen },
    woo: { municipalityCode, categoriesInForce },
    rules: {
      inspraakTermDays,
      challengeAssessmentDays,
      mandatoryParticipationActivities,
      mandatoryParticipationDecision: mandatoryReference && mandatorySince ? { reference: mandatoryReference, since: mandatorySince } : null,
      applicationRepairDays,
      collegeProcedureMinTermDays,
      inspraakPostalWeek: inspraakPostalWeek === 'on',
      unansweredLeadDays,
      fromEnvironment: DEPRECATED_GUIDE_VARIABLES.filter((name) => env[name] !== undefined && env[name] !== ''),
    },
    retention: { days: retentionDays },
    archive: { selection },
    auth: { secret, jwksUrl, issuer: env.AUTH_ISSUER || undefined, audience: env.AUTH_AUDIENCE || undefined, maxTokenAgeSeconds: maxTokenAgeSeconds! },
    reminders: {
      redisUrl,
      queuePrefix: env.QUEUE_PREFIX || 'interactiewijzer',
      workers: workers === 'on',
      dayMs,
      reconcileIntervalMs,
      outboxRetentionDays,
      concurrency,
      attempts,
      backoffMs,
      smtpUrl,
      mailFrom: env.MAIL_FROM || 'interactiewijzer <noreply@interactiewijzer.local>',
      webhookUrl,
      webhookSecret: env.REMINDER_WEBHOOK_SECRET || undefined,
      publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    },
  };
}

const NODE_ENVS = ['development', 'test', 'production'];

/** "12h", "90m", "3600s" or plain seconds; undefined when it is none of these or not positive. */
function durationSeconds(value: string): number | undefined {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  if (!match || Number(match[1]) <= 0) return undefined;
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
}

function isEd25519PrivateJwk(value: string): boolean {
  try {
    const jwk = JSON.parse(value) as Record<string, unknown>;
    return jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string' && typeof jwk.d === 'string';
  } catch {
    return false;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
