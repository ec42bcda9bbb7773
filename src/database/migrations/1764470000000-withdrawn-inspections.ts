import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Issue 18: a terinzagelegging whose kennisgeving was faulty is withdrawn, with its reason, and the
 * draft laid open again in the same cycle; the withdrawn one stays, marked, for the record.
 */
export class WithdrawnInspections1764470000000 implements MigrationInterface {
  name = 'WithdrawnInspections1764470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('inspections', [
      new TableColumn({ name: 'withdrawn_on', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'withdrawal_reason', type: 'varchar', length: '2000', isNullable: true }),
    ]);
    // One terinzagelegging per cycle that stands; withdrawn ones beside it.
    await queryRunner.dropIndex('inspections', await cycleIndex(queryRunner));
    await queryRunner.createIndex('inspections', new TableIndex({ name: 'UQ_inspections_standing', columnNames: ['project_id', 'cycle'], isUnique: true, where: 'withdrawn_on IS NULL' }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('inspections', 'UQ_inspections_standing');
    await queryRunner.createIndex('inspections', new TableIndex({ columnNames: ['project_id', 'cycle'], isUnique: true }));
    for (const column of ['withdrawal_reason', 'withdrawn_on']) await queryRunner.dropColumn('inspections', column);
  }
}

/** The unique index on (project_id, cycle) the first migration made, under the name TypeORM gave it. */
async function cycleIndex(queryRunner: QueryRunner): Promise<TableIndex> {
  const table = await queryRunner.getTable('inspections');
  const index = table?.indices.find((i) => i.isUnique && i.columnNames.join() === 'project_id,cycle');
  if (!index) throw new Error('inspections: the unique index on (project_id, cycle) is missing');
  return index;
}
