import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CRITERIA,
  GOVERNING_BODIES,
  INFLUENCE_ASPECT_NAMES,
  INFLUENCE_ASPECTS,
  PHASES,
  phaseOf,
  QUICK_SCAN_ITEM_NAMES,
  QUICK_SCAN_ITEMS,
  SCAN_ROLE_NAMES,
  SCAN_ROLES,
  SCORE_NAMES,
  SCORES,
  GREEN_LIGHTS,
  RED_LIGHTS,
  ADVICE_WEIGHT_NAMES,
  ADVICE_WEIGHTS,
  COMMITMENT_DOCUMENTS,
  GOAL_NAMES,
  GOALS,
  INSPRAAK_FORM_CATALOGUE,
  LEVEL_CATALOGUE,
  STAKEHOLDER_DOMAINS,
  STAKEHOLDER_KINDS,
  type Commitment,
  type Evaluation,
  type Plan,
  type QuickScan,
} from '../../machines/participation-project';
import { Public } from '../auth/auth.decorators';
import { RECORDER_OF, ROLES, type Actor, type Role } from '../auth/roles';
import { validated } from '../common/validation';
import { RecordCommunicationDto } from '../communications/dto/record-communication.dto';
import { CommunicationsService } from '../communications/communications.service';
import { RecordDecisionDto } from '../decisions/dto/record-decision.dto';
import { DecisionsService } from '../decisions/decisions.service';
import { AuditService } from '../audit/audit.service';
import { AnswerDto, CommitmentDto, EvaluationDto, InspectionDto, PlanDto, QuickScanDto, ReactionDto, StakeholderDto } from '../project-file/dto/file.dto';
import { ProjectFileService } from '../project-file/project-file.service';
import { commitmentFromForm, evaluationFromForm, many, one, planFromForm, planToForm, text, wholeNumber, yesNo, type Form } from './web-forms';
import { CreateProjectDto } from '../projects/dto/create-project.dto';
import { ProjectEventDto } from '../projects/dto/project-event.dto';
import { ProjectsService } from '../projects/projects.service';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { OidcSignIn } from './oidc-sign-in';
import { dutchDay } from '../../machines/calendar/dutch-day';
import { WebPages } from './web-pages';
import { WebSession, type WebUser } from './web-session';
import { OpenPage, PageRoles, SignedInUser, WebRefusalFilter, WebSessionGuard } from './web-access';
import { sitePath } from './site-path';

const WRITERS: readonly Role[] = ['process-manager', 'admin'];
/** The guide's vocabulary the project page's forms offer. */
const SCAN_FORM = { items: QUICK_SCAN_ITEMS, itemNames: QUICK_SCAN_ITEM_NAMES, scores: SCORES, scoreNames: SCORE_NAMES, aspects: INFLUENCE_ASPECTS, aspectNames: INFLUENCE_ASPECT_NAMES, roles: SCAN_ROLES, roleNames: SCAN_ROLE_NAMES, criteria: CRITERIA, green: GREEN_LIGHTS, red: RED_LIGHTS };
const FILE_FORM_CATALOGUE = { commitmentDocuments: COMMITMENT_DOCUMENTS, goals: GOALS, goalNames: GOAL_NAMES, levels: LEVEL_CATALOGUE, adviceWeights: ADVICE_WEIGHTS, adviceWeightNames: ADVICE_WEIGHT_NAMES, inspraakForms: INSPRAAK_FORM_CATALOGUE, domains: STAKEHOLDER_DOMAINS, kinds: STAKEHOLDER_KINDS };
const PAGE_SIZE = 50;

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
    private readonly session: WebSession,
    private readonly oidc: OidcSignIn,
    private readonly pages: WebPages,
    private readonly projects: ProjectsService,
    private readonly decisions: DecisionsService,
    private readonly communications: CommunicationsService,
    private readonly audit: AuditService,
    private readonly file: FileWorkflow,
    private readonly projectFile: ProjectFileService,
  ) {}

  @OpenPage()
  @Get('aanmelden')
  signInPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderSignIn(req, reply);
  }

  @OpenPage()
  @Post('aanmelden')
  async signIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() form: Form) {
    if (!(await this.session.signInAs(reply, one(form.name), one(form.role)))) {
      return this.renderSignIn(req, reply, 400);
    }
    return reply.redirect('/', 303);
  }

  @OpenPage()
  @Get('aanmelden/oidc/start')
  async oidcStart(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (!this.oidc.enabled) return reply.redirect('/aanmelden', 303);
    return reply.redirect(await this.oidc.start(reply), 303);
  }

  @OpenPage()
  @Get('aanmelden/oidc')
  async oidcCallback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (this.oidc.enabled && (await this.oidc.finish(req, reply))) return reply.redirect('/', 303);
    return this.renderSignIn(req, reply, 401);
  }

  @OpenPage()
  @Post('afmelden')
  signOut(@Res() reply: FastifyReply) {
    this.session.signOut(reply);
    return reply.redirect('/aanmelden', 303);
  }

  @OpenPage()
  @Get('taal')
  language(@Res() reply: FastifyReply, @Query() query: Form) {
    this.session.setLanguage(reply, one(query.naar));
    return reply.redirect(sitePath(one(query.terug)), 303);
  }

  @Get()
  async dashboard(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Query() query: Form) {
    // A repeated parameter counts once.
    const filter = { fase: one(query.fase), stilte: one(query.stilte), eigenaar: one(query.eigenaar), sorteer: one(query.sorteer) };
    const pageNumber = pageOf(query);
    const silence = (['ok', 'due-soon', 'overdue'] as const).find((s) => s === filter.stilte);
    const { items, total } = await this.projects.page({
      statePrefix: filter.fase || undefined,
      owner: filter.eigenaar || undefined,
      silence,
      sortByDeadline: filter.sorteer === 'termijn',
      limit: PAGE_SIZE,
      offset: (pageNumber - 1) * PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const pageLink = (n: number) => `/?${new URLSearchParams({ ...filter, pagina: String(n) }).toString()}`;
    return this.pages.render(req, reply, 'dashboard', { user, rows: items.map((p) => this.pages.dashboardRow(p)), filter, total, page: pageNumber, pages, pageLink });
  }

  @Get('werkvoorraad')
  async worklist(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Query() query: Form) {
    const body = GOVERNING_BODIES.find((b) => RECORDER_OF[b] === user.role) ?? null;
    const pageNumber = pageOf(query);
    const { items, total } = body ? await this.projects.awaiting(body, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE) : { items: [], total: 0 };
    // Stopping is always possible and no task of its own.
    const waiting = items.flatMap((p) => p.nextSteps.filter((s) => s.event !== 'STOP' && s.requiredBody === body && s.blockers.some((b) => b.code.startsWith('green-light'))).map((step) => ({ project: p, step })));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return this.pages.render(req, reply, 'worklist', { user, governingBody: body, waiting, total, page: pageNumber, pages, pageLink: (n: number) => `/werkvoorraad?pagina=${n}` });
  }

  @Get('projecten/nieuw')
  @PageRoles(...WRITERS)
  async newProjectPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser) {
    return this.pages.render(req, reply, 'new-project', { user });
  }

  @Post('projecten')
  @PageRoles(...WRITERS)
  async createProject(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Body() form: Form) {
    // A challenge (uitdaagrecht) is an initiative of its own kind.
    const challenge = one(form.origin) === 'challenge';
    const dto = await validated(CreateProjectDto, {
      title: one(form.title),
      origin: challenge ? 'initiative' : one(form.origin),
      ...(challenge && { initiativeKind: 'challenge' }),
      permitActivity: text(form, 'permitActivity'),
      politicalSensitivity: one(form.politicalSensitivity),
      ownerEmail: text(form, 'ownerEmail'),
    });
    return reply.redirect(`/projecten/${(await this.projects.create(dto, actorOf(user))).id}`, 303);
  }

  @Get('projecten/:id')
  async project(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Query('soort') type?: string) {
    const [project, timeline, communications, file] = await Promise.all([this.projects.get(id), this.audit.timeline(id), this.communications.list(id), this.projectFile.whole(id)]);
    const { quickScan, commitment, plan, stakeholders, inspection, inspectionProcedure } = file;
    return this.pages.render(req, reply, 'project', {
      user,
      project,
      communications,
      quickScan,
      timeline: type ? timeline.filter((e) => e.type === type) : timeline,
      timelineTypes: [...new Set(timeline.map((e) => e.type))],
      selectedType: type ?? '',
      diagram: await this.pages.diagram(req, project.state, timeline),
      canWrite: WRITERS.includes(user.role),
      recorderOf: GOVERNING_BODIES.find((b) => RECORDER_OF[b] === user.role) ?? null,
      phases: PHASES,
      scanForm: SCAN_FORM,
      saved: (req.query as Record<string, string>).opgeslagen === '1',
      commitment,
      plan,
      planFields: planToForm(plan?.data ?? null),
      stakeholders,
      inspection,
      inspectionProcedure,
      today: dutchDay(new Date()),
      inEvaluation: phaseOf(project.state) === 'evaluation',
      catalogue: FILE_FORM_CATALOGUE,
    });
  }

  @Get('projecten/:id/tijdlijn.:format')
  async exportTimeline(@Res() reply: FastifyReply, @Param('id') id: string, @Param('format') format: string) {
    const timeline = await this.audit.timeline(id);
    const name = `tijdlijn-${id}.${format === 'csv' ? 'csv' : 'json'}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(this.pages.timelineCsv(timeline));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(timeline, null, 2));
  }

  @Post('projecten/:id/stap')
  @PageRoles(...WRITERS)
  step(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, '', async (actor) => {
      const dto = await validated(ProjectEventDto, { type: one(form.event), submittedOn: text(form, 'submittedOn'), reference: text(form, 'reference') });
      return this.projects.applyEvent(id, dto, actor);
    });
  }

  @Post('projecten/:id/communicatie')
  @PageRoles(...WRITERS)
  communicate(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'communicatie', async (actor) => {
      const dto = await validated(RecordCommunicationDto, { channel: one(form.channel), audience: one(form.audience), summary: one(form.summary), announcesLevelOf: text(form, 'announcesLevelOf') });
      return this.communications.record(id, dto, actor);
    });
  }

  @Post('projecten/:id/besluit')
  @PageRoles('college-secretary', 'council-clerk')
  decide(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'besluit', async (actor) => {
      const fields = { event: one(form.event), body: one(form.body), outcome: one(form.outcome), decidedOn: one(form.decidedOn), reference: one(form.reference) };
      return this.decisions.record(id, await validated(RecordDecisionDto, { ...fields, justification: text(form, 'justification') }), actor);
    });
  }

  @Post('projecten/:id/quick-scan')
  @PageRoles(...WRITERS)
  quickScan(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'quick-scan', async (actor) => {
      const scores = Object.fromEntries(QUICK_SCAN_ITEMS.map((item) => [item, text(form, `score.${item}`)]).filter(([, v]) => v));
      const influenceAspects = Object.fromEntries(INFLUENCE_ASPECTS.map((a) => [a, text(form, `aspect.${a}`)]).filter(([, v]) => v));
      const name = text(form, 'participantName');
      const dto = await validated(QuickScanDto, {
        participants: name ? [{ role: one(form.participantRole), name }] : [],
        scores,
        influenceAspects,
        greenLights: many(form.greenLights),
        redLights: many(form.redLights),
        inspraak: { legallyRequired: yesNo(text(form, 'inspraakRequired')), form: text(form, 'inspraakForm') },
        levelWithoutInteraction: text(form, 'levelWithoutInteraction'),
        notes: text(form, 'notes'),
      });
      return this.file.saveQuickScan(id, dto as QuickScan, actor);
    });
  }

  @Post('projecten/:id/commitment')
  @PageRoles(...WRITERS)
  commitment(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'commitment', async (actor) => this.file.saveCommitment(id, (await validated(CommitmentDto, commitmentFromForm(form))) as Commitment, actor));
  }

  @Post('projecten/:id/betrokkenen')
  @PageRoles(...WRITERS)
  stakeholder(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'betrokkenen', async (actor) => {
      const dto = await validated(StakeholderDto, { name: one(form.name), domain: one(form.domain), kind: one(form.kind), ownKind: text(form, 'ownKind'), approach: one(form.approach) });
      return this.file.addStakeholder(id, dto, actor);
    });
  }

  @Post('projecten/:id/plan')
  @PageRoles(...WRITERS)
  plan(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'plan', async (actor) => {
      const { changeReason, ...plan } = await validated(PlanDto, planFromForm(form));
      return this.file.savePlan(id, plan as Plan, changeReason, actor);
    });
  }

  @Post('projecten/:id/evaluatie')
  @PageRoles(...WRITERS)
  evaluation(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'evaluatie', async (actor) => this.file.saveEvaluation(id, (await validated(EvaluationDto, evaluationFromForm(form))) as Evaluation, actor));
  }

  @Post('projecten/:id/inspectie')
  @PageRoles(...WRITERS)
  inspection(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'inspectie', async (actor) => this.file.openInspection(id, await validated(InspectionDto, { laidOpenOn: one(form.laidOpenOn), publishedIn: one(form.publishedIn), termDays: wholeNumber(text(form, 'termDays')), procedureReference: text(form, 'procedureReference') }), actor));
  }

  @Post('projecten/:id/zienswijzen')
  @PageRoles(...WRITERS)
  reaction(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body() form: Form) {
    return this.write(reply, user, id, 'inspectie', async (actor) =>
      this.file.recordReaction(
        id,
        await validated(ReactionDto, { receivedOn: one(form.receivedOn), channel: text(form, 'channel'), postedOn: text(form, 'postedOn'), report: text(form, 'report'), sender: one(form.sender), summary: one(form.summary) }),
        actor,
      ),
    );
  }

  @Post('projecten/:id/zienswijzen/:reactionId/antwoord')
  @PageRoles(...WRITERS)
  answer(@Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Param('reactionId') reactionId: string, @Body() form: Form) {
    return this.write(reply, user, id, 'inspectie', async (actor) => this.file.answerReaction(id, reactionId, await validated(AnswerDto, { answer: one(form.answer), answeredOn: one(form.answeredOn) }), actor));
  }

  /** A form post: the work done through the API's services, then back to the form's section (303). A refusal becomes a page (WebRefusalFilter). */
  private async write(reply: FastifyReply, user: WebUser, id: string, anchor: string, work: (actor: Actor) => Promise<unknown>): Promise<unknown> {
    await work(actorOf(user));
    return reply.redirect(`/projecten/${id}?opgeslagen=1${anchor ? `#${anchor}` : ''}`, 303);
  }

  /** The sign-in page: the identity provider's link, or the development form; a status other than 200 says the last try failed. */
  private renderSignIn(req: FastifyRequest, reply: FastifyReply, status = 200): Promise<unknown> {
    return this.pages.render(req, reply, 'sign-in', { user: null, roles: ROLES, enabled: this.session.devSignIn, oidc: this.oidc.enabled, error: status !== 200 }, status);
  }
}

/** The page asked for (?pagina=), from 1 up to a bound any real list stays under. */
function pageOf(query: Form): number {
  return Math.min(100_000, Math.max(1, Number.parseInt(one(query.pagina) || '1', 10) || 1));
}

function actorOf(user: WebUser): Actor {
  return { name: user.name, role: user.role, roles: user.roles };
}
