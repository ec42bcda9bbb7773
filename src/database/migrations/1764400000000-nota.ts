import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * For the nota van beantwoording: whether a sender is an organisation (named in the public
 * version) or a private person (only numbered, AVG), and whether the answer changed the draft.
 */
export class Nota1764400000000 implements MigrationInterface {
  name = 'Nota1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('reactions', [
      new TableColumn({ name: 'sender_is_organisation', type: 'boolean', default: false }),
      new TableColumn({ name: 'changed_draft', type: 'boolean', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['changed_draft', 'sender_is_organisation']) await queryRunner.dropColumn('reactions', column);
  }
}
