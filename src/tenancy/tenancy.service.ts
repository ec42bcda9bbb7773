import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenantRepository, type TenantRow } from '../database/tenant.repository';
import { tenantScope } from '../database/tenant-scope';
import { environmentSettings, storedSettings, type TenantSettings } from './tenant-settings';

/** How often an instance looks for tenants another one added or changed. */
const TENANT_POLL_MS = 5_000;

/**
 * The municipalities this installation serves (issue 21), loaded at start and kept current.
 * The default tenant is the environment's; the others are the operator's (src/tenants).
 */
@Injectable()
export class Tenancy implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Tenancy');
  private rows = new Map<string, TenantRow>();
  private settings = new Map<string, TenantSettings>();
  private poll?: NodeJS.Timeout;

  constructor(
    private readonly tenants: TenantRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    const wanted = this.config.tenancy.defaultTenant;
    const configured = [...this.rows.values()].find((row) => row.fromEnvironment);
    // The tenants migration made the default tenant; its id never changes afterwards.
    if (configured?.id !== wanted) {
      throw new Error(`TENANT_ID is "${wanted}", but this database's default tenant is ${configured ? `"${configured.id}": set TENANT_ID=${configured.id}` : 'missing: restore the tenants table from a backup'} (a tenant's id never changes).`);
    }
    this.poll = setInterval(() => void this.reload().catch((error: unknown) => this.logger.warn(`Reloading the tenants failed: ${String(error)}`)), TENANT_POLL_MS);
    this.poll.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.poll);
  }

  async reload(): Promise<void> {
    const rows = await this.tenants.all();
    this.rows = new Map(rows.map((row) => [row.id, row]));
    this.settings = new Map(rows.map((row) => [row.id, row.fromEnvironment ? environmentSettings(row, this.config) : storedSettings(row)]));
  }

  get defaultTenant(): string {
    return this.config.tenancy.defaultTenant;
  }

  /** Whether the installation serves one municipality only: then a token need not name it. */
  single(): boolean {
    return this.settings.size <= 1;
  }

  all(): TenantSettings[] {
    return [...this.settings.values()];
  }

  get(id: string): TenantSettings | undefined {
    return this.settings.get(id);
  }

  /** The municipality a host name of its own serves (TENANT_HOSTS), when it is loaded; the port does not count. */
  hostedBy(host: string): string | undefined {
    const tenant = this.config.tenancy.hosts[host.toLowerCase().replace(/:\d+$/, '')];
    return tenant !== undefined && this.settings.has(tenant) ? tenant : undefined;
  }

  /** The settings of a tenant that must exist (404 otherwise). */
  require(id: string): TenantSettings {
    const found = this.settings.get(id);
    if (!found) throw ApiError.notFound('tenant', id);
    return found;
  }

  row(id: string): TenantRow | undefined {
    return this.rows.get(id);
  }

  /** The tenant in scope. */
  current(): TenantSettings {
    const id = tenantScope.required();
    const found = this.settings.get(id);
    if (!found) throw new Error(`Tenant ${id} is not loaded`);
    return found;
  }

  /** Runs `work` for every tenant (or these) in turn, each in its own scope: the platform's rounds (reminders, roots, guides). */
  async eachTenant(work: (tenant: TenantSettings) => Promise<unknown>, only?: readonly string[]): Promise<void> {
    const tenants = only ? only.map((id) => this.settings.get(id)).filter((t): t is TenantSettings => t !== undefined) : this.all();
    for (const tenant of tenants) await tenantScope.within(tenant.id, () => work(tenant));
  }
}
