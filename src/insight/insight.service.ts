import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dutchDay } from '../../machines/calendar/dutch-day';

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

const DAY_MS = 86_400_000;
const push = (map: Map<string, number[]>, key: string, value: number) => {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
};
const round = (days: number) => Math.round(days * 10) / 10;

/**
 * Reads only the entries that tell the story (project created, transitions, decisions, silence
 * reminders): one query, whatever the number of contacts recorded, and the sums in memory.
 */
@Injectable()
export class InsightService {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  async insight(filter: InsightFilter): Promise<Insight> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return this.database.options.type === 'postgres' ? `$${params.length}` : '?';
    };
    const sensitivity = filter.sensitivity ? ` AND p.political_sensitivity = ${param(filter.sensitivity)}` : '';
    const rows: Array<{ projectId: string; seq: number; occurredAt: string; type: string; payload: string }> = await this.database.query(
      `SELECT a.project_id AS "projectId", a.seq, a.occurred_at AS "occurredAt", a.type, a.payload
         FROM audit_entries a JOIN projects p ON p.id = a.project_id
        WHERE a.type IN ('project-created', 'transition', 'decision-recorded', 'reminder-sent')${sensitivity}
        ORDER BY a.project_id, a.seq`,
      params,
    );
    // Years and months are Dutch ones: a moment just after midnight on 1 January belongs to the new year.
    const dutch = (at: string) => (/^\d{4}-\d{2}-\d{2}$/.test(at) ? at : dutchDay(new Date(at)));
    const inYear = (at: string) => !filter.year || dutch(at).startsWith(String(filter.year));
    const byBody = (body: string) => !filter.body || body === filter.body;

    const stays = new Map<string, number[]>();
    const waits = new Map<string, number[]>();
    const refusals = new Map<string, { rejected: number; deferred: number }>();
    const silence = new Map<string, number>();
    const levels = new Map<string, number>();
    const projects = new Set<string>();
    let entered = { project: '', state: '', at: '' };
    for (const row of rows) {
      projects.add(row.projectId);
      const p = JSON.parse(row.payload) as Record<string, unknown>;
      if (row.type === 'project-created') entered = { project: row.projectId, state: String(p.state), at: row.occurredAt };
      if (row.type === 'transition' && entered.project === row.projectId) {
        if (inYear(row.occurredAt)) {
          const days = (Date.parse(row.occurredAt) - Date.parse(entered.at)) / DAY_MS;
          push(stays, entered.state, days);
          const light = p.greenLight as { body: string; decidedOn: string } | undefined;
          if (light && byBody(light.body)) push(waits, light.body, Math.max(0, (Date.parse(`${light.decidedOn}T12:00:00Z`) - Date.parse(entered.at)) / DAY_MS));
          if (p.event === 'ADOPT_PLAN' && p.levels) {
            for (const [phase, level] of Object.entries(p.levels as Record<string, string>)) {
              const key = `${dutch(row.occurredAt).slice(0, 4)}|${phase}|${level}`;
              levels.set(key, (levels.get(key) ?? 0) + 1);
            }
          }
        }
        entered = { project: row.projectId, state: String(p.to), at: row.occurredAt };
      }
      if (row.type === 'decision-recorded' && inYear(String(p.decidedOn)) && byBody(String(p.body)) && (p.outcome === 'rejected' || p.outcome === 'deferred')) {
        const counts = refusals.get(String(p.body)) ?? { rejected: 0, deferred: 0 };
        counts[p.outcome] += 1;
        refusals.set(String(p.body), counts);
      }
      if (row.type === 'reminder-sent' && p.kind === 'silence' && inYear(row.occurredAt)) {
        const month = dutch(row.occurredAt).slice(0, 7);
        silence.set(month, (silence.get(month) ?? 0) + 1);
      }
    }
    const average = (values: number[]) => round(values.reduce((sum, v) => sum + v, 0) / values.length);
    return {
      filter,
      projects: projects.size,
      timeInState: [...stays].map(([state, values]) => ({ state, stays: values.length, averageDays: average(values) })),
      waitForGreenLight: [...waits].sort().map(([body, values]) => ({ body, steps: values.length, averageDays: average(values) })),
      refusals: [...refusals].sort().map(([body, counts]) => ({ body, ...counts })),
      silencePerMonth: [...silence].sort().map(([month, reminders]) => ({ month, reminders })),
      levels: [...levels].sort().map(([key, plans]) => {
        const [year, phase, level] = key.split('|');
        return { year: Number(year), phase, level, plans };
      }),
    };
  }
}
