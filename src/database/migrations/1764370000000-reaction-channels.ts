import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** How each zienswijze came in (letter, email, web, oral), a letter's postmark and an oral one's report (Awb art. 3:15 lid 2, 3:16 lid 3, 6:9 lid 2). */
export class ReactionChannels1764370000000 implements MigrationInterface {
  name = 'ReactionChannels1764370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('reactions', [
      new TableColumn({ name: 'channel', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'posted_on', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'report', type: 'text', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['report', 'posted_on', 'channel']) await queryRunner.dropColumn('reactions', column);
  }
}
