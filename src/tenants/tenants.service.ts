import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_GUIDE_ID, readGuideFiles, type GuideDocument } from '../../machines/participation-project';
import { newSigningKey } from '../audit/audit-signer';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenantRepository, type TenantRow } from '../database/tenant.repository';
import { tenantScope } from '../database/tenant-scope';
import { TransactionRunner } from '../database/transaction-runner';
import { GuidesService } from '../guides/guides.service';
import { Tenancy } from '../tenancy/tenancy.service';
import type { StoredSettings, TenantSettings } from '../tenancy/tenant-settings';
import type { CreateTenantDto, UpdateTenantDto } from './dto/tenant.dto';

/** A tenant as the operator reads it: its settings without a secret. */
export interface TenantView {
  id: string;
  name: string;
  municipalityCode: string | null;
  guide: string;
  zgw: TenantSettings['zgw'];
  theme: TenantSettings['theme'];
  mail: { from: string; webhookUrl: string | null; webhookSecretSet: boolean };
  oidc: { issuer: string; clientId: string } | null;
  /** Configured by the environment (the default tenant); the operator changes the others. */
  fromEnvironment: boolean;
  publicPages: string;
  jwks: string;
}

const viewOf = (t: TenantSettings): TenantView => ({
  id: t.id,
  name: t.name,
  municipalityCode: t.municipalityCode,
  guide: t.guide,
  zgw: t.zgw,
  theme: t.theme,
  mail: { from: t.mail.from, webhookUrl: t.mail.webhookUrl, webhookSecretSet: t.mail.webhookSecret !== null },
  oidc: t.oidc && { issuer: t.oidc.issuer, clientId: t.oidc.clientId },
  fromEnvironment: t.fromEnvironment,
  publicPages: `/openbaar/${t.id}`,
  jwks: `/openbaar/${t.id}/jwks.json`,
});

/**
 * The operator's management of the municipalities (issue 21): add one (its own signing key, the
 * shipped guides published in it), change its settings, list them. The operator reads no
 * municipality's projects: nothing here touches a tenant's rows but its guides.
 */
@Injectable()
export class TenantsService {
  private readonly logger = new Logger('Tenants');

  constructor(
    private readonly tenants: TenantRepository,
    private readonly tenancy: Tenancy,
    private readonly guides: GuidesService,
    private readonly transactions: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<TenantView[]> {
    await this.tenancy.reload();
    return this.tenancy.all().map(viewOf);
  }

  async get(id: string): Promise<TenantView> {
    await this.tenancy.reload();
    return viewOf(this.tenancy.require(id));
  }

  async create(input: CreateTenantDto, now = new Date()): Promise<TenantView> {
    await this.tenancy.reload();
    if (this.tenancy.get(input.id)) throw new ApiError(409, 'tenant-exists', `There is a municipality ${input.id} already; change it with PATCH /api/tenants/${input.id}.`);
    const guide = input.guide ?? DEFAULT_GUIDE_ID;
    // A new municipality starts with the shipped guides: its guide must be one of them.
    const shipped = readGuideFiles().map(({ document }) => (document as GuideDocument).id);
    if (!shipped.includes(guide)) throw guideNotFound(guide, shipped);
    const at = now.toISOString();
    const row: TenantRow = {
      id: input.id,
      name: input.name,
      municipalityCode: input.municipalityCode,
      settings: JSON.stringify(settingsOf(input, guide, this.config)),
      signingKey: await newSigningKey(),
      fromEnvironment: false,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.transactions.run((manager) => this.tenants.insert(manager, row));
    } catch (error) {
      // Another instance added it meanwhile (the primary key).
      await this.tenancy.reload();
      if (this.tenancy.get(input.id)) throw new ApiError(409, 'tenant-exists', `There is a municipality ${input.id} already.`);
      throw error;
    }
    await this.tenancy.reload();
    await tenantScope.within(input.id, () => this.guides.publishShipped());
    this.logger.log(`Added municipality ${input.id} (${input.name})`);
    return viewOf(this.tenancy.require(input.id));
  }

  async update(id: string, patch: UpdateTenantDto, now = new Date()): Promise<TenantView> {
    await this.tenancy.reload();
    const current = this.tenancy.require(id);
    const row = this.tenancy.row(id)!;
    if (current.fromEnvironment) throw new ApiError(409, 'tenant-from-environment', `${id} is the default municipality, configured by the environment (MUNICIPALITY_NAME, MAIL_FROM, …): change its variables and restart.`);
    const guide = patch.guide ?? current.guide;
    if (patch.guide !== undefined) {
      const known = await tenantScope.within(id, async () => {
        await this.guides.reload();
        return this.guides.knows(guide);
      });
      if (!known) throw guideNotFound(guide, []);
    }
    const stored: StoredSettings = {
      guide,
      zgw: { rsin: patch.zgw?.rsin ?? current.zgw.rsin, besluittypen: patch.zgw?.besluittypen ?? current.zgw.besluittypen },
      theme: { logoUrl: patch.theme?.logoUrl ?? current.theme.logoUrl, themeCssUrl: patch.theme?.themeCssUrl ?? current.theme.themeCssUrl },
      mail: { from: patch.mail?.from ?? current.mail.from, webhookUrl: patch.mail?.webhookUrl ?? current.mail.webhookUrl, webhookSecret: patch.mail?.webhookSecret ?? current.mail.webhookSecret },
      oidc: patch.oidc ?? current.oidc,
    };
    if (stored.mail.webhookUrl && !stored.mail.webhookSecret) throw webhookNeedsSecret();
    const updated: TenantRow = { ...row, name: patch.name ?? row.name, municipalityCode: patch.municipalityCode ?? row.municipalityCode, settings: JSON.stringify(stored), updatedAt: now.toISOString() };
    await this.transactions.run((manager) => this.tenants.update(manager, updated));
    await this.tenancy.reload();
    return viewOf(this.tenancy.require(id));
  }
}

function settingsOf(input: CreateTenantDto, guide: string, config: AppConfig): StoredSettings {
  if (input.mail?.webhookUrl && !input.mail.webhookSecret) throw webhookNeedsSecret();
  return {
    guide,
    zgw: { rsin: input.zgw?.rsin ?? null, besluittypen: input.zgw?.besluittypen ?? {} },
    theme: { logoUrl: input.theme?.logoUrl ?? null, themeCssUrl: input.theme?.themeCssUrl ?? null },
    // Without a sender of its own, the installation's.
    mail: { from: input.mail?.from ?? config.reminders.mailFrom, webhookUrl: input.mail?.webhookUrl ?? null, webhookSecret: input.mail?.webhookSecret ?? null },
    oidc: input.oidc ?? null,
  };
}

const guideNotFound = (guide: string, known: string[]) =>
  new ApiError(422, 'guide-not-found', `There is no guide ${guide}${known.length ? `: choose one of ${known.join(', ')}` : ''}.`, { errors: [{ field: 'guide', message: 'unknown guide' }] });

const webhookNeedsSecret = () => new ApiError(422, 'webhook-secret-required', 'A webhook needs its secret (mail.webhookSecret), which signs every request.', { errors: [{ field: 'mail.webhookSecret', message: 'required with mail.webhookUrl' }] });
