import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A project's public page for residents (issue 12): opt-in, at /openbaar/<slug>. */
export class PublicPages1764410000000 implements MigrationInterface {
  name = 'PublicPages1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('projects', [
      new TableColumn({ name: 'public', type: 'boolean', default: false }),
      new TableColumn({ name: 'slug', type: 'varchar', length: '120', isNullable: true }),
    ]);
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_slug', columnNames: ['slug'], isUnique: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('projects', 'IDX_projects_slug');
    for (const column of ['slug', 'public']) await queryRunner.dropColumn('projects', column);
  }
}
