import { isFutureDay, longDay } from '../../machines/calendar/dutch-day';
import type { FieldError } from '../common/validation';

/** A decision is recorded once taken: its date not in the future (the sentence names the date in words). */
export function futureDecisionDate(decidedOn: string | undefined, now: Date): FieldError | null {
  if (!decidedOn || !/^\d{4}-\d{2}-\d{2}$/.test(decidedOn) || !isFutureDay(decidedOn, now)) return null;
  return {
    field: 'decidedOn',
    rules: ['notInFuture'],
    messages: [`decidedOn ${decidedOn} lies in the future; record a decision once it has been taken.`],
    sentence: {
      nl: `De datum van het besluit, ${longDay(decidedOn, 'nl')}, ligt in de toekomst. Leg een besluit vast als het genomen is.`,
      en: `The date of the decision, ${longDay(decidedOn, 'en')}, lies in the future. Record a decision once it has been taken.`,
    },
  };
}

/** Issue 19: a body that does not approve, or postpones, says why; the process manager reads it. */
export function reasonMissing(outcome: string | undefined, note: string | undefined): FieldError | null {
  if (!outcome || outcome === 'approved' || note?.trim()) return null;
  return {
    field: 'note',
    rules: ['reasonRequired'],
    messages: [`A decision that is ${outcome} gives its reason (note); the process manager waits on it.`],
    sentence: { nl: 'Toelichting of reden: geef de reden. Bij niet akkoord, verworpen of aangehouden leest de procesmanager waarom.', en: 'Note or reason: give the reason. When not approved or deferred, the process manager reads why.' },
  };
}
