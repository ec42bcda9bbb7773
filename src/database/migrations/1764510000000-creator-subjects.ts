import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 19: "mijn projecten" follows the identity of whoever created the project (the token's
 * subject), not the spelling of their name. Projects created before this version have none; they
 * stay matched by the name until then (src/projects/projects.service.ts).
 */
export class CreatorSubjects1764510000000 implements MigrationInterface {
  name = 'CreatorSubjects1764510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('projects', new TableColumn({ name: 'created_by_subject', type: 'varchar', length: '200', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('projects', 'created_by_subject');
  }
}
