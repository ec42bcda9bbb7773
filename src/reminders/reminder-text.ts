import type { SilenceReminder } from '../workflow/silence-workflow.service';

export interface ReminderMessage {
  subject: string;
  text: string;
}

/** The mail a process manager (and on escalation the commissioning administrator) receives, in Dutch. */
export function silenceReminderMessage(reminder: SilenceReminder, projectUrl: string): ReminderMessage {
  const escalation = reminder.level > 1;
  const subject = `${escalation ? 'Escalatie: ' : ''}radiostilte in project "${reminder.title}" (${reminder.daysSilent} dagen)`;
  const text = [
    'Beste projectleider,',
    '',
    `Het project "${reminder.title}" heeft al ${reminder.daysSilent} dagen niet met de participanten gecommuniceerd.`,
    escalation
      ? `Dit is herinnering ${reminder.level}; daarom gaat dit bericht ook naar de bestuurlijk opdrachtgever.`
      : 'Dit is de eerste herinnering.',
    '',
    'De Interactiewijzer (§2.4) vraagt: voorkom radiostilte en blijf communiceren met de participanten,',
    "ook als er 'niets' te melden is. Leg elk contact vast in interactiewijzer; dan stopt deze herinnering.",
    '',
    `Bekijk het project: ${projectUrl}`,
    '',
    'Met vriendelijke groet,',
    'interactiewijzer',
  ].join('\n');
  return { subject, text };
}
