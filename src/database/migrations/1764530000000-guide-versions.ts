import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 20: every published version of every guide, immutable. The document is kept as the JSON
 * it was published as; its SHA-256 (over RFC 8785 canonical JSON) is its fingerprint, which the
 * projects pinned to it carry. Projects stored before carry none: they run under the default
 * guide's first version, which the service publishes from `guides/` at start.
 */
export class GuideVersions1764530000000 implements MigrationInterface {
  name = 'GuideVersions1764530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'guide_versions',
        columns: [
          { name: 'guide_id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'sha256', type: 'varchar', length: '64', isUnique: true },
          { name: 'document', type: 'text' },
          { name: 'published_at', type: 'varchar', length: '30' },
          { name: 'published_by', type: 'varchar', length: '200' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('guide_versions');
  }
}
