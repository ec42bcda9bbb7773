import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The procedure a draft lay open under (§1.4: afdeling 3.4 Awb, the inspraakverordening, or one
 * the college set) with its term and the decision that set it; and the owner's choice to count
 * silence where the plan sets no interaction (§1.3).
 */
export class InspraakProcedures1764380000000 implements MigrationInterface {
  name = 'InspraakProcedures1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('inspections', [
      new TableColumn({ name: 'procedure', type: 'varchar', length: '20', default: "'awb-3.4'" }),
      new TableColumn({ name: 'term_days', type: 'integer', default: 42 }),
      new TableColumn({ name: 'procedure_reference', type: 'varchar', length: '200', isNullable: true }),
    ]);
    await queryRunner.addColumn('projects', new TableColumn({ name: 'silence_always', type: 'boolean', default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('projects', 'silence_always');
    for (const column of ['procedure_reference', 'term_days', 'procedure']) await queryRunner.dropColumn('inspections', column);
  }
}
