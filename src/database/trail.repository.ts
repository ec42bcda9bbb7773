import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditEntryEntity } from './audit-entry.entity';
import { Conditions, placeholders, SqlRepository } from './sql-repository';

const ENTRY_COLUMNS = `id, project_id AS "projectId", seq, occurred_at AS "occurredAt", actor_name AS "actorName", actor_role AS "actorRole", type, payload, prev_hash AS "prevHash", hash`;

/** What the Tijdlijn asks of a trail, as the database compares it: a type, moments (from inclusive, until exclusive), a LIKE pattern. */
export interface EntryFilter {
  type?: string;
  from?: string;
  until?: string;
  words?: string;
}

/** The audit trail: appended to, never changed (the database refuses it too). */
@Injectable()
export class TrailRepository extends SqlRepository {
  async append(manager: EntityManager, e: Omit<AuditEntryEntity, 'id'>): Promise<void> {
    await this.run(
      manager,
      `INSERT INTO audit_entries (tenant_id, project_id, seq, occurred_at, actor_name, actor_role, type, payload, prev_hash, hash) VALUES (@tenant, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.projectId, e.seq, e.occurredAt, e.actorName, e.actorRole, e.type, e.payload, e.prevHash, e.hash],
    );
  }

  /** A project's entries in the order of the chain, up to `untilSeq` when given (reads outside any unit of work). */
  async entriesOf(projectId: string, untilSeq?: number): Promise<AuditEntryEntity[]> {
    return untilSeq === undefined
      ? this.read<AuditEntryEntity>(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE tenant_id = @tenant AND project_id = ? ORDER BY seq`, [projectId])
      : this.read<AuditEntryEntity>(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE tenant_id = @tenant AND project_id = ? AND seq <= ? ORDER BY seq`, [projectId, untilSeq]);
  }

  /** A project's entries of these types, in the order of the chain. */
  async entriesOfTypes(projectId: string, types: readonly string[]): Promise<AuditEntryEntity[]> {
    return this.read<AuditEntryEntity>(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE tenant_id = @tenant AND project_id = ? AND type IN (${placeholders(types)}) ORDER BY seq`, [projectId, ...types]);
  }

  /** At most `limit` entries after `afterSeq`, in the order of the chain: a page of the API's list. */
  async entriesAfter(projectId: string, afterSeq: number, limit: number): Promise<AuditEntryEntity[]> {
    return this.read<AuditEntryEntity>(`SELECT ${ENTRY_COLUMNS} FROM audit_entries WHERE tenant_id = @tenant AND project_id = ? AND seq > ? ORDER BY seq LIMIT ?`, [projectId, afterSeq, limit]);
  }

  /** A project's entries, newest first (a page of them, or all), with how many match the filter and the types its trail has. */
  async entriesPage(projectId: string, filter: EntryFilter, page?: { limit: number; offset: number }): Promise<{ rows: AuditEntryEntity[]; total: number; types: string[] }> {
    const conditions = new Conditions().and('project_id = ?', projectId);
    if (filter.type) conditions.and('type = ?', filter.type);
    if (filter.from) conditions.and('occurred_at >= ?', filter.from);
    if (filter.until) conditions.and('occurred_at < ?', filter.until);
    if (filter.words) conditions.and("(LOWER(payload) LIKE ? ESCAPE '\\' OR LOWER(actor_name) LIKE ? ESCAPE '\\')", filter.words, filter.words);
    const total = await this.count('audit_entries', conditions);
    const rows = await this.read<AuditEntryEntity>(
      `SELECT ${ENTRY_COLUMNS} FROM audit_entries${conditions.where} ORDER BY seq DESC${page ? ' LIMIT ? OFFSET ?' : ''}`,
      page ? [...conditions.parameters, page.limit, page.offset] : conditions.parameters,
    );
    const types = (await this.read<{ type: string }>('SELECT DISTINCT type FROM audit_entries WHERE tenant_id = @tenant AND project_id = ?', [projectId])).map((r) => r.type).sort();
    return { rows, total, types };
  }

  /** The `decision-recorded` entries (type and payload) of these projects, to bind their decisions to the trail. */
  async decisionEntries(manager: EntityManager | null, projectIds: readonly string[]): Promise<Array<{ type: string; payload: string }>> {
    if (projectIds.length === 0) return [];
    return this.run(manager, `SELECT type, payload FROM audit_entries WHERE tenant_id = @tenant AND project_id IN (${placeholders(projectIds)}) AND type = 'decision-recorded'`, [...projectIds]);
  }
}
