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
