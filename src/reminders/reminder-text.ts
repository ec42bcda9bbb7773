import type { DueReminder } from '../workflow/reminder-workflow.service';

export interface ReminderMessage {
  subject: string;
  text: string;
}

/** The mail a process manager (and on escalation the commissioning administrator) receives, in Dutch. */
export function reminderMessage(reminder: DueReminder, projectUrl: string): ReminderMessage {
  return reminder.kind === 'milestone' ? milestoneMessage(reminder, projectUrl) : silenceMessage(reminder, projectUrl);
}

function silenceMessage(reminder: DueReminder, projectUrl: string): ReminderMessage {
  const escalation = reminder.level > 1;
  const subject = `${escalation ? 'Escalatie: ' : ''}radiostilte in project "${reminder.title}" (${reminder.daysSilent === 1 ? '1 dag' : `${reminder.daysSilent} dagen`})`;
  const text = [
    'Beste projectleider,',
    '',
    `In het project "${reminder.title}" is al ${reminder.daysSilent === 1 ? '1 dag' : `${reminder.daysSilent} dagen`} geen contact geweest met de deelnemers.`,
    escalation
      ? `Dit is herinnering ${reminder.level}; daarom gaat dit bericht ook naar de bestuurlijk opdrachtgever.`
      : 'Dit is de eerste herinnering.',
    '',
    'De Interactiewijzer (§2.4) vraagt: voorkom radiostilte en blijf communiceren met de deelnemers,',
    "ook als er 'niets' te melden is. Leg elk contact vast in interactiewijzer; dan stopt deze herinnering.",
    '',
    `Bekijk het project: ${projectUrl}`,
    '',
    'Met vriendelijke groet,',
    'interactiewijzer',
  ].join('\n');
  return { subject, text };
}

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

function milestoneMessage(reminder: DueReminder, projectUrl: string): ReminderMessage {
  const milestone = reminder.milestone!;
  const when = DUTCH_DATE.format(new Date(milestone.dueAt));
  if (milestone.unanswered !== undefined) return unansweredMessage(reminder, milestone.unanswered, when, projectUrl);
  return {
    subject: `Mijlpaal "${milestone.title}" in project "${reminder.title}" op ${when}`,
    text: [
      'Beste projectleider,',
      '',
      `In het project "${reminder.title}" staat de mijlpaal "${milestone.title}" gepland op ${when}.`,
      'Denk aan de voorbereiding, en aan terugkoppeling naar de raad en de participanten (Interactiewijzer §2.4).',
      '',
      `Bekijk het project: ${projectUrl}`,
      '',
      'Met vriendelijke groet,',
      'interactiewijzer',
    ].join('\n'),
  };
}

/** Before a planned decision: zienswijzen still wait for their answer (Awb 3.4: each gets one, in the nota van beantwoording). */
function unansweredMessage(reminder: DueReminder, unanswered: number, when: string, projectUrl: string): ReminderMessage {
  const count = unanswered === 1 ? '1 zienswijze' : `${unanswered} zienswijzen`;
  return {
    subject: `Nog ${count} zonder antwoord in project "${reminder.title}"`,
    text: [
      'Beste projectleider,',
      '',
      `In het project "${reminder.title}" ${unanswered === 1 ? 'is' : 'zijn'} nog ${count} zonder antwoord van de gemeente.`,
      `Het besluit staat gepland op ${when} (${reminder.milestone!.title.replace(/^Zienswijzen beantwoorden vóór: /, '')}).`,
      'Elke zienswijze krijgt een antwoord in de nota van beantwoording, voordat het besluit wordt genomen.',
      '',
      `Bekijk de zienswijzen: ${projectUrl}/inspraak`,
      '',
      'Met vriendelijke groet,',
      'interactiewijzer',
    ].join('\n'),
  };
}
