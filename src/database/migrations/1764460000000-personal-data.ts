import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18: residents' names kept out of the hash-chained trail (AVG art. 5 lid 1 e). The trail
 * commits to a salted SHA-256 of each item; the item itself lives here and can be erased after its
 * retention period (value and salt gone, digest kept) without breaking any chain. Not append-only:
 * erasure is its purpose.
 */
export class PersonalData1764460000000 implements MigrationInterface {
  name = 'PersonalData1764460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'personal_data',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'project_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '40' },
          { name: 'value', type: 'text', isNullable: true },
          { name: 'salt', type: 'varchar', length: '64', isNullable: true },
          { name: 'digest', type: 'varchar', length: '64' },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'erased_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'erasure_reason', type: 'text', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['project_id'], referencedTableName: 'projects', referencedColumnNames: ['id'] }],
        indices: [{ name: 'IDX_personal_data_project', columnNames: ['project_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('personal_data');
  }
}
