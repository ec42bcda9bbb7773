import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 19: only milestones marked public reach the residents' page and calendar; the owner's own
 * to-dos (answering zienswijzen before a decision, completing an application, assessing a
 * challenge, the decision term, the end of an agreement) never do. Existing milestones keep
 * showing, but those to-dos.
 */
export class PublicMilestones1764480000000 implements MigrationInterface {
  name = 'PublicMilestones1764480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('milestones', new TableColumn({ name: 'public', type: 'boolean', default: false }));
    await queryRunner.query(
      `UPDATE milestones SET public = (NOT only_if_unanswered AND title NOT LIKE 'Aanvraag laten aanvullen%' AND title NOT LIKE 'Uitdaging beoordelen%' AND title NOT LIKE 'Einde beslistermijn%' AND title NOT LIKE 'Einde overeenkomst uitdaagrecht%')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('milestones', 'public');
  }
}
