import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18: whether a letter posted within the term may still arrive in the week after (afdeling
 * 3.4 Awb, and form b unless the ordinance says otherwise), kept with each inspection so a later
 * configuration does not rewrite a past term; and the source of a longer statutory term (Awb art. 3:16 lid 1).
 */
export class LawfulTerms1764450000000 implements MigrationInterface {
  name = 'LawfulTerms1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('inspections', [
      new TableColumn({ name: 'postal_week', type: 'boolean', default: false }),
      new TableColumn({ name: 'term_source', type: 'varchar', length: '200', isNullable: true }),
    ]);
    // Until now only afdeling 3.4 Awb had the postal week.
    await queryRunner.query("UPDATE inspections SET postal_week = (procedure = 'awb-3.4')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['term_source', 'postal_week']) await queryRunner.dropColumn('inspections', column);
  }
}
