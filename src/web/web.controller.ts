import { PACKAGE_VERSION } from '../common/version';
import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decidedLate, isTask } from '../../machines/participation-project';
import { Public } from '../auth/auth.decorators';
import { bodyRecordedBy, MUNICIPAL_ROLES, WRITERS } from '../auth/roles';
import { validated } from '../common/validation';
import { CreateProjectDto } from '../projects/dto/create-project.dto';
import { ProjectsService } from '../projects/projects.service';
import { OidcSignIn } from './oidc-sign-in';
import { describeRefusal } from './refusal';
import { one, PAGE_SIZE, pageOf, text, TypedDays, type Form } from './web-forms';
import { awaitedSteps, decisionsTaken, notYetMadeKnown, requestableSteps, stepLacks, WebPages } from './web-pages';
import { AuditService } from '../audit/audit.service';
import { DecisionsService } from '../decisions/decisions.service';
import { ReminderRepository } from '../database/reminder.repository';
import { ApiError } from '../common/api-error';
import { InsightService } from '../insight/insight.service';
import { csv } from './csv';
import { insightFigures } from './insight-figures';
import { actorOf, WebSession, type WebUser } from './web-session';
import { OpenPage, PageRoles, SignedInUser, WebRefusalFilter, WebSessionGuard } from './web-access';
import { sitePath } from './site-path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { tenantScope } from '../database/tenant-scope';
import { Tenancy } from '../tenancy/tenancy.service';
import type { TenantSettings } from '../tenancy/tenant-settings';

/**
 * The web interface: server-rendered pages (Eta through Fastify's view plugin) whose forms
 * work without JavaScript. Every write goes through the same services and validation as
 * the API; a refusal is shown on the page with the API's code and sentence.
 */
@ApiExcludeController()
@Public() // no bearer token: the web session guards these pages instead
@UseGuards(WebSessionGuard)
@UseFilters(WebRefusalFilter)
@Controller()
export class WebController {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly insight: InsightService,
    private readonly session: WebSession,
    private readonly tenancy: Tenancy,
    private readonly oidc: OidcSignIn,
    private readonly pages: WebPages,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly decisions: DecisionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.mailOff = !config.reminders.smtpUrl;
  }

  /** Without SMTP_URL reminders are recorded in the app only: the dashboard says so. */
  private readonly mailOff: boolean;

  @OpenPage()
  @Get('aanmelden')
  signInPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderSignIn(req, reply);
  }

  @OpenPage()
  @Post('aanmelden')
  async signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form) {
    if (!(await this.session.signInAs(reply, one(form.name), one(form.role), this.signInTenant(one(form.gemeente)).id))) {
      return this.renderSignIn(req, reply, 400);
    }
    return reply.redirect('/', 303);
  }

  @OpenPage()
  @Get('aanmelden/oidc/start')
  async oidcStart(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query() query: Record<string, string | string[]>) {
    const tenant = this.signInTenant(one(query.gemeente));
    if (!this.oidc.enabled(tenant)) return reply.redirect('/aanmelden', 303);
    return reply.redirect(await this.oidc.start(reply, tenant), 303);
  }

  @OpenPage()
  @Get('aanmelden/oidc')
  async oidcCallback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (await this.oidc.finish(req, reply)) return reply.redirect('/', 303);
    return this.renderSignIn(req, reply, 401);
  }

  @OpenPage()
  @Post('afmelden')
  signOut(@Res() reply: FastifyReply) {
    this.session.signOut(reply);
    return reply.redirect('/aanmelden', 303);
  }

  /**
   * The accessibility statement (toegankelijkheidsverklaring, Besluit digitale toegankelijkheid
   * overheid art. 3), for anyone; under /openbaar/<tenant>/ in that municipality's name.
   */
  @OpenPage()
  @Get(['toegankelijkheid', 'openbaar/:tenant/toegankelijkheid'])
  async accessibility(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    // A public page, like the residents' pages: no one's menu, whichever municipality's address it is under.
    return this.pages.render(req, reply, 'accessibility', { user: null, version: PACKAGE_VERSION });
  }

  @OpenPage()
  @Get('taal')
  language(@Res() reply: FastifyReply, @Query() query: Form) {
    this.session.setLanguage(reply, one(query.naar));
    return reply.redirect(sitePath(one(query.terug)), 303);
  }

  @Get()
  async dashboard(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Query() query: Form) {
    // A repeated parameter counts once. A process manager sees their own projects unless they ask for all.
    const filter = { fase: one(query.fase), stilte: one(query.stilte), zoek: one(query.zoek).trim().slice(0, 200), welke: one(query.welke) || (user.role === 'process-manager' ? 'mijn' : 'alle'), sorteer: one(query.sorteer) };
    const pageNumber = pageOf(query);
    const silence = (['ok', 'due-soon', 'overdue'] as const).find((s) => s === filter.stilte);
    const { items, total } = await this.projects.page({
      statePrefix: filter.fase || undefined,
      creator: filter.welke === 'mijn' ? { subject: user.subject, name: user.name } : undefined,
      search: filter.zoek || undefined,
      silence,
      sortByDeadline: filter.sorteer === 'termijn',
      limit: PAGE_SIZE,
      offset: (pageNumber - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const pageLink = (n: number) => `/?${new URLSearchParams({ ...filter, pagina: String(n) }).toString()}`;
    const t = this.pages.texts(req);
    return this.pages.render(req, reply, 'dashboard', { user, rows: items.map((p) => this.pages.dashboardRow(p, t)), filter, total, page: pageNumber, pages, pageLink, mailOff: this.mailOff });
  }

  /**
   * The werkvoorraad. For the bestuurssecretariaat and the griffie: the steps that wait for their
   * body's decision, each with its file's readiness and a link to the decision form for exactly that
   * step. For a process manager: today's work in their own projects.
   */
  @Get('werkvoorraad')
  async worklist(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Query() query: Form) {
    const t = this.pages.texts(req);
    const body = bodyRecordedBy(user.role);
    const pageNumber = pageOf(query);
    if (user.role === 'auditor') return this.pages.render(req, reply, 'audit-worklist', { user, ...(await this.attention(pageNumber)), page: pageNumber, pageLink: (n: number) => `/werkvoorraad?pagina=${n}` });
    if (!body) return this.pages.render(req, reply, 'today', { user, ...(await this.today(user)) });
    const { items, total } = await this.projects.awaiting(body, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
    // A step is a task once the process manager asked for it and until the body answers; a deferral keeps it, with its date and reason.
    const waiting = items.flatMap((p) =>
      awaitedSteps(p, body).map((step) => ({ project: p, step, request: step.request!, earlier: step.blockers.find((b) => b.code === 'green-light-deferred') ?? null, lacking: stepLacks(step, t) })),
    );
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return this.pages.render(req, reply, 'worklist', { user, governingBody: body, waiting, total, page: pageNumber, pages, pageLink: (n: number) => `/werkvoorraad?pagina=${n}` });
  }

  /**
   * The auditor's werkvoorraad (issue 19): every project, 50 a page by last change, its chain checked
   * as the Tijdlijn's "Controleren" does; listed are those that need attention: a chain that does not
   * verify or a decision the trail does not record as it stands, a decision taken and not made known
   * (Awb art. 3:40), or one taken after the term to decide (Omgevingswet art. 16.64).
   */
  private async attention(pageNumber: number) {
    const { items, total } = await this.projects.page({ limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
    const needing = [];
    // One after another: each check reads a whole chain.
    for (const project of items) {
      const verification = await this.audit.verify(project.id);
      const taken = decisionsTaken(await this.decisions.list(project.id));
      const notMadeKnown = notYetMadeKnown(taken.filter((d) => d.outcome === 'approved' && d.consumed), project);
      const late = taken.flatMap((d) => { const term = decidedLate(project.decisionTerm, d.decidedOn); return term ? [{ decision: d, termEndsOn: term.termEndsOn }] : []; });
      if (!verification.valid || notMadeKnown.length || late.length) needing.push({ project, verification, notMadeKnown, late });
    }
    return { rows: needing, checked: items.length, total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  }

  /** A process manager's day: steps ready, reactions unanswered, silence overdue or due soon, terms and milestones in the coming week. */
  private async today(user: WebUser) {
    const { items } = await this.projects.page({ creator: { subject: user.subject, name: user.name }, limit: 200, offset: 0 });
    const running = items.filter((p) => p.status === 'active');
    const weekAhead = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const milestones = await this.reminders.milestonesDue(running.map((p) => p.id), new Date().toISOString(), weekAhead);
    const title = new Map(running.map((p) => [p.id, p]));
    return {
      ready: running.flatMap((p) => p.nextSteps.filter((s) => s.allowed && isTask(s.event)).map((step) => ({ project: p, step }))),
      // Issue 19: nothing reaches the college or the raad until it is asked.
      toRequest: running.flatMap((p) => requestableSteps(p).map((step) => ({ project: p, step }))),
      reactions: running.filter((p) => (p.inspection?.unansweredReactions ?? 0) > 0),
      silence: running.filter((p) => p.silence.status === 'overdue' || p.silence.status === 'due-soon').sort((a, b) => (a.silence.allowedUntil ?? '').localeCompare(b.silence.allowedUntil ?? '')),
      terms: running.filter((p) => p.inspection && p.inspection.endsOn <= weekAhead.slice(0, 10)),
      milestones: milestones.map((m) => ({ milestone: m, project: title.get(m.projectId)! })),
    };
  }

  /** Insight: where projects spend their time and stall, as charts (SVG drawn on the server) with their tables, filterable, each downloadable. */
  @Get('inzicht')
  async insightPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Query() query: Form) {
    const t = this.pages.texts(req);
    const { filter, insight } = await this.insightFor(query);
    const figures = insightFigures(insight, t);
    const heat = new Map(insight.timeInState.map((s) => [s.state, s.averageDays]));
    const search = new URLSearchParams(Object.entries({ jaar: one(query.jaar), orgaan: one(query.orgaan), gevoeligheid: one(query.gevoeligheid) }).filter(([, v]) => v)).toString();
    return this.pages.render(req, reply, 'insight', { user, filter, insight, figures, search, diagram: await this.pages.diagram(req, '', [], heat) });
  }

  @Get('inzicht.csv')
  async insightCsv(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Query() query: Form) {
    const { insight } = await this.insightFor(query);
    const figure = insightFigures(insight, this.pages.texts(req)).find((f) => f.key === one(query.figuur));
    if (!figure) throw new ApiError(404, 'figure-not-found', 'No such figure.');
    reply.header('content-disposition', `attachment; filename="inzicht-${figure.key}.csv"`);
    return reply.type('text/csv; charset=utf-8').send(csv([figure.headers, ...figure.rows]));
  }

  private async insightFor(query: Form) {
    const year = Number.parseInt(one(query.jaar), 10);
    const filter = {
      year: year >= 2000 && year <= 2100 ? year : undefined,
      body: (['college', 'raad'] as const).find((b) => b === one(query.orgaan)),
      sensitivity: (['low', 'high'] as const).find((s) => s === one(query.gevoeligheid)),
    };
    return { filter, insight: await this.insight.insight(filter) };
  }

  @Get('projecten/nieuw')
  @PageRoles(...WRITERS)
  async newProjectPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser) {
    return this.pages.render(req, reply, 'new-project', { user });
  }

  @Post('projecten')
  @PageRoles(...WRITERS)
  async createProject(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Body(TypedDays) form: Form) {
    // A challenge (uitdaagrecht) is an initiative of its own kind.
    const challenge = one(form.origin) === 'challenge';
    try {
      const dto = await validated(CreateProjectDto, {
        title: one(form.title),
        origin: challenge ? 'initiative' : one(form.origin),
        ...(challenge && { initiativeKind: 'challenge' }),
        permitActivity: text(form, 'permitActivity'),
        politicalSensitivity: one(form.politicalSensitivity),
        ownerEmail: text(form, 'ownerEmail'),
      });
      return reply.redirect(`/projecten/${(await this.projects.create(dto, actorOf(user))).id}`, 303);
    } catch (error) {
      // Refused: the same form again, with what was typed and why (issue 19).
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const { _csrf: _token, ...values } = form;
      return this.pages.render(req, reply, 'new-project', { user, failed: describeRefusal(error, 'nieuw', values, this.pages.texts(req)) }, error.status);
    }
  }

  /** The sign-in page: the identity provider's link, or the development form; a status other than 200 says the last try failed. */
  private renderSignIn(req: FastifyRequest, reply: FastifyReply, status = 200): Promise<unknown> {
    const tenants = this.tenancy.all().map((t) => ({ id: t.id, name: t.name, oidc: this.oidc.enabled(t) }));
    return this.pages.render(req, reply, 'sign-in', { user: null, roles: MUNICIPAL_ROLES, tenants, tenant: tenantScope.required(), enabled: this.session.devSignIn, error: status !== 200 }, status);
  }

  /** The municipality one signs in to (issue 21): the one picked, else the one whose address this is. */
  private signInTenant(picked: string): TenantSettings {
    return (picked && this.tenancy.get(picked)) || this.tenancy.current();
  }
}


