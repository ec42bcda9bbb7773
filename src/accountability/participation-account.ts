import { phaseOf, type Level, type Phase } from '../../machines/participation-project';
import type { AuditEntryView } from '../audit/audit.service';
import { payloadOf } from '../workflow/trail-payloads';

/**
 * The participation account (participatieparagraaf) of a project, read off its trail and file:
 * who was involved and how, what participation yielded and what was done with it (the
 * reasoning of Omgevingsbesluit art. 10.2 lid 2, and the paragraph councils ask for in every
 * raadsvoorstel). Pure: the caller reads the trail and the file.
 */
export interface ParticipationAccount {
  project: { id: string; title: string; state: string };
  /** The guide version the project runs under (issue 20): the rules this account was kept by. */
  guide: { id: string; version: number; sha256: string; name: { nl: string; en: string } };
  quickScan: { advice: string | null; reasons: Array<{ nl: string; en: string }> };
  /** The decision on the route: interactive or not, by whom, with any justification against the advice (§1.6). */
  route: GreenLightFact | null;
  /** The level per phase as the adopted plan set it, and every later change with its reason. */
  levels: { planned: Partial<Record<Phase, Level>>; changes: Array<{ at: string; phases: string[]; from: Partial<Record<Phase, Level>> | null; to: Partial<Record<Phase, Level>>; reason: string }> };
  stakeholders: Array<{ name: string; domain: string; kind: string; approach: string }>;
  /** Contacts with participants, per phase of the policy cycle (or the step before it) in which they took place. */
  /** Contacts per stage, counted per channel with the first and the last (issue 19: a count, not a list of thousands). */
  communications: Array<{ stage: string; count: number; first: string; last: string; channels: Array<{ channel: string; count: number }> }>;
  inspection: { laidOpenOn: string; endsOn: string; procedure: string; reactions: number; onTime: number; late: number; answered: number; changedDraft: number } | null;
  greenLights: GreenLightFact[];
  /** Reminders that silence towards participants had lasted too long (§2.4). */
  silenceReminders: number;
  evaluation: { goals: Array<{ goal: string; achieved: boolean; explanation?: string }>; participantsJudgement: string | null; lessons: string | null } | null;
  closingText: { version: number; text: string; by: string; at: string } | null;
}

export interface GreenLightFact {
  step: string;
  body: string;
  outcome: string;
  decidedOn: string;
  reference: string;
  justification: string | null;
  documentUrl: string | null;
}

/** The parts of the account that come from the trail: the route, levels, contacts per stage, green lights, reminders. */
export function fromTrail(trail: readonly AuditEntryView[]): Pick<ParticipationAccount, 'route' | 'levels' | 'communications' | 'greenLights' | 'silenceReminders'> {
  let stage = '';
  const communications = new Map<string, ParticipationAccount['communications'][number]>();
  const greenLights: GreenLightFact[] = [];
  const levels: ParticipationAccount['levels'] = { planned: {}, changes: [] };
  let route: GreenLightFact | null = null;
  let silenceReminders = 0;
  for (const entry of trail) {
    const created = payloadOf(entry, 'project-created');
    if (created) stage = created.state;
    const step = payloadOf(entry, 'transition');
    if (step) {
      const light = step.greenLight;
      if (light) {
        const fact = { step: step.event, body: light.body, outcome: light.outcome, decidedOn: light.decidedOn, reference: light.reference, justification: light.justification ?? null, documentUrl: light.documentUrl ?? null };
        greenLights.push(fact);
        if (step.event === 'START_INTERACTIVE' || step.event === 'DECIDE_NON_INTERACTIVE') route = fact;
      }
      if (step.event === 'ADOPT_PLAN' && step.levels) levels.planned = step.levels;
      stage = phaseOf(step.to) ?? step.to;
    }
    const change = payloadOf(entry, 'plan-saved')?.levelChange;
    if (change) levels.changes.push({ at: entry.occurredAt, ...change });
    const contact = payloadOf(entry, 'communication-recorded');
    if (contact) {
      const at = contact.occurredAt;
      const counted = communications.get(stage) ?? { stage, count: 0, first: at, last: at, channels: [] };
      const channel = counted.channels.find((c) => c.channel === contact.channel) ?? counted.channels[counted.channels.push({ channel: contact.channel, count: 0 }) - 1];
      channel.count++;
      counted.count++;
      if (at < counted.first) counted.first = at;
      if (at > counted.last) counted.last = at;
      communications.set(stage, counted);
    }
    if (payloadOf(entry, 'reminder-sent')?.kind === 'silence') silenceReminders++;
  }
  // Per stage, the channels used most first.
  const counted = [...communications.values()].map((c) => ({ ...c, channels: [...c.channels].sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)) }));
  return { route, levels, communications: counted, greenLights, silenceReminders };
}
