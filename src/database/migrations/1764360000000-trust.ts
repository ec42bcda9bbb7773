import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { awaitedBodies, type GreenLight, type StoredSnapshot } from '../../../machines/participation-project';
import { awaitingColumn } from '../project.entity';

/** The columns of a decision that never change once recorded: only marking it consumed is allowed. */
const DECISION_FACTS = ['id', 'project_id', 'gate', 'cycle', 'body', 'outcome', 'decided_on', 'reference', 'document_url', 'note', 'recorded_by', 'recorded_by_role', 'recorded_at', 'justification'];
const DAY_MS = 86_400_000;

/**
 * Trust (issue 9):
 * - `awaiting`: the bodies whose decision a project waits for, so the werkvoorraad is a query;
 * - `silence_allowed_until`: the end of the allowed silence, so "overdue" can be filtered and
 *   sorted in SQL and no longer turns back to "ok" once a reminder went out;
 * - append-only enforced by the database itself: triggers refuse UPDATE and DELETE on the audit
 *   trail, DELETE on decisions, and any UPDATE of a decision but marking it consumed once.
 */
export class Trust1764360000000 implements MigrationInterface {
  name = 'Trust1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('projects', new TableColumn({ name: 'silence_allowed_until', type: 'varchar', length: '30', isNullable: true }));
    await queryRunner.createIndex('projects', new TableIndex({ name: 'IDX_projects_silence_allowed_until', columnNames: ['silence_allowed_until'] }));
    const silent: Array<{ id: string; since: string; windowDays: number }> = await queryRunner.query(
      'SELECT id, silence_since AS "since", silence_window_days AS "windowDays" FROM projects WHERE silence_since IS NOT NULL AND silence_window_days > 0',
    );
    const parameter = (n: number) => (queryRunner.connection.options.type === 'postgres' ? `$${n}` : '?');
    for (const row of silent) {
      const allowedUntil = new Date(Date.parse(row.since) + Number(row.windowDays) * DAY_MS).toISOString();
      await queryRunner.query(`UPDATE projects SET silence_allowed_until = ${parameter(1)} WHERE id = ${parameter(2)}`, [allowedUntil, row.id]);
    }

    await queryRunner.addColumn('projects', new TableColumn({ name: 'awaiting', type: 'varchar', length: '40', isNullable: true }));
    const projects: Array<{ id: string; state: string; cycle: number; snapshot: string }> = await queryRunner.query('SELECT id, state, cycle, snapshot FROM projects');
    const open: Array<GreenLight & { projectId: string }> = await queryRunner.query(
      'SELECT id, project_id AS "projectId", gate, cycle, body, outcome, decided_on AS "decidedOn", recorded_at AS "recordedAt" FROM decisions WHERE consumed_at IS NULL',
    );
    for (const project of projects) {
      const bodies = awaitedBodies(project.state, (JSON.parse(project.snapshot) as StoredSnapshot).context, open.filter((d) => d.projectId === project.id && Number(d.cycle) === Number(project.cycle)), []);
      if (bodies.length > 0) await queryRunner.query(`UPDATE projects SET awaiting = ${parameter(1)} WHERE id = ${parameter(2)}`, [awaitingColumn(bodies), project.id]);
    }

    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`CREATE FUNCTION iw_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% on % is refused: the audit trail and decisions are append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`);
      await queryRunner.query(`CREATE FUNCTION iw_decision_consumed_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.consumed_at IS NULL AND NEW.consumed_at IS NOT NULL
             AND ROW(${DECISION_FACTS.map((c) => `NEW.${c}`).join(', ')}) IS NOT DISTINCT FROM ROW(${DECISION_FACTS.map((c) => `OLD.${c}`).join(', ')}) THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'a recorded decision cannot be changed, only marked consumed once' USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await queryRunner.query('CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION iw_refuse_change()');
      await queryRunner.query('CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION iw_refuse_change()');
      await queryRunner.query('CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION iw_refuse_change()');
      await queryRunner.query('CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions FOR EACH STATEMENT EXECUTE FUNCTION iw_refuse_change()');
      await queryRunner.query('CREATE TRIGGER decisions_consumed_only BEFORE UPDATE ON decisions FOR EACH ROW EXECUTE FUNCTION iw_decision_consumed_only()');
      return;
    }
    await queryRunner.query(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'UPDATE on audit_entries is refused: the audit trail is append-only'); END`);
    await queryRunner.query(`CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'DELETE on audit_entries is refused: the audit trail is append-only'); END`);
    await queryRunner.query(`CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions BEGIN SELECT RAISE(ABORT, 'DELETE on decisions is refused: decisions are append-only'); END`);
    await queryRunner.query(`CREATE TRIGGER decisions_consumed_only BEFORE UPDATE ON decisions
      WHEN NOT (OLD.consumed_at IS NULL AND NEW.consumed_at IS NOT NULL AND ${DECISION_FACTS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ')})
      BEGIN SELECT RAISE(ABORT, 'a recorded decision cannot be changed, only marked consumed once'); END`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      for (const [trigger, table] of [['audit_entries_append_only', 'audit_entries'], ['audit_entries_no_truncate', 'audit_entries'], ['decisions_no_delete', 'decisions'], ['decisions_no_truncate', 'decisions'], ['decisions_consumed_only', 'decisions']]) {
        await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
      }
      await queryRunner.query('DROP FUNCTION iw_refuse_change()');
      await queryRunner.query('DROP FUNCTION iw_decision_consumed_only()');
    } else {
      for (const trigger of ['audit_entries_no_update', 'audit_entries_no_delete', 'decisions_no_delete', 'decisions_consumed_only']) await queryRunner.query(`DROP TRIGGER ${trigger}`);
    }
    await queryRunner.dropColumn('projects', 'awaiting');
    await queryRunner.dropIndex('projects', 'IDX_projects_silence_allowed_until');
    await queryRunner.dropColumn('projects', 'silence_allowed_until');
  }
}
