import { Injectable } from '@nestjs/common';
import { SqlRepository } from './sql-repository';

export interface InsightFilter {
  /** Only what happened in this year. */
  year?: number;
  /** Only decisions (waits, rejections) of this body. */
  body?: 'college' | 'raad';
  /** Only projects of this political sensitivity. */
  sensitivity?: 'low' | 'high';
}

/**
 * Sums over the read models, in the database: the stays in each state (state_stays, written by
 * every step), the decisions that did not let a step through, and the silence reminders sent.
 * A handful of grouped queries, whatever the size of the trail.
 */
@Injectable()
export class InsightRepository extends SqlRepository {
  async sums(filter: InsightFilter) {
    /** A query over one table (as x) joined to its project, under the conditions given and the sensitivity filter. */
    const query = <Row>(select: string, from: string, conditions: Array<[string, unknown] | string>, groupBy = ''): Promise<Row[]> => {
      const params: unknown[] = [];
      const clause = (condition: [string, unknown] | string) => {
        if (typeof condition === 'string') return condition;
        params.push(condition[1]);
        return condition[0];
      };
      const clauses = [...conditions, ...(filter.sensitivity ? [['p.political_sensitivity = ?', filter.sensitivity] as [string, unknown]] : [])].map(clause);
      return this.read<Row>(`SELECT ${select} FROM ${from} JOIN projects p ON p.id = x.project_id AND p.tenant_id = x.tenant_id WHERE x.tenant_id = @tenant${clauses.map((c) => ` AND ${c}`).join('')}${groupBy && ` GROUP BY ${groupBy}`}`, params);
    };
    const year = filter.year;
    const stayYear: Array<[string, unknown]> = year ? [['x.left_year = ?', year]] : [];
    const body: Array<[string, unknown]> = filter.body ? [['x.green_light_body = ?', filter.body]] : [];
    // One after another: on PostgreSQL outside a transaction each may take its own connection, but SQLite has one.
    const [{ n }] = await this.read<{ n: number | string }>(`SELECT COUNT(*) AS n FROM projects p WHERE p.tenant_id = @tenant${filter.sensitivity ? ' AND p.political_sensitivity = ?' : ''}`, filter.sensitivity ? [filter.sensitivity] : []);
    const stays = await query<{ state: string; stays: number; days: number }>('x.state, COUNT(*) AS stays, AVG(x.days) AS days', 'state_stays x', stayYear, 'x.state');
    const waits = await query<{ body: string; steps: number; days: number }>('x.green_light_body AS body, COUNT(*) AS steps, AVG(x.wait_days) AS days', 'state_stays x', ['x.green_light_body IS NOT NULL', ...stayYear, ...body], 'x.green_light_body');
    const plans = await query<{ year: number; levels: string }>('x.left_year AS year, x.levels', 'state_stays x', ['x.levels IS NOT NULL', ...stayYear]);
    // Decisions are dated by day (YYYY-MM-DD): the year is its first four characters.
    const refusals = await query<{ body: string; outcome: 'rejected' | 'deferred'; n: number }>('x.body, x.outcome, COUNT(*) AS n', 'decisions x', ["x.outcome IN ('rejected', 'deferred')", ...(year ? [['x.decided_on LIKE ?', `${year}-%`] as [string, unknown]] : []), ...(filter.body ? [['x.body = ?', filter.body] as [string, unknown]] : [])], 'x.body, x.outcome');
    const reminders = await query<{ at: string }>('x.finished_at AS at', 'reminders x', ["x.kind = 'silence'", "x.status = 'sent'"]);
    return { projects: Number(n), stays, waits, plans, refusals, reminders };
  }
}
