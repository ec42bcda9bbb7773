import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 19: a zienswijze keeps the registration number it got when it was entered, per project,
 * whatever its date of receipt; the existing ones are numbered in the order they were entered.
 */
export class ReactionNumbers1764490000000 implements MigrationInterface {
  name = 'ReactionNumbers1764490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('reactions', new TableColumn({ name: 'number', type: 'integer', isNullable: true }));
    await queryRunner.query(
      `UPDATE reactions SET number = (SELECT COUNT(*) FROM reactions r WHERE r.project_id = reactions.project_id AND (r.created_at < reactions.created_at OR (r.created_at = reactions.created_at AND r.id <= reactions.id)))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('reactions', 'number');
  }
}
