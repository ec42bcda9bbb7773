import type { DecisionView } from '../decisions/decisions.service';
import { Tenancy } from '../tenancy/tenancy.service';
import { tenantScope } from '../database/tenant-scope';
import { dutchClock } from '../../machines/calendar/dutch-day';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { aboutGreenLight, addDays, fieldNames, FILTER_STATES, guideLabels, isTask, lifeCycleStages, machineOf, PHASE_STATES, phaseOf, registeredGuide, waitsForBody, type GatedEventType, type GuideRef } from '../../machines/participation-project';
import { statesLeft, type AuditEntryView } from '../audit/audit.service';
import type { ProjectView } from '../projects/project.view';
import type { Texts } from './i18n/nl';
import { isSystemActor } from '../auth/roles';
import { csv } from './csv';
import { formBuilder } from './form-fields';
import type { FailedForm } from './refusal';
import { layoutMachine, type DiagramLayout } from './state-diagram';
import { WebSession } from './web-session';
import { actorName, describeEntry, eventName, formatDay, formatMoment, levelName, phaseName } from './wording';

/** A guide version's words, read once per version: a version never changes. */
const LABELS = new Map<string, ReturnType<typeof guideLabels>>();
function guideLabelsOf(ref: GuideRef | undefined): ReturnType<typeof guideLabels> | undefined {
  const guide = ref && registeredGuide(ref.sha256);
  if (!ref || !guide) return undefined;
  if (!LABELS.has(ref.sha256)) LABELS.set(ref.sha256, guideLabels(guide));
  return LABELS.get(ref.sha256);
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const DAY_MS = 86_400_000;

/** What the templates need, built from the API's own views. */
@Injectable()
export class WebPages {
  private readonly layouts = new Map<string, Promise<DiagramLayout>>();


  constructor(
    private readonly session: WebSession,
    private readonly tenancy: Tenancy,
  ) {}

  /** Where the municipality's public pages are (issue 21): its own path, or the default tenant's from before tenants. */
  publicBase(): string {
    const tenant = tenantScope.current() ?? this.tenancy.defaultTenant;
    return tenant === this.tenancy.defaultTenant ? '/openbaar' : `/openbaar/${tenant}`;
  }

  /** The municipality whose pages these are (issue 21): its name, logo and theme. */
  private get municipality() {
    // A page no route matched (404) was not signed in to any municipality: the default one's look.
    const { name, theme } = this.tenancy.require(tenantScope.current() ?? this.tenancy.defaultTenant);
    return { name, logoUrl: theme.logoUrl, themeCssUrl: theme.themeCssUrl };
  }

  async render(req: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200): Promise<unknown> {
    const t = this.session.texts(req);
    const csrf = await reply.generateCsrf();
    const lang = t.lang as 'nl' | 'en';
    // Words for every code and date: no template formats one itself.
    // A project's page, and a guide's, speak the guide's words for its steps (issue 20).
    const labels = guideLabelsOf((data.project as { guide?: GuideRef } | undefined)?.guide ?? (data.guide as GuideRef | undefined));
    const fmt = {
      day: (value: string | null | undefined) => formatDay(value, lang),
      moment: (value: string | null | undefined) => formatMoment(value, lang),
      // A milestone due at midnight marks the end of the day before (a term's last day): that day, without a time.
      due: (value: string) => (dutchClock(new Date(value)).time === '00:00' ? formatDay(addDays(dutchClock(new Date(value)).day, -1), lang) : formatMoment(value, lang)),
      level: (level: string | null | undefined) => levelName(level, lang),
      phase: (phase: string) => phaseName(phase, lang),
      event: (event: string) => labels?.events[event as GatedEventType]?.[lang] ?? eventName(event, lang),
      state: (state: string) => labels?.states[state]?.[lang] ?? t.states[state] ?? state,
      // On a page of many projects: each in its own guide's words.
      stateIn: (project: { guide?: GuideRef }, state: string) => guideLabelsOf(project.guide)?.states[state]?.[lang] ?? t.states[state] ?? state,
      eventIn: (project: { guide?: GuideRef }, event: string) => guideLabelsOf(project.guide)?.events[event as GatedEventType]?.[lang] ?? eventName(event, lang),
      fields: (keys: readonly string[]) => fieldNames(keys, lang),
      actor: (actor: { name: string; role: string }) => actorName(actor, t),
    };
    // The machine's own state names, for filters and labels: no template spells one out.
    const failed = (data.failed as FailedForm | null | undefined) ?? null;
    const ui = (form: string) => formBuilder(form, failed, t);
    // The main navigation marks the section the page belongs to.
    const pathname = req.url.split('?')[0];
    const section = pathname === '/' || pathname.startsWith('/projecten/') && pathname !== '/projecten/nieuw' ? 'projects' : pathname === '/werkvoorraad' ? 'worklist' : pathname === '/inzicht' ? 'insight' : pathname.startsWith('/handleidingen') ? 'guides' : pathname === '/projecten/nieuw' ? 'new' : '';
    return reply.code(status).view(template, { ...data, t, fmt, ui, csrf, path: req.url, section, municipality: this.municipality, publicBase: this.publicBase(), filterStates: FILTER_STATES, phaseStates: PHASE_STATES });
  }

  /** An error as a page in the site's layout, in the reader's language, with who is signed in when known. */
  async errorPage(req: FastifyRequest, reply: FastifyReply, status: number, error: { code: string; message: string }): Promise<unknown> {
    const user = (await this.session.user(req).catch(() => null)) ?? null;
    const backTo = /^\/projecten\/[0-9a-f-]{36}/.exec(req.url)?.[0];
    return this.render(req, reply, 'error', { user, status, code: error.code, message: error.message, backTo }, status);
  }

  texts(req: FastifyRequest): Texts {
    return this.session.texts(req);
  }

  /**
   * The linear step indicator: the stages of the life cycle in order, each done (passed), skipped
   * (the route went past it), current or still to come; an ended project shows where it ended.
   */
  stages(project: ProjectView, timeline: AuditEntryView[]) {
    return lifeCycleStages(project.state, project.origin, statesLeft(timeline), machineOf(project));
  }

  /**
   * A dashboard row with one honest status per next step: ready, rejected (by whom, when), what
   * the file still lacks, or whose decision it waits for; an ended project has none, nor a silence light.
   */
  dashboardRow(project: ProjectView, t: Texts) {
    const lang = t.lang as 'nl' | 'en';
    const phase = phaseOf(project.state);
    const level = phase ? project.levels.find((l) => l.phase === phase)?.level ?? null : null;
    const ended = project.status === 'done';
    const steps = ended ? [] : project.nextSteps.filter((s) => isTask(s.event)).map((s) => ({ event: s.event, status: stepStatus(s, t) }));
    const last = project.silence.lastCommunicationAt;
    return {
      project,
      level: level ? levelName(level, lang) : null,
      ended,
      steps,
      daysSince: last ? Math.floor((Date.now() - Date.parse(last)) / DAY_MS) : null,
    };
  }

  /** The life cycle as SVG, from the machine's own graph: current state dark, the states passed light. */
  /**
   * The life cycle as SVG, from the machine's own graph: the current state dark, the states passed
   * light; or, with `heat` (average days per state), each state shaded by the time spent there.
   */
  async diagram(req: FastifyRequest, current: string, timeline: AuditEntryView[], heat?: Map<string, number>, guideRef?: GuideRef): Promise<string> {
    const t = this.session.texts(req);
    const lang = t.lang as 'nl' | 'en';
    const labels = guideLabelsOf(guideRef);
    const stateName = (id: string) => labels?.states[id]?.[lang] ?? t.states[id] ?? id;
    const eventLabel = (event: string) => labels?.events[event as GatedEventType]?.[lang] ?? t.events[event] ?? event;
    const key = `${t.lang}:${guideRef?.sha256 ?? ''}`;
    let layout = this.layouts.get(key);
    if (!layout) {
      layout = layoutMachine(stateName, eventLabel, guideRef && registeredGuide(guideRef.sha256));
      this.layouts.set(key, layout);
    }
    const { width, height, nodes, groups, edges } = await layout;
    const visited = new Set(statesLeft(timeline));
    const margin = 8;
    const maxHeat = heat ? Math.max(1, ...heat.values()) : 1;
    const box = (id: string) => (id === current ? 'current' : visited.has(id) ? 'visited' : 'other');
    const parts = [
      `<svg xmlns="http://www.w3.org/2000/svg" class="iw-diagram" viewBox="${-margin} ${-margin - 14} ${width + 2 * margin} ${height + 2 * margin + 14}" role="img" aria-labelledby="diagram-title">`,
      `<title id="diagram-title">${escapeXml(`${t.project.lifecycle}: ${t.project.current} ${stateName(current)}`)}</title>`,
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>',
      ...groups.map((g) => `<g class="iw-group"><rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="6"/><text x="${g.x + 8}" y="${g.y + 18}">${escapeXml(stateName(g.id))}</text></g>`),
      ...edges.map((e) => `<g class="iw-edge"><polyline points="${e.points.map((p) => `${p.x},${p.y}`).join(' ')}" marker-end="url(#arrow)"/>${e.label ? `<text x="${e.label.x}" y="${e.label.y + 11}">${escapeXml(eventLabel(e.event))}</text>` : ''}</g>`),
      ...nodes.map((n) => (heat ? heatNode(n, heat.get(n.id), maxHeat, t) : `<g class="iw-state iw-state--${box(n.id)}"><rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="8"/><text x="${n.x + n.width / 2}" y="${n.y + n.height / 2 + 5}" text-anchor="middle">${escapeXml(stateName(n.id))}</text></g>`)),
      '</svg>',
    ];
    return parts.join('');
  }

  /** The trail as CSV in the reader's language: one line per entry, its sentence, then a column per detail. */
  timelineCsv(timeline: AuditEntryView[], req: FastifyRequest): string {
    const t = this.session.texts(req);
    return csv([
      t.trail.csvHeaders,
      ...timeline.map((e) => {
        const { title, details } = describeEntry(e, t);
        const system = isSystemActor(e.actor);
        return [e.seq, formatMoment(e.occurredAt, t.lang as 'nl' | 'en'), system ? t.trail.automatic : e.actor.name, system ? '' : (t.roles[e.actor.role] ?? e.actor.role), title, e.hash, ...details];
      }),
    ]);
  }
}

/** A state shaded by the average days spent in it: light for short, dark red for the longest; the days written in it. */
function heatNode(n: { id: string; x: number; y: number; width: number; height: number }, days: number | undefined, max: number, t: Texts): string {
  const share = days === undefined ? 0 : days / max;
  // From pale yellow to dark red; white text once the fill is dark enough for contrast.
  const fill = days === undefined ? '#ffffff' : `hsl(${Math.round(45 - 45 * share)}, 85%, ${Math.round(92 - 62 * share)}%)`;
  const ink = share > 0.55 ? '#ffffff' : '#1a1a1a';
  const name = t.states[n.id] ?? n.id;
  // The days are in the table beside the diagram; here they are the state's title.
  const title = days === undefined ? name : `${name}: ${t.insight.days(days)}`;
  // Presentation attributes, not style attributes: the content security policy allows no inline style.
  return `<g class="iw-heat"><title>${escapeXml(title)}</title><rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="8" fill="${fill}" stroke="#4b4b4b"/><text x="${n.x + n.width / 2}" y="${n.y + n.height / 2 + 5}" text-anchor="middle" fill="${ink}">${escapeXml(name)}</text></g>`;
}

/** What a step's file still lacks, apart from the green light itself, each named once in a few words. */
export function stepLacks(step: ProjectView['nextSteps'][number], t: Texts): string[] {
  return [...new Set(step.blockers.filter((b) => !aboutGreenLight(b.code)).map((b) => t.dashboard.needs[b.code] ?? b.code))];
}

type StepView = ProjectView['nextSteps'][number];

/** A step of a body whose green light is recorded: nothing it waits for is the body's. */
export const hasGreenLight = (step: StepView): boolean => step.requiredBody !== null && !step.blockers.some((b) => waitsForBody(b.code));

/** The steps in the body's werkvoorraad (the rule: `nextSteps` in machines/), stop requests included. */
export const awaitedSteps = (project: ProjectView, body: string): StepView[] => project.nextSteps.filter((s) => s.requiredBody === body && s.awaited);

/** The steps a process manager can ask a green light for now (stopping has its own page). */
export const requestableSteps = (project: ProjectView): StepView[] => project.nextSteps.filter((s) => s.requestable);

export type StepTone = 'ok' | 'blocked' | 'waiting' | 'neutral';

/**
 * What stands between a step and its taking, in a few words (the dashboard, the werkvoorraad), with
 * its tone: ready, refused or lacking (red), asked and waiting (amber), or not yet asked (neutral, issue 19).
 */
export function stepStatus(step: ProjectView['nextSteps'][number], t: Texts): { text: string; tone: StepTone } {
  const lang = t.lang as 'nl' | 'en';
  const s = t.dashboard.status;
  if (step.allowed) return { text: s.ready, tone: 'ok' };
  const body = t.bodies[step.requiredBody ?? ''] ?? '';
  const asked = step.request?.pending ?? false;
  const rejected = step.blockers.find((b) => b.code === 'green-light-rejected');
  if (rejected && !asked) return { text: s.rejected(body, formatDay(rejected.on, lang), rejected.reason), tone: 'blocked' };
  const missing = stepLacks(step, t);
  if (missing.length > 0) return { text: s.notReady(missing.join(', ')), tone: 'blocked' };
  if (!step.requiredBody) return { text: s.ready, tone: 'ok' };
  const deferred = step.blockers.find((b) => b.code === 'green-light-deferred');
  if (deferred && asked) return { text: s.deferred(body, formatDay(deferred.on, lang), deferred.reason), tone: 'waiting' };
  if (asked) return { text: s.requested(step.requiredBody, formatDay(step.request!.requestedAt, lang)), tone: 'waiting' };
  return { text: s.notRequested, tone: 'neutral' };
}

/** The decisions of the decision-making phase itself, approved or rejected (a deferral decides nothing). */
export function decisionsTaken(decisions: readonly DecisionView[]): DecisionView[] {
  return decisions.filter((d) => d.event === 'DECISION_TAKEN' && d.outcome !== 'deferred');
}

/** Those whose bekendmaking is not recorded yet: they do not take effect before it (Awb art. 3:40). */
export function notYetMadeKnown(decisions: readonly DecisionView[], project: ProjectView): DecisionView[] {
  const madeKnown = new Set(project.publications.map((p) => p.decisionId));
  return decisions.filter((d) => !madeKnown.has(d.id));
}
