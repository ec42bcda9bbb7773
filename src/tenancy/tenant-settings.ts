import { DEFAULT_GUIDE_ID } from '../../machines/participation-project';
import type { AppConfig } from '../config/app-config';
import type { TenantRow } from '../database/tenant.repository';

/**
 * What makes an installation one municipality's (issue 21). The default tenant's come from the
 * environment (MUNICIPALITY_NAME, MUNICIPALITY_CODE, ZGW_*, MAIL_FROM, REMINDER_WEBHOOK_*,
 * OIDC_*, THEME_CSS_URL, MUNICIPALITY_LOGO_URL, AUDIT_SIGNING_KEY); every other tenant's are
 * stored with it and changed by the operator.
 */
export interface TenantSettings {
  id: string;
  /** The municipality's name, as residents read it: "Gemeente Overbetuwe". */
  name: string;
  /** Its CBS code (four digits), which names it in the TOOI register: the publisher in DiWoo. */
  municipalityCode: string | null;
  /** Its RSIN and its ZGW besluittypen per step (ZGW Besluiten API). */
  zgw: { rsin: string | null; besluittypen: Record<string, string> };
  /** The guide its new projects run under (issue 20). */
  guide: string;
  /** Its look: logo and NL Design System theme, paths on this site. */
  theme: { logoUrl: string | null; themeCssUrl: string | null };
  /** Its reminders' sender, and its webhook with the secret that signs it. */
  mail: { from: string; webhookUrl: string | null; webhookSecret: string | null };
  /** Its identity provider for the web interface. */
  oidc: { issuer: string; clientId: string; clientSecret: string } | null;
  /** The default tenant, configured by the environment. */
  fromEnvironment: boolean;
}

/** The settings stored as JSON with a tenant: all but its id, name and code. */
export type StoredSettings = Pick<TenantSettings, 'zgw' | 'guide' | 'theme' | 'mail' | 'oidc'>;

/** The default tenant's settings: the environment's, as before tenants existed. */
export function environmentSettings(row: TenantRow, config: AppConfig): TenantSettings {
  const { web, zgw, woo, reminders } = config;
  return {
    id: row.id,
    name: web.municipality.name,
    municipalityCode: woo.municipalityCode ?? null,
    zgw: { rsin: zgw.rsin ?? null, besluittypen: zgw.besluittypen as Record<string, string> },
    guide: DEFAULT_GUIDE_ID,
    theme: { logoUrl: web.municipality.logoUrl ?? null, themeCssUrl: web.municipality.themeCssUrl ?? null },
    mail: { from: reminders.mailFrom, webhookUrl: reminders.webhookUrl ?? null, webhookSecret: reminders.webhookSecret ?? null },
    oidc: web.oidc ? { issuer: web.oidc.issuer, clientId: web.oidc.clientId, clientSecret: web.oidc.clientSecret } : null,
    fromEnvironment: true,
  };
}

/** Another tenant's settings: its row. */
export function storedSettings(row: TenantRow): TenantSettings {
  const stored = JSON.parse(row.settings) as StoredSettings;
  return { id: row.id, name: row.name, municipalityCode: row.municipalityCode, ...stored, fromEnvironment: false };
}
