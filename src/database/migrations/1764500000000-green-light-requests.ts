import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: a step enters the werkvoorraad of the college or the raad when the process manager
 * asks for its green light, no longer by merely being possible. No request exists before this
 * version, so no project waits for a body until one is made; the requests themselves are kept
 * in the file (document kind `green-light-requests`) and need no table.
 */
export class GreenLightRequests1764500000000 implements MigrationInterface {
  name = 'GreenLightRequests1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('UPDATE projects SET awaiting = NULL');
  }

  async down(): Promise<void> {
    // The old werkvoorraad listed every possible step; it is recomputed by the next write of each project.
  }
}
