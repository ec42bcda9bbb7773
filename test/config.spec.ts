import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_VERSION } from '../src/common/version';
import { ConfigError, DEFAULT_DEVELOPMENT_SECRET, loadConfig } from '../src/config/app-config';

describe('configuration', () => {
  it('serves one machine by default: port 3000, SQLite under ./data with synchronous=FULL, the development secret', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      production: false,
      shutdownGraceMs: 10_000,
      auditSigningKey: undefined,
      zgw: { rsin: undefined, besluittypen: {} },
      woo: { municipalityCode: undefined, categoriesInForce: { '3.3.1a': '2024-11-01', '3.3.1b': '2024-11-01', '3.3.1d': '2024-11-01', '3.3.1e': '2024-11-01', '3.3.2b': '2024-11-01' } },
      rules: { inspraakTermDays: 42, challengeAssessmentDays: 56, mandatoryParticipationActivities: [], mandatoryParticipationDecision: null, applicationRepairDays: 14, collegeProcedureMinTermDays: 14, inspraakPostalWeek: true, unansweredLeadDays: 14, fromEnvironment: [] },
      retention: { days: { 'reaction-sender': 365, 'reaction-contact': 365, initiator: 365 } },
      archive: { selection: { closed: '2.1.1', stopped: '2.2' } },
      serverTiming: false,
      logLevel: 'info',
      trustProxy: false,
      web: { sessionSecret: DEFAULT_DEVELOPMENT_SECRET, oidc: undefined, oidcAllowHttp: false, municipality: { name: 'Gemeente', logoUrl: undefined, themeCssUrl: undefined } },
      tenancy: { defaultTenant: 'default', claim: 'tenant', hosts: {} },
      database: { kind: 'sqlite', path: './data/interactiewijzer.sqlite', synchronous: 'FULL' },
      auth: { secret: DEFAULT_DEVELOPMENT_SECRET, jwksUrl: undefined, issuer: undefined, audience: undefined, maxTokenAgeSeconds: 43_200 },
      reminders: {
        redisUrl: 'redis://127.0.0.1:6379',
        queuePrefix: 'interactiewijzer',
        workers: true,
        dayMs: 86_400_000,
        reconcileIntervalMs: 300_000,
        outboxRetentionDays: 7,
        concurrency: 50,
        attempts: 5,
        backoffMs: 30_000,
        smtpUrl: undefined,
        mailFrom: 'interactiewijzer <noreply@interactiewijzer.local>',
        webhookUrl: undefined,
        webhookSecret: undefined,
        publicUrl: 'http://localhost:3000',
      },
    });
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(['', 'off', 'on', '1', '10.0.0.0/8,127.0.0.1'].map((TRUST_PROXY) => loadConfig({ TRUST_PROXY }).trustProxy)).toEqual([false, false, true, 1, '10.0.0.0/8,127.0.0.1']);
  });

  it('writes log lines from LOG_LEVEL up, and refuses a level pino does not know', () => {
    expect(loadConfig({ LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"/);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/iw' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/iw' });
  });

  it('migrates as the owner with DATABASE_OWNER_URL and serves as DATABASE_URL’s role (issue 21)', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://iw_service@db/iw', DATABASE_OWNER_URL: 'postgres://iw_owner@db/iw' }).database).toEqual({ kind: 'postgres', url: 'postgres://iw_service@db/iw', ownerUrl: 'postgres://iw_owner@db/iw' });
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://iw_owner@db/iw' })).toThrow(/DATABASE_OWNER_URL must be a postgres:\/\/ URL, next to DATABASE_URL/);
  });

  it('names the default tenant, the token claim and the tenants’ host names, and refuses what is no slug (issue 21)', () => {
    expect(loadConfig({ TENANT_ID: 'overbetuwe', AUTH_TENANT_CLAIM: 'gemeente', TENANT_HOSTS: 'participatie.a.nl=gemeente-a, Participatie.B.nl = gemeente-b' }).tenancy).toEqual({
      defaultTenant: 'overbetuwe',
      claim: 'gemeente',
      hosts: { 'participatie.a.nl': 'gemeente-a', 'participatie.b.nl': 'gemeente-b' },
    });
    expect(() => loadConfig({ TENANT_ID: 'Gemeente A', TENANT_HOSTS: 'x.nl' })).toThrow(/TENANT_ID must be a slug[\s\S]*TENANT_HOSTS must list host=tenant pairs/);
  });

  it('names every bad value at once', () => {
    const load = () => loadConfig({ PORT: 'eighty', SQLITE_SYNCHRONOUS: 'OFF', DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short', AUTH_JWKS_URL: 'ftp://x' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT[\s\S]*SQLITE_SYNCHRONOUS[\s\S]*DATABASE_URL[\s\S]*AUTH_JWKS_URL[\s\S]*AUTH_SECRET/);
  });

  it('takes the municipality’s CBS code for the DiWoo export: four digits', () => {
    expect(loadConfig({ MUNICIPALITY_CODE: '0363' }).woo.municipalityCode).toBe('0363');
    expect(() => loadConfig({ MUNICIPALITY_CODE: 'gm0363' })).toThrow(/MUNICIPALITY_CODE must be the municipality's CBS code/);
  });

  it('takes the list of mandatory participation only as a dated raadsbesluit, and checks the rules of issue 18', () => {
    expect(() => loadConfig({ MANDATORY_PARTICIPATION_ACTIVITIES: 'kappen' })).toThrow(/MANDATORY_PARTICIPATION_DECISION \(its reference\) and MANDATORY_PARTICIPATION_SINCE/);
    expect(() => loadConfig({ MANDATORY_PARTICIPATION_ACTIVITIES: 'kappen', MANDATORY_PARTICIPATION_DECISION: 'R 2024/1', MANDATORY_PARTICIPATION_SINCE: '1-7-2024' })).toThrow(/MANDATORY_PARTICIPATION_SINCE must be a day/);
    expect(loadConfig({ MANDATORY_PARTICIPATION_ACTIVITIES: 'kappen', MANDATORY_PARTICIPATION_DECISION: 'R 2024/1', MANDATORY_PARTICIPATION_SINCE: '2024-07-01' }).rules.mandatoryParticipationDecision).toEqual({ reference: 'R 2024/1', since: '2024-07-01' });
    expect(() => loadConfig({ INSPRAAK_POSTAL_WEEK: 'maybe', RETENTION_PERSONAL_DATA_DAYS: '-1', COLLEGE_PROCEDURE_MIN_TERM_DAYS: '0' })).toThrow(/COLLEGE_PROCEDURE_MIN_TERM_DAYS[\s\S]*INSPRAAK_POSTAL_WEEK/);
    expect(() => loadConfig({ RETENTION_PERSONAL_DATA_DAYS: '-1' })).toThrow(/RETENTION_PERSONAL_DATA_DAYS must be a whole number/);
    expect(loadConfig({ RETENTION_PERSONAL_DATA_DAYS: '0', INSPRAAK_POSTAL_WEEK: 'off' })).toMatchObject({ retention: { days: { 'reaction-sender': 0, 'reaction-contact': 0, initiator: 0 } }, rules: { inspraakPostalWeek: false } });
    // Each kind its own period, the general one its default.
    expect(loadConfig({ ARCHIVE_RESULT_CLOSED: '3.1.1', ARCHIVE_RESULT_STOPPED: '2.4' }).archive.selection).toEqual({ closed: '3.1.1', stopped: '2.4' });
    expect(() => loadConfig({ ARCHIVE_RESULT_STOPPED: '2.9' })).toThrow(/ARCHIVE_RESULT_STOPPED must be a result of the Selectielijst gemeenten 2020 this release knows/);
    expect(loadConfig({ WOO_CATEGORIES_IN_FORCE: ' 3.3.2i=2026-07-01 , 3.3.2c=2027-01-01' }).woo.categoriesInForce).toMatchObject({ '3.3.1a': '2024-11-01', '3.3.2i': '2026-07-01', '3.3.2c': '2027-01-01' });
    for (const wrong of ['3.3.2i', '3.3.2z=2026-07-01', '3.1=2026-07-01', '3.3.2i=1 juli 2026']) {
      expect(() => loadConfig({ WOO_CATEGORIES_IN_FORCE: wrong })).toThrow(/WOO_CATEGORIES_IN_FORCE takes category=YYYY-MM-DD/);
    }
    expect(loadConfig({ RETENTION_PERSONAL_DATA_DAYS: '30', RETENTION_INITIATOR_DAYS: '730' }).retention.days).toEqual({ 'reaction-sender': 30, 'reaction-contact': 30, initiator: 730 });
    expect(() => loadConfig({ RETENTION_REACTION_SENDER_DAYS: 'een jaar' })).toThrow(/RETENTION_REACTION_SENDER_DAYS must be a whole number of days, 0 or more, not "een jaar"/);
  });

  it('checks the reminder settings', () => {
    expect(() => loadConfig({ WORKERS: 'maybe', DAY_LENGTH_MS: '0', REDIS_URL: 'http://x', SMTP_URL: 'mail.example', REMINDER_WEBHOOK_URL: 'https://chat.example/hook' })).toThrow(
      /DAY_LENGTH_MS[\s\S]*WORKERS[\s\S]*REDIS_URL[\s\S]*SMTP_URL[\s\S]*REMINDER_WEBHOOK_SECRET/,
    );
    expect(loadConfig({ WORKERS: 'off', DAY_LENGTH_MS: '1000', PUBLIC_URL: 'https://iw.gemeente.example/' }).reminders).toMatchObject({ workers: false, dayMs: 1000, publicUrl: 'https://iw.gemeente.example' });
  });

  it('never uses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET or AUTH_JWKS_URL/);
    const key = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd' });
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example.nl/jwks', AUDIT_SIGNING_KEY: key }).auth.secret).toBeUndefined();
    // Exports are signed with a key whose public half stays published: production never makes one up.
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example.nl/jwks' })).toThrow(/AUDIT_SIGNING_KEY/);
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: '{"kty":"RSA"}' })).toThrow(/private Ed25519 JWK/);
  });

  it('refuses the published development secret in production, even when set by hand', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: DEFAULT_DEVELOPMENT_SECRET })).toThrow(/development secret/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example.nl/jwks', SESSION_SECRET: DEFAULT_DEVELOPMENT_SECRET })).toThrow(/development secret/);
  });

  it('reads NODE_ENV strictly: a misspelt production never runs as development', () => {
    for (const value of ['Production', 'prod', 'PRODUCTION', '']) expect(() => loadConfig({ NODE_ENV: value })).toThrow(/NODE_ENV/);
    expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(false);
  });

  it('caps a bearer token’s lifetime with AUTH_MAX_TOKEN_AGE', () => {
    expect(loadConfig({ AUTH_MAX_TOKEN_AGE: '90m' }).auth.maxTokenAgeSeconds).toBe(5400);
    expect(loadConfig({ AUTH_MAX_TOKEN_AGE: '3600' }).auth.maxTokenAgeSeconds).toBe(3600);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_AGE: 'forever' })).toThrow(/AUTH_MAX_TOKEN_AGE/);
  });

  it('names the release package.json names, in the API description and the accessibility statement', () => {
    expect(PACKAGE_VERSION).toBe(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version);
  });
});
