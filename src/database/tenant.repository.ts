import { Injectable } from '@nestjs/common';
import type { EntityManager } from './transaction-runner';
import { SqlRepository } from './sql-repository';

/** A tenant as stored: the municipality, its settings as JSON and its signing key (issue 21). */
export interface TenantRow {
  id: string;
  name: string;
  municipalityCode: string | null;
  settings: string;
  signingKey: string | null;
  fromEnvironment: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, name, municipality_code AS "municipalityCode", settings, signing_key AS "signingKey", from_environment AS "fromEnvironment", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The tenants: the platform's own table, the one read without a tenant in scope. */
@Injectable()
export class TenantRepository extends SqlRepository {
  protected override readonly platform = true;

  async all(): Promise<TenantRow[]> {
    return (await this.read<TenantRow>(`SELECT ${COLUMNS} FROM tenants ORDER BY id`, [])).map((row) => ({ ...row, fromEnvironment: Boolean(row.fromEnvironment) }));
  }

  async insert(manager: EntityManager, t: TenantRow): Promise<void> {
    await this.run(
      manager,
      'INSERT INTO tenants (id, name, municipality_code, settings, signing_key, from_environment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [t.id, t.name, t.municipalityCode, t.settings, t.signingKey, this.flag(t.fromEnvironment), t.createdAt, t.updatedAt],
    );
  }

  async update(manager: EntityManager, t: TenantRow): Promise<void> {
    await this.run(manager, 'UPDATE tenants SET name = ?, municipality_code = ?, settings = ?, updated_at = ? WHERE id = ?', [t.name, t.municipalityCode, t.settings, t.updatedAt, t.id]);
  }
}
