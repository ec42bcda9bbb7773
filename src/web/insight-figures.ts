import { LEVELS, PHASES, type Level } from '../../machines/participation-project';
import type { Insight } from '../insight/insight.service';
import type { Texts } from './i18n/nl';
import { barChart } from './insight-charts';
import { levelName, phaseName } from './wording';

/** One figure of the insight page: its chart, and the same figures as a table (and a CSV). */
export interface InsightFigure {
  key: string;
  title: string;
  chart: string | null;
  headers: string[];
  rows: Array<Array<string | number>>;
}

export function insightFigures(insight: Insight, t: Texts): InsightFigure[] {
  const lang = t.lang as 'nl' | 'en';
  const i = t.insight;
  const bodyName = (b: string) => t.pages.bodyNames[b] ?? b;
  const chart = (categories: string[], series: Array<{ name: string; values: number[] }>, unit: string, options: { horizontal?: boolean; stacked?: boolean } = {}) =>
    categories.length ? barChart({ categories, series, unit, ...options }) : null;
  const states = insight.timeInState.map((s) => t.states[s.state] ?? s.state);
  const months = insight.silencePerMonth.map((m) => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.month}-15T12:00:00Z`)));
  const levelsUsed = LEVELS.filter((level) => insight.levels.some((l) => l.level === level));
  const perPhase = (level: Level) => PHASES.map((phase) => insight.levels.filter((l) => l.phase === phase && l.level === level).reduce((sum, l) => sum + l.plans, 0));
  return [
    {
      key: 'tijd-per-stap',
      title: i.timeInState,
      chart: chart(states, [{ name: i.averageDays, values: insight.timeInState.map((s) => s.averageDays) }], i.daysUnit, { horizontal: true }),
      headers: [i.step, i.stays, i.averageDays],
      rows: insight.timeInState.map((s, n) => [states[n], s.stays, s.averageDays]),
    },
    {
      key: 'wachten-op-groen-licht',
      title: i.waitForGreenLight,
      chart: chart(insight.waitForGreenLight.map((w) => bodyName(w.body)), [{ name: i.averageDays, values: insight.waitForGreenLight.map((w) => w.averageDays) }], i.daysUnit, { horizontal: true }),
      headers: [i.body, i.steps, i.averageDays],
      rows: insight.waitForGreenLight.map((w) => [bodyName(w.body), w.steps, w.averageDays]),
    },
    {
      key: 'afgewezen-en-aangehouden',
      title: i.refusals,
      chart: chart(insight.refusals.map((r) => bodyName(r.body)), [{ name: i.rejected, values: insight.refusals.map((r) => r.rejected) }, { name: i.deferred, values: insight.refusals.map((r) => r.deferred) }], i.decisionsUnit),
      headers: [i.body, i.rejected, i.deferred],
      rows: insight.refusals.map((r) => [bodyName(r.body), r.rejected, r.deferred]),
    },
    {
      key: 'radiostilte-per-maand',
      title: i.silencePerMonth,
      chart: chart(months, [{ name: i.reminders, values: insight.silencePerMonth.map((m) => m.reminders) }], i.remindersUnit),
      headers: [i.month, i.reminders],
      rows: insight.silencePerMonth.map((m, n) => [months[n], m.reminders]),
    },
    {
      key: 'niveaus-per-fase',
      title: i.levels,
      chart: chart(PHASES.map((p) => phaseName(p, lang)), levelsUsed.map((level) => ({ name: levelName(level, lang), values: perPhase(level) })), i.plansUnit, { stacked: true }),
      headers: [i.year, t.dashboard.phase, i.level, i.plans],
      rows: insight.levels.map((l) => [l.year, phaseName(l.phase, lang), levelName(l.level, lang), l.plans]),
    },
  ];
}
