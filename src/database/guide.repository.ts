import { Injectable } from '@nestjs/common';
import { Conditions, SqlRepository } from './sql-repository';

export interface StoredGuideVersion {
  guideId: string;
  version: number;
  sha256: string;
  /** The document as published, JSON. */
  document: string;
  publishedAt: string;
  publishedBy: string;
}

const COLUMNS = 'guide_id AS "guideId", version, sha256, document, published_at AS "publishedAt", published_by AS "publishedBy"';

/** The published guide versions (issue 20): inserted once, never changed. */
@Injectable()
export class GuideRepository extends SqlRepository {
  async all(): Promise<StoredGuideVersion[]> {
    const rows = await this.read<StoredGuideVersion>(`SELECT ${COLUMNS} FROM guide_versions WHERE tenant_id = @tenant ORDER BY guide_id, version`, []);
    return rows.map((row) => ({ ...row, version: Number(row.version) }));
  }

  /** One version, if published. */
  async version(guideId: string, version: number): Promise<StoredGuideVersion | undefined> {
    const [row] = await this.read<StoredGuideVersion>(`SELECT ${COLUMNS} FROM guide_versions WHERE tenant_id = @tenant AND guide_id = ? AND version = ?`, [guideId, version]);
    return row && { ...row, version: Number(row.version) };
  }

  /** How many versions are published: a cheap look for new ones. */
  published(): Promise<number> {
    return this.count('guide_versions', new Conditions());
  }

  /**
   * Inserts a version unless its (guide, version) exists, and returns what is stored under it:
   * the caller compares the hash. Several instances may publish the shipped guides at once.
   */
  async insert(v: StoredGuideVersion): Promise<StoredGuideVersion> {
    await this.write('INSERT INTO guide_versions (tenant_id, guide_id, version, sha256, document, published_at, published_by) VALUES (@tenant, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [v.guideId, v.version, v.sha256, v.document, v.publishedAt, v.publishedBy]);
    return (await this.version(v.guideId, v.version))!;
  }
}
