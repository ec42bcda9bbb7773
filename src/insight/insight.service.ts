import { Injectable } from '@nestjs/common';
import { InsightRepository } from '../database/insight.repository';
import { dutchDay } from '../../machines/calendar/dutch-day';
import { describeMachine } from '../../machines/participation-project';
import type { InsightFilter } from '../database/insight.repository';

export type { InsightFilter } from '../database/insight.repository';

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

/** The figures of Insight, from the database's sums (src/database/insight.repository.ts). */
@Injectable()
export class InsightService {
  constructor(private readonly sums: InsightRepository) {}

  async insight(filter: InsightFilter): Promise<Insight> {
    const { projects, stays, waits, plans, refusals, reminders } = await this.sums.sums(filter);
    const year = filter.year;
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
      projects,
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
