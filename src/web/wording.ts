import { payloadOf } from '../workflow/trail-payloads';
import { describeLevel, EVENT_NAMES, PHASE_NAMES, type Level, type Phase, type ProjectEventType } from '../../machines/participation-project';
import { WOO_CATEGORIES, type WooCategory } from '../../machines/publication/woo';
import type { AuditEntryView } from '../audit/audit.service';
import { isResidentFormActor, isSystemActor } from '../auth/roles';
import type { Texts } from './i18n/nl';

/**
 * What a screen says, in words: days and moments as people write them (Europe/Amsterdam),
 * and every code of the machine and the trail turned into a name or a sentence.
 */
type Lang = 'nl' | 'en';
const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
const momentFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD, or the day of a moment in the Netherlands): "29 december 2026". */
export function formatDay(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  let format = dayFormats.get(lang);
  if (!format) dayFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' })));
  // A bare day is noon in Amsterdam, so no zone moves it to another day.
  return format.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+01:00` : value));
}

/** A moment: "29 december 2026, 14:05", on the Dutch clock. */
export function formatMoment(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  let format = momentFormats.get(lang);
  if (!format) momentFormats.set(lang, (format = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })));
  return format.format(new Date(value));
}

export function levelName(level: string | null | undefined, lang: Lang): string {
  return level ? describeLevel(level as Level).name[lang] : '';
}

export function phaseName(phase: string, lang: Lang): string {
  return PHASE_NAMES[phase as Phase]?.[lang] ?? phase;
}

export function eventName(event: string, lang: Lang): string {
  return EVENT_NAMES[event as ProjectEventType]?.[lang] ?? event;
}

/** Who wrote an entry: a person with their role, or the service itself, "automatisch". */
export function actorName(actor: { name: string; role: string }, t: Texts): string {
  if (isSystemActor(actor)) return t.trail.automatic;
  return isResidentFormActor(actor) ? t.trail.residentForm : `${actor.name} (${t.roles[actor.role] ?? actor.role})`;
}

/** One entry of the trail as a sentence with its details, for the timeline and its export. */
export function describeEntry(entry: AuditEntryView, t: Texts): { title: string; details: string[] } {
  const lang = t.lang as Lang;
  const p = entry.payload as Record<string, unknown>;
  const s = (key: string) => (p[key] === undefined || p[key] === null ? '' : String(p[key]));
  const words = t.trail;
  const details: string[] = [];
  const add = (label: string, value: string) => value && details.push(`${label}: ${value}`);
  let title = words.types[entry.type] ?? entry.type;
  switch (entry.type) {
    case 'transition': {
      const step = payloadOf(entry, 'transition')!;
      title = words.transition(eventName(step.event, lang), t.states[step.to] ?? step.to);
      const g = step.greenLight;
      if (g) add(words.greenLight, `${t.bodies[g.body] ?? g.body}, ${formatDay(g.decidedOn, lang)} (${g.reference})`);
      add(words.reason, step.reason ?? '');
      break;
    }
    case 'decision-recorded':
      title = words.decision(t.bodies[s('body')] ?? s('body'), t.pages.outcomes[s('body')]?.[s('outcome')]?.toLowerCase() ?? s('outcome'), eventName(s('gate'), lang));
      add(t.form.decidedOn, formatDay(s('decidedOn'), lang));
      add(words.recordedOn, formatDay(s('recordedOn'), lang));
      add(t.form.reference, s('reference'));
      add(t.form.justification, s('justification'));
      add(words.note, s('note'));
      if (p.late) add(t.pages.afterDecision.lateLabel, t.pages.afterDecision.late(formatDay((p.late as { termEndsOn: string }).termEndsOn, lang)));
      break;
    case 'decision-made-known': {
      const ad = t.pages.afterDecision;
      add(ad.madeKnown, `${formatDay(s('publishedOn'), lang)} (${s('publishedIn')})`);
      add(ad.laidOpenOn, formatDay(s('laidOpenOn'), lang));
      add(ad.reactorsNotifiedOn, formatDay(s('reactorsNotifiedOn'), lang));
      const appeal = p.appeal as { endsOn: string; source: string; sourceNl: string } | null;
      add(appeal ? ad.appealTerm[s('remedy')] : ad.remedy, appeal ? ad.appealUntil(formatDay(appeal.endsOn, lang), lang === 'nl' ? appeal.sourceNl : appeal.source) : ad.noRemedy);
      add(words.recordedOn, formatDay(s('recordedOn'), lang));
      break;
    }
    case 'communication-recorded':
      add(t.form.channel, s('channel'));
      add(t.form.audience, s('audience'));
      add(words.occurredAt, formatMoment(s('occurredAt'), lang));
      break;
    case 'milestone-added':
      add(words.milestone, s('title'));
      add(words.dueAt, formatMoment(s('dueAt'), lang));
      break;
    case 'inspection-opened':
      add(t.file.laidOpenOn, formatDay(s('laidOpenOn'), lang));
      add(words.termEnds, formatDay(s('endsOn'), lang));
      add(t.file.publishedIn, s('publishedIn'));
      if (p.carriedOver) details.push(words.carriedOver(Number(p.carriedOver)));
      break;
    case 'challenger-informed':
      add(words.on, formatDay(s('sentOn'), lang));
      break;
    case 'challenge-agreement-recorded':
      add(t.form.reference, s('reference'));
      add(words.on, formatDay(s('concludedOn'), lang));
      add(words.term, `${formatDay(s('startsOn'), lang)} – ${formatDay(s('endsOn'), lang)}`);
      break;
    case 'inspection-withdrawn':
      add(t.file.laidOpenOn, formatDay(s('laidOpenOn'), lang));
      add(t.file.publishedIn, s('publishedIn'));
      add(words.reason, s('reason'));
      break;
    case 'reaction-received':
      // Since issue 18 the trail holds a digest of the sender, not the name (AVG); older entries still name it.
      if (typeof p.sender === 'string') add(t.file.sender, p.sender);
      add(t.file.receivedOn, formatDay(s('receivedOn'), lang));
      if (p.late) details.push(t.file.late);
      break;
    case 'submission-recorded': {
      const submission = p.submission as Record<string, string> | undefined;
      if (submission) add(t.form.submittedOn, `${formatDay(submission.submittedOn, lang)} (${submission.reference})`);
      break;
    }
    case 'personal-data-erased':
      details.push(words.erasedItems((p.items as unknown[] | undefined)?.length ?? 0));
      add(words.reason, s('reason'));
      break;
    case 'raad-informed':
      add(words.about, eventName(s('gate'), lang));
      add(t.form.reference, s('reference'));
      add(words.on, formatDay(s('date'), lang));
      break;
    case 'woo-published':
      add(words.document, s('title'));
      add(words.wooCategory, WOO_CATEGORIES[s('category') as WooCategory]?.[lang] ?? s('category'));
      break;
    case 'woo-withdrawn':
      add(words.reason, s('reason'));
      break;
    default:
      if (p.version !== undefined) add(words.version, s('version'));
  }
  return { title, details };
}
