import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const text = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });

/** Dated milestones (§2.4: moments of political-administrative accountability), each reminded ahead of time. */
export class Milestones1764340000000 implements MigrationInterface {
  name = 'Milestones1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'milestones',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('project_id', 36),
          text('title', 200),
          text('due_at', 30),
          { name: 'remind_days_before', type: 'integer' },
          text('remind_at', 30),
          text('reminded_at', 30, true),
          text('created_by', 200),
          text('created_at', 30),
        ],
        foreignKeys: [{ columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ columnNames: ['project_id', 'due_at'] }), new TableIndex({ columnNames: ['reminded_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('milestones');
  }
}
