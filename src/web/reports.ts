import { GOAL_NAMES, PHASES, type Goal } from '../../machines/participation-project';
import type { Nota } from '../accountability/accountability.service';
import type { ParticipationAccount } from '../accountability/participation-account';
import type { ReportDocument } from '../accountability/report-pdf';
import type { Texts } from './i18n/nl';
import { eventName, formatDay, levelName, phaseName } from './wording';

type Lang = 'nl' | 'en';

/**
 * The participation account as a document in the reader's language: the same for the page and the
 * PDF. For residents (the public page) without what the page says already (the decisions) and
 * without the municipality's own reminders (issue 19: each decision once, nothing internal).
 */
export function accountDocument(account: ParticipationAccount, t: Texts, forResidents = false): ReportDocument {
  const lang = t.lang as Lang;
  const r = t.reports;
  const body = (b: string) => t.bodies[b] ?? b;
  const light = (g: NonNullable<ParticipationAccount['route']>) =>
    r.greenLight(eventName(g.step, lang), body(g.body), formatDay(g.decidedOn, lang), g.reference) + (g.justification ? ` ${r.justification(g.justification)}` : '');
  const stage = (key: string) => t.states[key] ?? phaseName(key, lang);
  const levels = PHASES.filter((phase) => account.levels.planned[phase]).map((phase) => `${phaseName(phase, lang)}: ${levelName(account.levels.planned[phase], lang)}`);
  return {
    title: r.accountTitle,
    subtitle: account.project.title,
    lang,
    sections: [
      {
        heading: r.adviceAndRoute,
        paragraphs: [
          account.quickScan.advice ? r.advice(t.project.advices[account.quickScan.advice]) : r.noScan,
          account.route ? light(account.route) : r.noRoute,
        ],
        items: account.quickScan.reasons.map((reason) => reason[lang]),
      },
      {
        heading: r.levels,
        paragraphs: [levels.length ? r.plannedLevels : r.noPlan],
        items: [
          ...levels,
          ...account.levels.changes.map((c) => r.levelChange(formatDay(c.at, lang), c.phases.map((p) => phaseName(p, lang).toLowerCase()).join(', '), c.reason)),
        ],
      },
      // Residents read the groups and how they were approached, not how the municipality classed them ("tegenstanders").
      { heading: r.stakeholders, paragraphs: account.stakeholders.length ? [] : [r.none], items: account.stakeholders.map((s) => (forResidents ? `${s.name}: ${s.approach}` : `${s.name} (${t.file.kinds[s.kind] ?? s.kind}): ${s.approach}`)) },
      {
        heading: r.communications,
        paragraphs: account.communications.length ? [] : [r.none],
        items: account.communications.map((c) => r.contacts(stage(c.stage), c.count, formatDay(c.first, lang), formatDay(c.last, lang), c.channels.map((k) => `${k.channel} ${k.count}`).join(', '))),
      },
      {
        heading: r.inspection,
        paragraphs: account.inspection
          ? [
              r.inspectionText(formatDay(account.inspection.laidOpenOn, lang), formatDay(account.inspection.endsOn, lang), t.file.procedures[account.inspection.procedure] ?? account.inspection.procedure),
              r.reactionCounts(account.inspection.reactions, account.inspection.onTime, account.inspection.late, account.inspection.answered, account.inspection.changedDraft),
            ]
          : [r.noInspection],
      },
      ...(forResidents
        ? []
        : [
            { heading: r.greenLights, paragraphs: account.greenLights.length ? [] : [r.none], items: account.greenLights.map(light) },
            { heading: r.silence, paragraphs: [r.silenceReminders(account.silenceReminders)] },
          ]),
      {
        heading: r.results,
        paragraphs: [
          ...(account.evaluation?.participantsJudgement ? [r.judgement(account.evaluation.participantsJudgement)] : []),
          ...(account.evaluation?.lessons ? [r.lessons(account.evaluation.lessons)] : []),
          account.closingText ? account.closingText.text : r.noClosingText,
        ],
        items: (account.evaluation?.goals ?? []).map((g) => `${GOAL_NAMES[g.goal as Goal]?.[lang] ?? g.goal}: ${g.achieved ? r.achieved : r.notAchieved}${g.explanation ? ` (${g.explanation})` : ''}`),
      },
    ],
  };
}

/** The nota van beantwoording as a document: public (private senders numbered) or internal. */
export function notaDocument(nota: Nota, t: Texts): ReportDocument {
  const lang = t.lang as Lang;
  const r = t.reports;
  return {
    title: nota.version === 'public' ? r.notaTitle : r.notaTitleInternal,
    subtitle: nota.project.title,
    lang,
    sections: [
      {
        heading: r.about,
        paragraphs: [
          nota.inspection ? r.inspectionText(formatDay(nota.inspection.laidOpenOn, lang), formatDay(nota.inspection.endsOn, lang), t.file.procedures[nota.inspection.procedure] ?? nota.inspection.procedure) : r.noInspection,
          nota.decision ? r.dealtWith(eventName(nota.decision.step, lang), t.bodies[nota.decision.body] ?? nota.decision.body, formatDay(nota.decision.decidedOn, lang), nota.decision.reference) : r.notDecidedYet,
          ...(nota.version === 'public' ? [r.privacy] : []),
        ],
      },
      ...nota.reactions.map((reaction) => ({
        heading: `${t.pages.reactionNumber(reaction.number)}: ${reaction.sender ?? r.sender(reaction.number)}`,
        paragraphs: [
          `${t.file.receivedOn} ${formatDay(reaction.receivedOn, lang)}${reaction.late ? ` (${t.file.late})` : ''}.`,
          r.summary(reaction.summary),
          reaction.answer ? r.answer(reaction.answer) : r.noAnswer,
          reaction.answer ? (reaction.changedDraft ? t.pages.draftChanged : t.pages.draftNotChanged) : '',
        ].filter(Boolean),
      })),
    ],
  };
}
