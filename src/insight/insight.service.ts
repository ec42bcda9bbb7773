import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dutchDay } from '../../machines/calendar/dutch-day';
import { describeMachine } from '../../machines/participation-project';

export interface InsightFilter {
  /** Only what happened in this year. */
  year?: number;
  /** Only decisions (waits, rejections) of this body. */
  body?: 'college' | 'raad';
  /** Only projects of this political sensitivity. */
  sensitivity?: 'low' | 'high';
}

/** Where projects spend their time and where they stall, for the raad, the rekenkamer and process managers. */
export interface Insight {
  filter: InsightFilter;
  projects: number;
  /** Average and total days spent in each state, over the stays that ended. */
  timeInState: Array<{ state: string; stays: number; averageDays: number }>;
  /** Days from entering a step to the green light that let it through, per body. */
  waitForGreenLight: Array<{ body: string; steps: number; averageDays: number }>;
  /** Decisions that did not let a step through, per body. */
  refusals: Array<{ body: string; rejected: number; deferred: number }>;
  /** Reminders about silence towards participants, per month (YYYY-MM). */
  silencePerMonth: Array<{ month: string; reminders: number }>;
  /** The levels chosen per phase in the plans adopted, per year. */
  levels: Array<{ year: number; phase: string; level: string; plans: number }>;
}

const round = (days: number) => Math.round(Number(days) * 10) / 10;
/** States in the order of the life cycle, as the machine lists them. */
const STATE_ORDER = new Map(describeMachine().states.map((state, i) => [state.id, i]));
const lifeCycleOrder = (state: string) => STATE_ORDER.get(state) ?? STATE_ORDER.size;

/**
 * Sums over the read models, in the database: the stays in each state (state_stays, written by
 * every step), the decisions that did not let a step through, and the silence reminders sent.
 * A handful of grouped queries, whatever the size of the trail.
 */
@Injectable()
export class InsightService {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  async insight(filter: InsightFilter): Promise<Insight> {
    const postgres = this.database.options.type === 'postgres';
    /** A query over one table (as x) joined to its project, under the conditions given and the sensitivity filter. */
    const query = async <Row>(select: string, from: string, conditions: Array<[string, unknown] | string>, groupBy = ''): Promise<Row[]> => {
      const params: unknown[] = [];
      const clause = (condition: [string, unknown] | string) => {
        if (typeof condition === 'string') return condition;
        params.push(condition[1]);
        return condition[0].replace('?', postgres ? `$${params.length}` : '?');
      };
      const clauses = [...conditions, ...(filter.sensitivity ? [['p.political_sensitivity = ?', filter.sensitivity] as [string, unknown]] : [])].map(clause);
      const where = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
      return this.database.query(`SELECT ${select} FROM ${from} JOIN projects p ON p.id = x.project_id${where}${groupBy && ` GROUP BY ${groupBy}`}`, params);
    };
    const year = filter.year;
    const stayYear: Array<[string, unknown]> = year ? [['x.left_year = ?', year]] : [];
    const body: Array<[string, unknown]> = filter.body ? [['x.green_light_body = ?', filter.body]] : [];

    const [projects, stays, waits, plans, refusals, reminders] = await Promise.all([
      this.database.query(`SELECT COUNT(*) AS n FROM projects p${filter.sensitivity ? ` WHERE p.political_sensitivity = ${postgres ? '$1' : '?'}` : ''}`, filter.sensitivity ? [filter.sensitivity] : []) as Promise<Array<{ n: number }>>,
      query<{ state: string; stays: number; days: number }>('x.state, COUNT(*) AS stays, AVG(x.days) AS days', 'state_stays x', stayYear, 'x.state'),
      query<{ body: string; steps: number; days: number }>('x.green_light_body AS body, COUNT(*) AS steps, AVG(x.wait_days) AS days', 'state_stays x', ['x.green_light_body IS NOT NULL', ...stayYear, ...body], 'x.green_light_body'),
      query<{ year: number; levels: string }>('x.left_year AS year, x.levels', 'state_stays x', ['x.levels IS NOT NULL', ...stayYear]),
      // Decisions are dated by day (YYYY-MM-DD): the year is its first four characters.
      query<{ body: string; outcome: 'rejected' | 'deferred'; n: number }>('x.body, x.outcome, COUNT(*) AS n', 'decisions x', ["x.outcome IN ('rejected', 'deferred')", ...(year ? [['x.decided_on LIKE ?', `${year}-%`] as [string, unknown]] : []), ...(filter.body ? [['x.body = ?', filter.body] as [string, unknown]] : [])], 'x.body, x.outcome'),
      query<{ at: string }>('x.finished_at AS at', 'reminders x', ["x.kind = 'silence'", "x.status = 'sent'"]),
    ]);

    const refusalsByBody = new Map<string, { rejected: number; deferred: number }>();
    for (const r of refusals) {
      const counts = refusalsByBody.get(r.body) ?? { rejected: 0, deferred: 0 };
      counts[r.outcome] = Number(r.n);
      refusalsByBody.set(r.body, counts);
    }
    // Months are Dutch ones: a reminder just after midnight on the first belongs to the new month.
    const silence = new Map<string, number>();
    for (const { at } of reminders) {
      const month = dutchDay(new Date(at)).slice(0, 7);
      if (!year || month.startsWith(String(year))) silence.set(month, (silence.get(month) ?? 0) + 1);
    }
    const levels = new Map<string, number>();
    for (const plan of plans) {
      for (const [phase, level] of Object.entries(JSON.parse(plan.levels) as Record<string, string>)) {
        const key = `${plan.year}|${phase}|${level}`;
        levels.set(key, (levels.get(key) ?? 0) + 1);
      }
    }
    return {
      filter,
      projects: Number(projects[0].n),
      timeInState: stays.sort((a, b) => lifeCycleOrder(a.state) - lifeCycleOrder(b.state)).map((s) => ({ state: s.state, stays: Number(s.stays), averageDays: round(s.days) })),
      waitForGreenLight: waits.sort((a, b) => a.body.localeCompare(b.body)).map((w) => ({ body: w.body, steps: Number(w.steps), averageDays: round(w.days) })),
      refusals: [...refusalsByBody].sort().map(([b, counts]) => ({ body: b, ...counts })),
      silencePerMonth: [...silence].sort().map(([month, n]) => ({ month, reminders: n })),
      levels: [...levels].sort().map(([key, n]) => {
        const [y, phase, level] = key.split('|');
        return { year: Number(y), phase, level, plans: n };
      }),
    };
  }
}
