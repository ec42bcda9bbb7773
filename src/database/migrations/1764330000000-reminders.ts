import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const text = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });

/** Communications with participants, the silence clock on each project, reminders and the outbox towards Redis. */
export class Reminders1764330000000 implements MigrationInterface {
  name = 'Reminders1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('projects', [
      new TableColumn({ name: 'silence_window_days', type: 'integer', default: 14 }),
      new TableColumn(text('silence_since', 30, true)),
      new TableColumn({ name: 'silence_level', type: 'integer', default: 0 }),
      new TableColumn(text('silence_deadline', 30, true)),
      new TableColumn(text('last_communication_at', 30, true)),
      new TableColumn(text('owner_email', 320, true)),
      new TableColumn(text('administrator_email', 320, true)),
    ]);
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_silence_deadline', columnNames: ['silence_deadline'] }));
    await queryRunner.createTable(
      new Table({
        name: 'communications',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('project_id', 36),
          text('occurred_at', 30),
          text('channel', 40),
          text('audience', 200),
          { name: 'summary', type: 'text' },
          text('recorded_by', 200),
          text('recorded_by_role', 40),
          text('recorded_at', 30),
        ],
        foreignKeys: [{ columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ columnNames: ['project_id', 'occurred_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reminders',
        columns: [
          { ...text('key', 120), isPrimary: true },
          text('project_id', 36),
          text('kind', 20),
          text('due_at', 30),
          { name: 'level', type: 'integer' },
          text('status', 20),
          { name: 'recipients', type: 'text' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'last_error', type: 'text', isNullable: true },
          text('created_at', 30),
          text('finished_at', 30, true),
        ],
        foreignKeys: [{ columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
        indices: [new TableIndex({ columnNames: ['project_id', 'due_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          text('topic', 40),
          { name: 'payload', type: 'text' },
          text('created_at', 30),
          text('relayed_at', 30, true),
        ],
        indices: [new TableIndex({ columnNames: ['relayed_at', 'id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox');
    await queryRunner.dropTable('reminders');
    await queryRunner.dropTable('communications');
    await queryRunner.dropIndex('projects', 'IDX_projects_silence_deadline');
    for (const column of ['silence_window_days', 'silence_since', 'silence_level', 'silence_deadline', 'last_communication_at', 'owner_email', 'administrator_email']) {
      await queryRunner.dropColumn('projects', column);
    }
  }
}
