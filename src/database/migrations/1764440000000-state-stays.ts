import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { MOVING_ENTRIES, staysOf } from '../../../machines/insight/state-stays';

const BATCH = 500;

/**
 * Insight's read model: one row per stay in a state, written from now on by the step that ends
 * it, and built here once from the trail for every step already taken. Reading the trail itself
 * cost some 0.5 s at 5,000 projects with a realistic history (BENCHMARKS.md).
 */
export class StateStays1764440000000 implements MigrationInterface {
  name = 'StateStays1764440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'state_stays',
        columns: [
          { name: 'project_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'state', type: 'varchar', length: '100' },
          { name: 'event', type: 'varchar', length: '40' },
          { name: 'entered_at', type: 'varchar', length: '30' },
          { name: 'left_at', type: 'varchar', length: '30' },
          { name: 'days', type: 'real' },
          { name: 'left_year', type: 'integer' },
          { name: 'green_light_body', type: 'varchar', length: '10', isNullable: true },
          { name: 'wait_days', type: 'real', isNullable: true },
          { name: 'levels', type: 'text', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex('state_stays', new TableIndex({ name: 'IDX_state_stays_left_year', columnNames: ['left_year'] }));

    const postgres = queryRunner.connection.options.type === 'postgres';
    const types = MOVING_ENTRIES.map((t) => `'${t}'`).join(', ');
    const entries: Array<{ projectId: string; seq: number; occurredAt: string; type: string; payload: string }> = await queryRunner.query(
      `SELECT project_id AS "projectId", seq, occurred_at AS "occurredAt", type, payload FROM audit_entries WHERE type IN (${types}) ORDER BY project_id, seq`,
    );
    const stays = [];
    for (let start = 0; start < entries.length; ) {
      let end = start;
      while (end < entries.length && entries[end].projectId === entries[start].projectId) end++;
      stays.push(...staysOf(entries[start].projectId, entries.slice(start, end).map((e) => ({ ...e, seq: Number(e.seq), payload: JSON.parse(e.payload) as Record<string, unknown> }))));
      start = end;
    }
    for (let i = 0; i < stays.length; i += BATCH) {
      const batch = stays.slice(i, i + BATCH);
      const values = batch.map((_, r) => `(${Array.from({ length: 11 }, (_, c) => (postgres ? `$${r * 11 + c + 1}` : '?')).join(', ')})`).join(', ');
      await queryRunner.query(
        `INSERT INTO state_stays (project_id, seq, state, event, entered_at, left_at, days, left_year, green_light_body, wait_days, levels) VALUES ${values}`,
        batch.flatMap((s) => [s.projectId, s.seq, s.state, s.event, s.enteredAt, s.leftAt, s.days, s.leftYear, s.greenLightBody, s.waitDays, s.levels]),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('state_stays');
  }
}
