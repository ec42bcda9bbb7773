/**
 * Radio silence (§2.4: "voorkom radiostilte en blijf communiceren met de participanten,
 * ook als er 'niets' te melden is"). Pure rules: the time always comes in as input.
 */

import type { Level } from '../interaction/catalogue';
import { machineOf, SILENCE_COUNTED } from '../participation-project/project.machine';
import type { ProjectContext } from '../participation-project/project.types';
import { tagsOf } from '../participation-project/project-snapshot';

/**
 * Whether a project's silence towards participants is counted in a state: from the formal
 * commitment until it ends, where the level planned for the phase asks the municipality to
 * communicate. Interaction may start in any phase (§1.3), so a phase at level "none" (the
 * municipality decides and says nothing, §1.1) counts no silence, unless the owner switched
 * counting on for the whole project. A phase without a known level counts: silence is the
 * risk the guide warns of (§2.4), so the safe default is to watch it.
 */
export function silenceCounted(state: string, plannedLevel?: Level | null, alwaysCount = false, project: Pick<ProjectContext, 'guide'> = {}): boolean {
  // The guide tags the steps where it counts (countsSilence), and its machine carries the tag (issue 20).
  return tagsOf(state, machineOf(project)).has(SILENCE_COUNTED) && (alwaysCount || plannedLevel !== 'none');
}

/**
 * Who a silence reminder goes to: the process manager; from the reminder the guide escalates at
 * (`silence.escalateFrom`; the product's ladder: the second) also the commissioning administrator.
 */
export function silenceRecipients(level: number, to: { owner: string | null; administrator: string | null }, escalateFrom = 2): string[] {
  return [to.owner, level >= escalateFrom ? to.administrator : null].filter((e): e is string => !!e);
}

export interface SilenceClock {
  /** Start of the current silence: the last communication, or the moment counting began. */
  since: string | null;
  /** When the allowed silence ends (since + window): overdue from then until someone communicates, whatever reminders went out. */
  allowedUntil: string | null;
  /** Reminders already sent for this silence: 0 none, 1 the first, 2+ escalations. */
  level: number;
  /** Next moment a reminder is due, or null when none is. */
  deadline: string | null;
}

export const NO_SILENCE: SilenceClock = { since: null, allowedUntil: null, level: 0, deadline: null };

/** The deadline of reminder number `level + 1`: one window after the previous one. */
export function silenceDeadline(since: string, level: number, windowDays: number, dayMs: number): string | null {
  if (windowDays <= 0) return null;
  return new Date(Date.parse(since) + (level + 1) * windowDays * dayMs).toISOString();
}

/** The clock after something happened (a transition, a communication, a new plan): a new silence from `since`, or none where silence is not counted. */
export function restartSilence(counted: boolean, since: string, windowDays: number, dayMs: number): SilenceClock {
  if (!counted) return NO_SILENCE;
  const deadline = silenceDeadline(since, 0, windowDays, dayMs);
  return { since, allowedUntil: deadline, level: 0, deadline };
}

/**
 * After a reminder went out (or failed for good): the next one is due one window later. Windows
 * that already passed unnoticed (Redis was away) are collapsed: the next reminder falls in the
 * first window still ahead of `now`, instead of every missed escalation firing back to back.
 */
export function escalate(clock: SilenceClock, windowDays: number, dayMs: number, now: Date): SilenceClock {
  if (clock.since === null) return NO_SILENCE;
  const level = clock.level + 1;
  let windows = level;
  let deadline = silenceDeadline(clock.since, windows, windowDays, dayMs);
  while (deadline !== null && Date.parse(deadline) <= now.getTime()) deadline = silenceDeadline(clock.since, ++windows, windowDays, dayMs);
  return { since: clock.since, allowedUntil: clock.allowedUntil, level, deadline };
}

export type SilenceStatus = 'ok' | 'due-soon' | 'overdue';

/** A new window: the allowed silence and the next reminder move, the reminders already sent stay counted. */
export function rewindow(clock: SilenceClock, windowDays: number, dayMs: number): SilenceClock {
  if (clock.since === null) return NO_SILENCE;
  return { ...clock, allowedUntil: silenceDeadline(clock.since, 0, windowDays, dayMs), deadline: silenceDeadline(clock.since, clock.level, windowDays, dayMs) };
}

/**
 * Overdue from the end of the allowed silence until a communication is recorded, due soon
 * within three days of it, otherwise ok. Reminders going out change nothing: a project that
 * ignores them stays overdue. No status where silence is not counted (or the window is 0).
 */
export function silenceStatus(allowedUntil: string | null, now: Date, dayMs: number): SilenceStatus | null {
  if (allowedUntil === null) return null;
  const left = Date.parse(allowedUntil) - now.getTime();
  if (left <= 0) return 'overdue';
  return left <= DUE_SOON_DAYS * dayMs ? 'due-soon' : 'ok';
}

export const DUE_SOON_DAYS = 3;

/** The same statuses as ranges of `allowedUntil`, for a database query: overdue up to `overdueUntil`, due soon up to `dueSoonUntil`. */
export function silenceStatusBounds(now: Date, dayMs: number): { overdueUntil: string; dueSoonUntil: string } {
  return { overdueUntil: now.toISOString(), dueSoonUntil: new Date(now.getTime() + DUE_SOON_DAYS * dayMs).toISOString() };
}

/** Whole days of silence at a moment, for the reminder's text. */
export function daysSilent(since: string, at: Date, dayMs: number): number {
  return Math.floor((at.getTime() - Date.parse(since)) / dayMs);
}
