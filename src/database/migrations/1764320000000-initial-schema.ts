import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const longText = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });

/** Projects, their decisions and their audit trail; the same on SQLite and PostgreSQL. */
export class InitialSchema1764320000000 implements MigrationInterface {
  name = 'InitialSchema1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'projects',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('title', 200),
          longText('description', true),
          text('origin', 20),
          text('political_sensitivity', 10),
          text('state', 100),
          int('cycle'),
          longText('snapshot'),
          int('version'),
          int('audit_seq'),
          text('audit_hash', 64),
          text('created_by', 200),
          text('created_at', 30),
          text('updated_at', 30),
        ],
        indices: [new TableIndex({ columnNames: ['state'] }), new TableIndex({ columnNames: ['created_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'decisions',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('project_id', 36),
          text('gate', 40),
          int('cycle'),
          text('body', 10),
          text('outcome', 10),
          text('decided_on', 10),
          text('reference', 100),
          text('document_url', 2000, true),
          longText('note', true),
          text('recorded_by', 200),
          text('recorded_by_role', 40),
          text('recorded_at', 30),
          text('consumed_at', 30, true),
          int('consumed_by_audit_seq', true),
        ],
        foreignKeys: [{ columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ columnNames: ['project_id', 'gate', 'cycle'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('project_id', 36),
          int('seq'),
          text('occurred_at', 30),
          text('actor_name', 200),
          text('actor_role', 40),
          text('type', 40),
          longText('payload'),
          text('prev_hash', 64),
          text('hash', 64),
        ],
        foreignKeys: [{ columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ columnNames: ['project_id', 'seq'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entries');
    await queryRunner.dropTable('decisions');
    await queryRunner.dropTable('projects');
  }
}
