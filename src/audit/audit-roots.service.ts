import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { ApiError } from '../common/api-error';
import type { AuditRootEntity } from '../database/audit-root.entity';
import { AuditRootRepository } from '../database/audit-root.repository';
import { Tenancy } from '../tenancy/tenancy.service';

export interface ChainHead {
  projectId: string;
  seq: number;
  hash: string;
}

export interface AuditRootView {
  id: string;
  computedAt: string;
  /** SHA-256 over the RFC 8785 canonical JSON of the heads, in hex. */
  root: string;
  projects: number;
}

const DAY_MS = 86_400_000;

/** The root over a list of chain heads: what anyone who saved the heads can recompute. */
export function rootOf(heads: readonly ChainHead[]): string {
  return createHash('sha256').update(canonicalize(heads) ?? '[]').digest('hex');
}

/**
 * Once a day, and on request, a root hash over every project's chain head, kept in a list.
 * Whoever saved a root and its heads can later prove that the chains still run through those
 * heads; a rewrite of the whole database, hashes recomputed and all, cannot keep them.
 */
@Injectable()
export class AuditRootsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditRoots');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly roots: AuditRootRepository,
    private readonly tenancy: Tenancy,
  ) {}

  onApplicationBootstrap(): void {
    // Daily, from every instance: a root more or less is harmless, a day without one is not.
    // Every municipality its own roots over its own chains (issue 21).
    const tick = () => void this.tenancy.eachTenant(() => this.computeIfDue()).catch((error: unknown) => this.logger.error(`daily root: ${(error as Error).message}`));
    tick();
    this.timer = setInterval(tick, DAY_MS / 24);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A new root unless one was made in the last day (and there is something to cover). */
  async computeIfDue(now = new Date()): Promise<void> {
    const latest = await this.roots.latest();
    if (latest && now.getTime() - Date.parse(latest.computedAt) < DAY_MS) return;
    const heads = await this.roots.heads();
    if (heads.length > 0) await this.compute(now, heads);
  }

  async compute(now = new Date(), heads?: ChainHead[]): Promise<AuditRootView & { heads: ChainHead[] }> {
    heads ??= await this.roots.heads();
    const entity: AuditRootEntity = { id: randomUUID(), computedAt: now.toISOString(), root: rootOf(heads), projects: heads.length, heads: JSON.stringify(heads) };
    await this.roots.insert(entity);
    return { ...view(entity), heads };
  }

  async list(): Promise<AuditRootView[]> {
    return (await this.roots.all()).map(view);
  }

  async latest(): Promise<AuditRootView> {
    const latest = await this.roots.latest();
    if (!latest) throw new ApiError(404, 'root-not-found', 'No root has been computed yet.');
    return view(latest);
  }

  async get(id: string): Promise<AuditRootView & { heads: ChainHead[] }> {
    const entity = await this.roots.byId(id);
    if (!entity) throw ApiError.notFound('root', id);
    return { ...view(entity), heads: JSON.parse(entity.heads) as ChainHead[] };
  }
}

function view({ id, computedAt, root, projects }: AuditRootEntity): AuditRootView {
  return { id, computedAt, root, projects };
}
