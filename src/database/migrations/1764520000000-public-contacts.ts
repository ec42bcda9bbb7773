import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Issue 19: the public page says whom residents can contact about the project (a name, a telephone number, an address). */
export class PublicContacts1764520000000 implements MigrationInterface {
  name = 'PublicContacts1764520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('projects', new TableColumn({ name: 'public_contact', type: 'varchar', length: '500', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('projects', 'public_contact');
  }
}
