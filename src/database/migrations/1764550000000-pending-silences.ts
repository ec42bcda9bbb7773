import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The reconciler pages through a municipality's pending deadlines by project id (issue 22): 100,000 of them without a scan per municipality. */
export class PendingSilences1764550000000 implements MigrationInterface {
  name = 'PendingSilences1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_pending_silences', columnNames: ['tenant_id', 'id'], where: 'silence_deadline IS NOT NULL' }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('projects', 'IDX_projects_pending_silences');
  }
}
