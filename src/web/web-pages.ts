import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FILTER_STATES, PHASE_STATES, phaseOf } from '../../machines/participation-project';
import type { AuditEntryView } from '../audit/audit.service';
import type { ProjectView } from '../projects/project.view';
import { layoutMachine, type DiagramLayout } from './state-diagram';
import { WebSession } from './web-session';

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const DAY_MS = 86_400_000;

/** What the templates need, built from the API's own views. */
@Injectable()
export class WebPages {
  private readonly layouts = new Map<string, Promise<DiagramLayout>>();

  constructor(private readonly session: WebSession) {}

  async render(req: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown>, status = 200): Promise<unknown> {
    const t = this.session.texts(req);
    const csrf = await reply.generateCsrf();
    // The machine's own state names, for filters and labels: no template spells one out.
    return reply.code(status).view(template, { ...data, t, csrf, path: req.url, filterStates: FILTER_STATES, phaseStates: PHASE_STATES });
  }

  dashboardRow(project: ProjectView) {
    const phase = phaseOf(project.state);
    const level = phase ? project.levels.find((l) => l.phase === phase)?.level ?? null : null;
    const next = project.nextSteps.find((s) => s.event !== 'STOP') ?? null;
    const last = project.silence.lastCommunicationAt;
    return {
      project,
      level,
      next,
      greenLight: next ? !next.blockers.some((b) => b.code.startsWith('green-light')) : null,
      daysSince: last ? Math.floor((Date.now() - Date.parse(last)) / DAY_MS) : null,
    };
  }

  /** The life cycle as SVG, from the machine's own graph: current state dark, the states passed light. */
  async diagram(req: FastifyRequest, current: string, timeline: AuditEntryView[]): Promise<string> {
    const t = this.session.texts(req);
    let layout = this.layouts.get(t.lang);
    if (!layout) {
      layout = layoutMachine((id) => t.states[id] ?? id);
      this.layouts.set(t.lang, layout);
    }
    const { width, height, nodes, groups, edges } = await layout;
    const visited = new Set(timeline.filter((e) => e.type === 'transition' || e.type === 'submission-recorded').map((e) => (e.payload as { from: string }).from));
    const margin = 8;
    const box = (id: string) => (id === current ? 'current' : visited.has(id) ? 'visited' : 'other');
    const parts = [
      `<svg xmlns="http://www.w3.org/2000/svg" class="iw-diagram" viewBox="${-margin} ${-margin - 14} ${width + 2 * margin} ${height + 2 * margin + 14}" role="img" aria-labelledby="diagram-title">`,
      `<title id="diagram-title">${escapeXml(`${t.project.lifecycle}: ${t.project.current} ${t.states[current] ?? current}`)}</title>`,
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>',
      ...groups.map((g) => `<g class="iw-group"><rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="6"/><text x="${g.x + 6}" y="${g.y + 11}">${escapeXml(t.states[g.id] ?? g.id)}</text></g>`),
      ...edges.map((e) => `<g class="iw-edge"><polyline points="${e.points.map((p) => `${p.x},${p.y}`).join(' ')}" marker-end="url(#arrow)"/>${e.label ? `<text x="${e.label.x}" y="${e.label.y + 9}">${escapeXml(t.events[e.event] ?? e.event)}</text>` : ''}</g>`),
      ...nodes.map((n) => `<g class="iw-state iw-state--${box(n.id)}"><rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="8"/><text x="${n.x + n.width / 2}" y="${n.y + n.height / 2 + 5}" text-anchor="middle">${escapeXml(t.states[n.id] ?? n.id)}</text></g>`),
      '</svg>',
    ];
    return parts.join('');
  }

  /** CSV for a spreadsheet: one line per audit entry, the payload as JSON. */
  timelineCsv(timeline: AuditEntryView[]): string {
    // A cell that starts like a formula is shown as text, so a spreadsheet never runs a name such as =HYPERLINK(...) (OWASP CSV injection).
    const cell = (value: unknown) => `"${String(value).replace(/^[=+\-@\t\r]/, "'$&").replace(/"/g, '""')}"`;
    const lines = [['seq', 'occurredAt', 'actor', 'role', 'type', 'payload', 'hash'].join(',')];
    for (const e of timeline) lines.push([e.seq, e.occurredAt, e.actor.name, e.actor.role, e.type, JSON.stringify(e.payload), e.hash].map(cell).join(','));
    return `${lines.join('\r\n')}\r\n`;
  }
}



