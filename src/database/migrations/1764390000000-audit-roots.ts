import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The roots over every project's chain head, computed daily and on request, kept in a list (issue 12). */
export class AuditRoots1764390000000 implements MigrationInterface {
  name = 'AuditRoots1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_roots',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'computed_at', type: 'varchar', length: '30' },
          { name: 'root', type: 'varchar', length: '64' },
          { name: 'projects', type: 'integer' },
          { name: 'heads', type: 'text' },
        ],
        indices: [{ name: 'IDX_audit_roots_computed_at', columnNames: ['computed_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_roots');
  }
}
