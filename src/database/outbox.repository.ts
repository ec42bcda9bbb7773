import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { placeholders, SqlRepository } from './sql-repository';
import { tenantScope } from './tenant-scope';

/** Work for Redis, written in the transaction that causes it and relayed after commit. */
@Injectable()
export class OutboxRepository extends SqlRepository {
  /** The tenants this process wrote rows for since the relay last asked: its quick round needs look no further (issue 21). */
  private written = new Set<string>();

  async add(manager: EntityManager, topic: string, payload: unknown, at: string): Promise<void> {
    await this.run(manager, 'INSERT INTO outbox (tenant_id, topic, payload, created_at) VALUES (@tenant, ?, ?, ?)', [topic, JSON.stringify(payload), at]);
    this.remember(tenantScope.required());
  }

  /** A tenant to look at in the next quick round. */
  remember(tenant: string): void {
    this.written.add(tenant);
  }

  /** The tenants written for since the last call (a unit rolled back leaves a tenant with nothing to relay: harmless). */
  takeWritten(): string[] {
    const taken = [...this.written];
    this.written = new Set();
    return taken;
  }

  /** The oldest rows not relayed yet, at most `limit`. */
  async unrelayed(limit: number): Promise<Array<{ id: number; topic: string; payload: string; createdAt: string }>> {
    const rows = await this.read<{ id: number | string; topic: string; payload: string; createdAt: string }>('SELECT id, topic, payload, created_at AS "createdAt" FROM outbox WHERE tenant_id = @tenant AND relayed_at IS NULL ORDER BY id LIMIT ?', [limit]);
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async markRelayed(manager: EntityManager, ids: readonly number[], at: string): Promise<void> {
    if (ids.length > 0) await this.run(manager, `UPDATE outbox SET relayed_at = ? WHERE tenant_id = @tenant AND id IN (${placeholders(ids)})`, [at, ...ids]);
  }

  /** Relayed rows older than `cutoff` go: they were kept for inspection only. */
  async pruneRelayedBefore(manager: EntityManager, cutoff: string): Promise<void> {
    await this.run(manager, 'DELETE FROM outbox WHERE tenant_id = @tenant AND relayed_at < ?', [cutoff]);
  }
}
