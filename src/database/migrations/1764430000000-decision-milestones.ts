import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A milestone's reminder that goes out only while zienswijzen are unanswered before a planned decision (issue 12). */
export class DecisionMilestones1764430000000 implements MigrationInterface {
  name = 'DecisionMilestones1764430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('milestones', new TableColumn({ name: 'only_if_unanswered', type: 'boolean', default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('milestones', 'only_if_unanswered');
  }
}
