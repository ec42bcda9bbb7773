import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Insight reads only the entries that tell the story (transitions, decisions, reminders): found by type, not by scanning every contact. */
export class InsightIndex1764420000000 implements MigrationInterface {
  name = 'InsightIndex1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('audit_entries', new TableIndex({ name: 'IDX_audit_entries_type', columnNames: ['type', 'project_id', 'seq'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('audit_entries', 'IDX_audit_entries_type');
  }
}
