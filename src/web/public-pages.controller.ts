import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { Tenancy } from '../tenancy/tenancy.service';
import { tenantScope } from '../database/tenant-scope';
import type {} from '@fastify/rate-limit';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import ical from 'ical-generator';
import { addDays, isEndedState, phaseOf } from '../../machines/participation-project';
import { PublicProjectsService, type PublicProject } from '../accountability/public-projects.service';
import { AuditRootsService } from '../audit/audit-roots.service';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { accountDocument } from './reports';
import { dutchDay } from '../../machines/calendar/dutch-day';
import { RESIDENT_FORM_ACTOR } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { validated } from '../common/validation';
import { ResidentReactionDto } from '../project-file/dto/file.dto';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { describeRefusal, type FailedForm } from './refusal';
import { one, text, type Form } from './web-forms';

/** The public form takes this many zienswijzen an hour from one address for one project. */
const REACTIONS_PER_HOUR = 5;
import { OpenPage, WebRefusalFilter, WebSessionGuard } from './web-access';
import { WebPages } from './web-pages';
import { eventName, formatDay } from './wording';

/**
 * The public pages for residents, without sign-in: a project whose owner opted in, its
 * agenda (iCalendar) and its decisions (Atom), per project and for all public projects.
 */
@ApiExcludeController()
@Public()
@UseGuards(WebSessionGuard)
@UseFilters(WebRefusalFilter)
@Controller('openbaar')
export class PublicPagesController {
  /** The municipality whose pages these are (issue 21). */
  private get municipality(): string {
    return this.tenancy.current().name;
  }
  private readonly publicUrl: string;

  constructor(
    private readonly pages: WebPages,
    private readonly publicProjects: PublicProjectsService,
    private readonly roots: AuditRootsService,
    private readonly file: FileWorkflow,
    private readonly tenancy: Tenancy,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.reminders.publicUrl;
  }

  @OpenPage()
  @Get()
  async index(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.pages.render(req, reply, 'public/index', { user: null, projects: await this.publicProjects.all(), root: await this.latestRoot() });
  }

  @OpenPage()
  @Get('agenda.ics')
  async allAgenda(@Res() reply: FastifyReply) {
    return this.sendCalendar(reply, await this.publicProjects.all(), `${this.municipality}: participatie`);
  }

  @OpenPage()
  @Get('besluiten.atom')
  async allDecisions(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.sendFeed(req, reply, await this.publicProjects.all(), `${this.municipality}: besluiten over participatie`, `${this.publicUrl}${this.pages.publicBase()}`);
  }

  /**
   * A project's page: `/openbaar/<project>` of the default tenant (the addresses from before
   * tenants), `/openbaar/<tenant>/<project>` of any. `/openbaar/<tenant>` itself is that
   * municipality's list (the auth guard took the tenant from the address).
   */
  @OpenPage()
  @Get([':slug', ':tenant/:slug'])
  async project(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('slug') slug: string) {
    if (this.namesTenant(req, slug)) return this.index(req, reply);
    return this.renderProject(req, reply, await this.publicProjects.page(slug), null);
  }

  /** Whether the address's only segment is the municipality's id: its list, not a project. */
  private namesTenant(req: FastifyRequest, slug: string): boolean {
    return !(req.params as { tenant?: string }).tenant && slug === tenantScope.current();
  }

  /**
   * Issue 19: a resident gives a zienswijze online while the draft lies open: it is received today
   * (Awb art. 2:17 lid 1: an electronic message is received when it reaches the body’s system; on time within the term, art. 6:9 lid 1), numbered, and its sender's name,
   * address and e-mail are kept apart from the trail (AVG art. 5 lid 1 c, e) and erased after their
   * retention period. Behind the CSRF token of every form, and a limit per address and project.
   */
  @OpenPage()
  @Post([':slug/zienswijze', ':tenant/:slug/zienswijze'])
  async react(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('slug') slug: string, @Body() form: Form) {
    const page = await this.publicProjects.page(slug);
    const limit = await this.reactionLimit(req)(req);
    try {
      if (!page.inspection?.running) throw new ApiError(409, 'inspection-closed', 'No draft lies open for zienswijzen now.');
      if (!limit.isAllowed && limit.isExceeded) throw new ApiError(429, 'too-many-reactions', 'Too many reactions from this address; try again later.');
      const dto = await validated(ResidentReactionDto, { name: one(form.name).trim(), address: one(form.address).trim(), email: text(form, 'email'), text: one(form.text).trim() });
      const today = dutchDay(new Date());
      const reaction = await this.file.recordReaction(page.project.id, { receivedOn: today, channel: 'web', sender: dto.name, summary: dto.text, contact: { address: dto.address, ...(dto.email && { email: dto.email }) } }, RESIDENT_FORM_ACTOR);
      return this.pages.render(req, reply, 'public/receipt', { user: null, page, number: reaction.number, receivedOn: today, email: dto.email ?? null }, 201);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status >= 500) throw error;
      const { _csrf: _token, ...values } = form;
      return this.renderProject(req, reply, page, describeRefusal(error, 'zienswijze', values, this.pages.texts(req)), error.status);
    }
  }

  /** The project's page: what it is about, what a resident can do now and until when, whom to contact, what comes next. */
  private async renderProject(req: FastifyRequest, reply: FastifyReply, page: PublicProject, failed: FailedForm | null, status = 200): Promise<unknown> {
    const account = page.account ? accountDocument(page.account, this.pages.texts(req), true) : null;
    const phase = phaseOf(page.project.state);
    const level = phase ? (page.project.levels.find((l) => l.phase === phase)?.level ?? null) : null;
    const stage = isEndedState(page.project.state) ? 'ended' : (phase ?? 'start');
    return this.pages.render(req, reply, 'public/project', { user: null, page, account, level, stage, today: dutchDay(new Date()), root: await this.latestRoot(), failed }, status);
  }

  /** At most REACTIONS_PER_HOUR a project from one address (in this process): enough for a household, not for a script. */
  private reactionLimit(req: FastifyRequest) {
    return (this.limiter ??= req.server.createRateLimit({ max: REACTIONS_PER_HOUR, timeWindow: 3_600_000, keyGenerator: (r) => `${r.ip}|${(r.params as { slug?: string }).slug ?? ''}` }));
  }

  private limiter?: ReturnType<FastifyRequest['server']['createRateLimit']>;

  @OpenPage()
  @Get([':slug/agenda.ics', ':tenant/:slug/agenda.ics'])
  async agenda(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('slug') slug: string) {
    if (this.namesTenant(req, slug)) return this.allAgenda(reply);
    const page = await this.publicProjects.page(slug, { withAccount: false });
    return this.sendCalendar(reply, [page], page.project.title);
  }

  @OpenPage()
  @Get([':slug/besluiten.atom', ':tenant/:slug/besluiten.atom'])
  async decisions(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('slug') slug: string) {
    if (this.namesTenant(req, slug)) return this.allDecisions(req, reply);
    const page = await this.publicProjects.page(slug, { withAccount: false });
    return this.sendFeed(req, reply, [page], page.project.title, this.link(page));
  }

  /** The latest root over every chain head, so anyone can save it and later prove a rewrite; none before the first. */
  private latestRoot() {
    return this.roots.latest().catch(() => null);
  }

  private link(page: PublicProject): string {
    return `${this.publicUrl}${this.pages.publicBase()}/${page.project.slug}`;
  }

  /** The terms (the terinzagelegging, whole days) and the milestones ahead, in one calendar (ical-generator). */
  private sendCalendar(reply: FastifyReply, pages: PublicProject[], name: string): unknown {
    // Moments in UTC with their Z, which every calendar reads right; a zone name without its VTIMEZONE is read as floating local time.
    const calendar = ical({ name, prodId: { company: this.municipality, product: 'interactiewijzer', language: 'NL' } });
    for (const page of pages) {
      const url = this.link(page);
      if (page.inspection) {
        calendar.createEvent({
          id: `${page.project.id}-terinzagelegging`,
          // Whole days: a calendar date carries no zone, so noon UTC names the day itself (midnight in Amsterdam would be the day before in UTC).
          start: new Date(`${page.inspection.laidOpenOn}T12:00:00Z`),
          end: new Date(`${addDays(page.inspection.endsOn, 1)}T12:00:00Z`),
          allDay: true,
          summary: `${page.project.title}: terinzagelegging, zienswijzen tot en met ${formatDay(page.inspection.endsOn, 'nl')}`,
          description: `Het ontwerp ligt ter inzage (${page.inspection.publishedIn}). Meer: ${url}`,
          url,
        });
      }
      for (const [i, milestone] of page.milestones.entries()) {
        calendar.createEvent({ id: `${page.project.id}-mijlpaal-${i}`, start: new Date(milestone.dueAt), end: new Date(Date.parse(milestone.dueAt) + 3_600_000), summary: `${page.project.title}: ${milestone.title}`, url });
      }
    }
    return reply.type('text/calendar; charset=utf-8').send(calendar.toString());
  }

  /** Every decision taken, newest first, as an Atom feed (feed). */
  private sendFeed(req: FastifyRequest, reply: FastifyReply, pages: PublicProject[], title: string, link: string): unknown {
    const t = this.pages.texts(req);
    const items = pages.flatMap((page) => page.decisions.map((decision) => ({ page, decision }))).sort((a, b) => b.decision.decidedOn.localeCompare(a.decision.decidedOn));
    const feed = new Feed({
      title,
      id: link,
      link,
      language: 'nl',
      updated: items.length ? new Date(`${items[0].decision.decidedOn}T12:00:00Z`) : new Date(0),
      copyright: this.municipality,
      author: { name: this.municipality },
    });
    for (const { page, decision } of items) {
      feed.addItem({
        title: `${page.project.title}: ${eventName(decision.step, 'nl')} (${t.bodies[decision.body] ?? decision.body})`,
        id: `${this.link(page)}#besluit-${decision.step}-${decision.decidedOn}`,
        link: decision.documentUrl ?? this.link(page),
        date: new Date(`${decision.decidedOn}T12:00:00Z`),
        description: `Besluit van ${t.bodies[decision.body] ?? decision.body} op ${formatDay(decision.decidedOn, 'nl')}, kenmerk ${decision.reference}.`,
      });
    }
    return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  }
}
