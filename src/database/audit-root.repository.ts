import { Injectable } from '@nestjs/common';
import type { AuditRootEntity } from './audit-root.entity';
import { SqlRepository } from './sql-repository';

const ROOT_COLUMNS = 'id, computed_at AS "computedAt", root, projects, heads';

/** The roots over every chain head, and the heads they are computed from. */
@Injectable()
export class AuditRootRepository extends SqlRepository {
  /** Every project's chain head, by project id. */
  async heads(): Promise<Array<{ projectId: string; seq: number; hash: string }>> {
    const rows = await this.read<{ projectId: string; seq: number | string; hash: string }>('SELECT id AS "projectId", audit_seq AS seq, audit_hash AS hash FROM projects WHERE tenant_id = @tenant ORDER BY id', []);
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  async insert(root: AuditRootEntity): Promise<void> {
    await this.write('INSERT INTO audit_roots (tenant_id, id, computed_at, root, projects, heads) VALUES (@tenant, ?, ?, ?, ?, ?)', [root.id, root.computedAt, root.root, root.projects, root.heads]);
  }

  /** Every root, newest first. */
  async all(): Promise<AuditRootEntity[]> {
    return this.read<AuditRootEntity>(`SELECT ${ROOT_COLUMNS} FROM audit_roots WHERE tenant_id = @tenant ORDER BY computed_at DESC`, []);
  }

  async latest(): Promise<AuditRootEntity | undefined> {
    const [row] = await this.read<AuditRootEntity>(`SELECT ${ROOT_COLUMNS} FROM audit_roots WHERE tenant_id = @tenant ORDER BY computed_at DESC LIMIT 1`, []);
    return row;
  }

  async byId(id: string): Promise<AuditRootEntity | undefined> {
    const [row] = await this.read<AuditRootEntity>(`SELECT ${ROOT_COLUMNS} FROM audit_roots WHERE tenant_id = @tenant AND id = ?`, [id]);
    return row;
  }
}
