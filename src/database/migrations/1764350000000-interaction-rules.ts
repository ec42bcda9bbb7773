import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const text = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
const projectKey = { columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] };

/** The guide's file per project: quick scan, commitment and plan versions, stakeholders, inspection and reactions. */
export class InteractionRules1764350000000 implements MigrationInterface {
  name = 'InteractionRules1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'project_documents',
        columns: [
          { ...text('project_id', 36), isPrimary: true },
          { ...text('kind', 20), isPrimary: true },
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'data', type: 'text' },
          text('change_reason', 2000, true),
          text('adopted_at', 30, true),
          text('created_by', 200),
          text('created_at', 30),
        ],
        foreignKeys: [projectKey],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'stakeholders',
        columns: [{ ...text('id', 36), isPrimary: true }, text('project_id', 36), text('name', 200), text('domain', 20), text('kind', 40), text('own_kind', 200, true), { name: 'approach', type: 'text' }, text('created_by', 200), text('created_at', 30)],
        foreignKeys: [projectKey],
        indices: [new TableIndex({ columnNames: ['project_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inspections',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('project_id', 36),
          { name: 'cycle', type: 'integer' },
          text('laid_open_on', 10),
          text('nominal_end', 10),
          text('ends_on', 10),
          text('published_in', 500),
          text('created_by', 200),
          text('created_at', 30),
        ],
        foreignKeys: [projectKey],
        indices: [new TableIndex({ columnNames: ['project_id', 'cycle'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reactions',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('inspection_id', 36),
          text('project_id', 36),
          text('received_on', 10),
          text('sender', 200),
          { name: 'summary', type: 'text' },
          { name: 'late', type: 'boolean' },
          { name: 'answer', type: 'text', isNullable: true },
          text('answered_on', 10, true),
          text('created_by', 200),
          text('created_at', 30),
        ],
        foreignKeys: [{ columnNames: ['inspection_id'], referencedTableName: 'inspections', referencedColumnNames: ['id'] }, projectKey],
        indices: [new TableIndex({ columnNames: ['inspection_id'] })],
      }),
    );
    await queryRunner.addColumns('communications', [new TableColumn(text('announces_phase', 20, true)), new TableColumn(text('announces_level', 20, true))]);
    await queryRunner.addColumn('decisions', new TableColumn({ name: 'justification', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('decisions', 'justification');
    await queryRunner.dropColumns('communications', ['announces_phase', 'announces_level']);
    for (const table of ['reactions', 'inspections', 'stakeholders', 'project_documents']) await queryRunner.dropTable(table);
  }
}
