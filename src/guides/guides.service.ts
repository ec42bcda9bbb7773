import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_GUIDE_ID, guideFaults, readGuideFiles, refOf, registerGuide, registeredGuide, type GuideDocument, type GuideFault, type GuideRef } from '../../machines/participation-project';
import type { Actor } from '../auth/roles';
import { SYSTEM_ACTOR } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, DEPRECATED_GUIDE_VARIABLE_FIELDS, type AppConfig } from '../config/app-config';
import { GuideRepository, type StoredGuideVersion } from '../database/guide.repository';
import { tenantScope } from '../database/tenant-scope';
import { Tenancy } from '../tenancy/tenancy.service';

export interface GuideVersionView {
  id: string;
  version: number;
  sha256: string;
  name: GuideDocument['name'];
  municipality: string;
  source: GuideDocument['source'];
  publishedAt: string;
  publishedBy: string;
}

const viewOf = (stored: StoredGuideVersion, document: GuideDocument): GuideVersionView => ({
  id: stored.guideId,
  version: stored.version,
  sha256: stored.sha256,
  name: document.name,
  municipality: document.municipality,
  source: document.source,
  publishedAt: stored.publishedAt,
  publishedBy: stored.publishedBy,
});

/** How often an instance looks for guide versions published by another. */
const GUIDE_POLL_MS = 5_000;

/** A guide document refused: every fault with its path, in one answer. */
export const guideInvalid = (faults: GuideFault[]) =>
  new ApiError(422, 'guide-invalid', `The guide has ${faults.length} fault${faults.length === 1 ? '' : 's'}; see errors for each path.`, { errors: faults.map((f) => ({ path: f.path, message: f.message.en, messageNl: f.message.nl })) });

type Loaded = { stored: StoredGuideVersion; document: GuideDocument };

/**
 * The guides and their versions (issue 20). The guides shipped in `guides/` are published at
 * start (checked like any other); every version is kept in the database, immutable, and
 * registered with the machines by its hash, so a project pinned to it finds its rules.
 *
 * Each municipality keeps its own guides (issue 21): the shipped ones are published in every
 * tenant, and what one municipality's admin publishes is its own. Everything here reads the
 * versions of the tenant in scope.
 */
@Injectable()
export class GuidesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Guides');
  /** What this process has loaded, per tenant, by guide and version: small, and never changed once published. */
  private loaded = new Map<string, Loaded[]>();
  private poll?: NodeJS.Timeout;

  constructor(
    @Inject(GuideRepository) private readonly guides: GuideRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenancy: Tenancy,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.tenancy.eachTenant(() => this.publishShipped());
    // Versions another instance publishes are loaded here within seconds (until then, 503 guide-not-loaded).
    this.poll = setInterval(() => void this.reloadIfNew().catch((error: unknown) => this.logger.warn(`Reloading the guides failed: ${String(error)}`)), GUIDE_POLL_MS);
    this.poll.unref();
    for (const name of this.config.rules.fromEnvironment) {
      this.logger.warn(`${name} is deprecated and applies to the default guide ${DEFAULT_GUIDE_ID} for this release only: set ${DEPRECATED_GUIDE_VARIABLE_FIELDS[name]} in the guide instead (README "Guides").`);
    }
  }

  /** The guides shipped in `guides/`, published in the tenant in scope (at start, and for a new tenant), then its versions loaded. */
  async publishShipped(): Promise<void> {
    for (const { file, document } of readGuideFiles()) {
      const shipped = document as GuideDocument;
      // A version published before was checked then and never changes; a new one is checked now: a fault fails the boot, not a user.
      const named = typeof shipped?.id === 'string' && Number.isInteger(shipped?.version);
      let stored = named ? await this.guides.version(shipped.id, shipped.version) : undefined;
      if (!stored) {
        const faults = guideFaults(document);
        if (faults.length > 0) throw new Error(`guides/${file} is not a valid guide: ${faults.map((f) => `${f.path}: ${f.message.en}`).join('; ')}`);
        stored = await this.store(shipped, SYSTEM_ACTOR, new Date());
      }
      if (stored.sha256 !== refOf(shipped).sha256) {
        throw new Error(`guides/${file} changed ${stored.guideId} version ${stored.version}, which is published and never changes: give the file the next version number`);
      }
    }
    await this.reload();
  }

  onModuleDestroy(): void {
    clearInterval(this.poll);
  }

  /** Every tenant's versions, reloaded where another instance published one (or added a tenant). */
  private async reloadIfNew(): Promise<void> {
    await this.tenancy.eachTenant(async () => {
      if ((await this.guides.published()) !== this.loaded.get(tenantScope.required())?.length) await this.reload();
    });
  }

  /** Reads every version of the tenant in scope from the database and registers it: also finds versions another instance published. */
  async reload(): Promise<void> {
    const versions = (await this.guides.all()).map((stored) => {
      // One parsed document per version for every municipality that publishes it (issue 22: 342 of them share the shipped ones).
      const known = registeredGuide(stored.sha256);
      const document = known ?? (JSON.parse(stored.document) as GuideDocument);
      if (!known) registerGuide(document);
      return { stored, document };
    });
    this.loaded.set(tenantScope.required(), versions);
  }

  /** The versions of the tenant in scope. */
  private get versions(): Loaded[] {
    return this.loaded.get(tenantScope.required()) ?? [];
  }

  private store(document: GuideDocument, actor: Actor, now: Date): Promise<StoredGuideVersion> {
    return this.guides.insert({ guideId: document.id, version: document.version, sha256: refOf(document).sha256, document: JSON.stringify(document), publishedAt: now.toISOString(), publishedBy: actor.name });
  }

  /** Every guide with its latest version. */
  list(): GuideVersionView[] {
    const latest = new Map<string, GuideVersionView>();
    for (const { stored, document } of this.versions) latest.set(stored.guideId, viewOf(stored, document));
    return [...latest.values()];
  }

  versionsOf(id: string): GuideVersionView[] {
    const found = this.versions.filter((v) => v.stored.guideId === id).map((v) => viewOf(v.stored, v.document));
    if (found.length === 0) throw ApiError.notFound('guide', id);
    return found;
  }

  version(id: string, version: number): { document: GuideDocument; view: GuideVersionView } {
    const found = this.versions.find((v) => v.stored.guideId === id && v.stored.version === version);
    if (!found) {
      this.versionsOf(id);
      throw new ApiError(404, 'guide-version-not-found', `Guide ${id} has no version ${version}.`);
    }
    return { document: found.document, view: viewOf(found.stored, found.document) };
  }

  /** Whether the tenant in scope has this guide (by default, the one its new projects run under). */
  knows(id: string = this.tenancy.current().guide): boolean {
    return this.versions.some((v) => v.stored.guideId === id);
  }

  /** The version a new project of this guide (by default, the tenant's) starts under: its latest. */
  latest(id: string = this.tenancy.current().guide): GuideRef {
    const versions = this.versionsOf(id);
    const last = versions[versions.length - 1];
    return { id: last.id, version: last.version, sha256: last.sha256 };
  }

  /** `POST /api/guides` (a guide not yet known) and `POST /api/guides/:id/versions` (its next version). */
  async publish(document: unknown, actor: Actor, now: Date, guideId?: string): Promise<GuideVersionView> {
    // A guide the municipality does not have is not found, whatever the document (issue 21: another's guide is none).
    if (guideId !== undefined && !this.knows(guideId)) await this.reload();
    if (guideId !== undefined && !this.knows(guideId)) throw ApiError.notFound('guide', guideId);
    const faults = guideFaults(document);
    if (faults.length > 0) throw guideInvalid(faults);
    const guide = document as GuideDocument;
    await this.reload();
    const known = this.versions.filter((v) => v.stored.guideId === guide.id);
    if (guideId === undefined && known.length > 0) throw new ApiError(409, 'guide-exists', `Guide ${guide.id} exists: publish a new version with POST /api/guides/${guide.id}/versions.`);
    if (guideId !== undefined && guide.id !== guideId) throw new ApiError(422, 'guide-id-mismatch', `The document is guide ${guide.id}, not ${guideId}.`, { errors: [{ path: 'id', message: `must be ${guideId}` }] });
    const next = known.length === 0 ? 1 : known[known.length - 1].stored.version + 1;
    if (guide.version !== next) {
      const taken = known.some((v) => v.stored.version === guide.version);
      throw new ApiError(taken ? 409 : 422, taken ? 'guide-version-exists' : 'guide-version-not-next', `Version ${guide.version} of ${guide.id} ${taken ? 'is published and never changes' : 'does not follow the latest'}: publish it as version ${next}.`, { errors: [{ path: 'version', message: `must be ${next}` }] });
    }
    const stored = await this.store(guide, actor, now);
    if (stored.sha256 !== refOf(guide).sha256) throw new ApiError(409, 'guide-version-exists', `Version ${guide.version} of ${guide.id} was published meanwhile: publish it as version ${next + 1}.`);
    this.logger.log(`Published ${guide.id} version ${guide.version} (${stored.sha256.slice(0, 12)}) for ${actor.name}`);
    await this.reload();
    return this.version(guide.id, guide.version).view;
  }
}
