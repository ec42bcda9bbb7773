import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { Tenancy } from '../tenancy/tenancy.service';
import { AccountabilityService } from '../accountability/accountability.service';
import { pdfAttachment, REPORT_FILE_NAMES, type ReportDocument } from '../accountability/report-pdf';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { accountDocument, notaDocument } from './reports';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ADVICE_WEIGHT_NAMES,
  ADVICE_WEIGHTS,
  COMMITMENT_DOCUMENTS,
  decidedLate,
  LEGAL_REMEDIES,
  PUBLICATION_WAYS,
  FILE_PART_OF_STATE,
  CRITERIA,
  GOAL_NAMES,
  GOALS,
  GREEN_LIGHTS,
  INFLUENCE_ASPECT_NAMES,
  INFLUENCE_ASPECTS,
  INSPRAAK_FORM_CATALOGUE,
  inPreparation,
  LEVEL_CATALOGUE,
  PHASES,
  phaseOf,
  QUICK_SCAN_ITEM_NAMES,
  QUICK_SCAN_ITEMS,
  RED_LIGHTS,
  SCAN_ROLE_NAMES,
  SCAN_ROLES,
  SCORE_NAMES,
  SCORES,
  STAKEHOLDER_DOMAINS,
  STAKEHOLDER_KINDS,
  CHALLENGE_CRITERIA,
  isEndedState,
  isGatedEvent,
  isTask,
  RAAD_INFORMATION_KINDS,
  type ApplicantParticipationAccount,
  type ChallengeAssessment,
  type Commitment,
  type Evaluation,
  type Plan,
  type QuickScan,
} from '../../machines/participation-project';
import { Public } from '../auth/auth.decorators';
import { asRecorderOf, AUDITORS, bodyRecordedBy, CONTACT_KEEPERS, DECISION_RECORDERS, PUBLISHERS, WRITERS, type Actor } from '../auth/roles';
import { AuditService, STEP_ENTRIES, type TrailFilter } from '../audit/audit.service';
import { AuditRootsService } from '../audit/audit-roots.service';
import { ApiError } from '../common/api-error';
import { slugOf } from '../common/slug';
import { validated } from '../common/validation';
import { RecordCommunicationDto } from '../communications/dto/record-communication.dto';
import { CommunicationsService } from '../communications/communications.service';
import { ReminderRepository } from '../database/reminder.repository';
import { RecordDecisionDto } from '../decisions/dto/record-decision.dto';
import { DecisionPublicationDto } from '../decisions/dto/decision-publication.dto';
import { GreenLightFormDto } from '../decisions/dto/green-light-request.dto';
import { futureDecisionDate, reasonMissing } from '../workflow/decision-checks';
import { payloadOf } from '../workflow/trail-payloads';
import { DecisionsService } from '../decisions/decisions.service';
import { AnswerDto, ApplicantAccountDto, ChallengeAgreementDto, ChallengeAssessmentDto, ChallengerNoticeDto, CommitmentDto, EvaluationDto, InitiatorDto, RaadInformationDto, InspectionDto, InspectionWithdrawalDto, PlanDto, QuickScanDto, ReactionDto, StakeholderDto } from '../project-file/dto/file.dto';
import { ProjectFileService } from '../project-file/project-file.service';
import { ProjectEventDto } from '../projects/dto/project-event.dto';
import { ProjectSettingsDto } from '../projects/dto/project-settings.dto';
import { ProjectsService } from '../projects/projects.service';
import type { ProjectView } from '../projects/project.view';
import { AddMilestoneDto } from '../milestones/add-milestone.dto';
import { WorkflowService } from '../workflow/workflow.service';
import { FileWorkflow } from '../workflow/file-workflow.service';
import { PublishWooDto, WithdrawWooDto } from '../woo/woo.dto';
import { WooService } from '../woo/woo.service';
import { ArchiveService } from '../archive/archive.service';
import { type WooItem, WOO_CATEGORIES, WOO_DOCUMENT_TYPES, WOO_HANDLINGS } from '../../machines/publication/woo';
import { dutchClock, dutchDay, dutchMoment } from '../../machines/calendar/dutch-day';
import { describeRefusal, mendable, type FailedForm } from './refusal';
import { PageRoles, SignedInUser, WebRefusalFilter, WebSessionGuard } from './web-access';
import { commitmentFromForm, evaluationFromForm, EXTRA_PARTICIPANT_ROWS, isoDay, many, PAGE_SIZE, pageOf, rowsToShow, TypedDays, type PairList, mergePlan, one, participantsFromForm, planFromForm, planToForm, text, wholeNumber, yesNo, type Form } from './web-forms';
import { decisionsTaken, hasGreenLight, notYetMadeKnown, requestableSteps, stepStatus, WebPages } from './web-pages';
import { actorOf, type WebUser } from './web-session';
import { describeEntry } from './wording';

/** A project's pages, each a tab that is a link: the path after /projecten/:id. */
export const PROJECT_TABS = ['overzicht', 'dossier', 'besluiten', 'inspraak', 'communicatie', 'tijdlijn'] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number];
const TAB_PATH: Record<ProjectTab, string> = { overzicht: '', dossier: '/dossier', besluiten: '/besluiten', inspraak: '/inspraak', communicatie: '/communicatie', tijdlijn: '/tijdlijn' };
const CATALOGUE = {
  scan: { items: QUICK_SCAN_ITEMS, itemNames: QUICK_SCAN_ITEM_NAMES, scores: SCORES, scoreNames: SCORE_NAMES, aspects: INFLUENCE_ASPECTS, aspectNames: INFLUENCE_ASPECT_NAMES, roles: SCAN_ROLES, roleNames: SCAN_ROLE_NAMES, criteria: CRITERIA, green: GREEN_LIGHTS, red: RED_LIGHTS },
  commitmentDocuments: COMMITMENT_DOCUMENTS,
  goals: GOALS,
  goalNames: GOAL_NAMES,
  levels: LEVEL_CATALOGUE,
  adviceWeights: ADVICE_WEIGHTS,
  adviceWeightNames: ADVICE_WEIGHT_NAMES,
  inspraakForms: INSPRAAK_FORM_CATALOGUE,
  domains: STAKEHOLDER_DOMAINS,
  kinds: STAKEHOLDER_KINDS,
  phases: PHASES,
};

/**
 * A project's pages (Overzicht, Dossier, Besluiten, Inspraak, Communicatie, Tijdlijn) and their
 * forms. Every write goes through the API's services and validation; a refusal shows the same
 * page again with what was typed, a summary at the top and the message at the field.
 */
@ApiExcludeController()
@Public() // no bearer token: the web session guards these pages instead
@UseGuards(WebSessionGuard)
@UseFilters(WebRefusalFilter)
@Controller('projecten/:id')
export class ProjectPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly projects: ProjectsService,
    private readonly decisions: DecisionsService,
    private readonly communications: CommunicationsService,
    private readonly audit: AuditService,
    private readonly roots: AuditRootsService,
    private readonly file: FileWorkflow,
    private readonly workflow: WorkflowService,
    private readonly projectFile: ProjectFileService,
    private readonly reminders: ReminderRepository,
    private readonly accountability: AccountabilityService,
    private readonly woo: WooService,
    private readonly archive: ArchiveService,
    private readonly tenancy: Tenancy,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.reminders.publicUrl;
  }

  private readonly publicUrl: string;

  /** The municipality whose pages these are (issue 21). */
  private get municipality(): string {
    return this.tenancy.current().name;
  }

  @Get()
  overview(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.show(req, reply, user, id, 'overzicht');
  }

  @Get('dossier')
  dossier(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.show(req, reply, user, id, 'dossier');
  }

  @Get('besluiten')
  decisionsPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.show(req, reply, user, id, 'besluiten');
  }

  @Get('inspraak')
  inspraak(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.show(req, reply, user, id, 'inspraak');
  }

  @Get('communicatie')
  communication(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.show(req, reply, user, id, 'communicatie');
  }

  @Get('tijdlijn')
  timeline(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.show(req, reply, user, id, 'tijdlijn');
  }

  /** The whole life cycle as a diagram, one link away from the step indicator. */
  @Get('schema')
  async diagram(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    const [project, timeline] = await Promise.all([this.projects.get(id), this.audit.ofTypes(id, STEP_ENTRIES)]);
    return this.pages.render(req, reply, 'project/diagram', { user, project, diagram: await this.pages.diagram(req, project.state, timeline, undefined, project.guide) });
  }

  /** The timeline as the filter shows it: a spreadsheet for Dutch Excel (CSV with ; and a byte-order mark) or JSON. */
  @Get('tijdlijn.:format')
  async exportTimeline(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('format') format: string, @Query() query: Form) {
    const [project, { entries }] = await Promise.all([this.projects.get(id), this.audit.page(id, listFilter(query))]);
    // In the order of the chain, as an export reads best.
    const timeline = entries.reverse();
    const name = `tijdlijn-${slugOf(project.title)}.${format === 'csv' ? 'csv' : 'json'}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(this.pages.timelineCsv(timeline, req));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(timeline, null, 2));
  }

  /** The participation account for the raad (participatieparagraaf): a page, with the process manager's closing text. */
  @Get('participatieparagraaf')
  async accountPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.report(req, reply, user, id, 'account');
  }

  @Get('participatieparagraaf.pdf')
  async accountPdf(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    const [project, account] = await Promise.all([this.projects.get(id), this.accountability.account(id)]);
    return this.sendPdf(reply, accountDocument(account, this.pages.texts(req)), REPORT_FILE_NAMES.account(project.title));
  }

  @Post('participatieparagraaf')
  @PageRoles(...WRITERS)
  async closingText(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    try {
      const text_ = text(form, 'text');
      if (!text_) throw new ApiError(400, 'invalid-request', 'The closing text is empty.', { errors: [{ field: 'text', rules: ['isNotEmpty'], messages: ['text should not be empty'] }] });
      await this.accountability.saveClosingText(id, text_, actorOf(user));
    } catch (error) {
      if (!mendable(error)) throw error;
      const { _csrf: _token, ...values } = form;
      return this.report(req, reply, user, id, 'account', describeRefusal(error, 'slottekst', values, this.pages.texts(req)), error.status);
    }
    return reply.redirect(`/projecten/${id}/participatieparagraaf?opgeslagen=1`, 303);
  }

  /** The nota van beantwoording: the public version, or the internal one with every name (?versie=intern). */
  @Get('nota')
  async notaPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.report(req, reply, user, id, 'nota');
  }

  @Get('nota.pdf')
  async notaPdf(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Query() query: Form) {
    const internal = one(query.versie) === 'intern';
    const [project, nota] = await Promise.all([this.projects.get(id), this.accountability.nota(id, internal ? 'internal' : 'public')]);
    return this.sendPdf(reply, notaDocument(nota, this.pages.texts(req)), REPORT_FILE_NAMES.nota(project.title, internal));
  }

  @Get('stoppen')
  @PageRoles(...WRITERS)
  async stopPage(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string) {
    return this.renderStop(req, reply, user, id, null);
  }

  /** Issue 19: stopping needs a green light; the request goes into the body's werkvoorraad. */
  @Post('stoppen/aanvragen')
  @PageRoles(...WRITERS)
  async requestStop(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    try {
      await this.askForGreenLight(id, 'STOP', form, actorOf(user));
    } catch (error) {
      if (!mendable(error)) throw error;
      return this.renderStop(req, reply, user, id, describeRefusal(error, 'stop', form, this.pages.texts(req)), error.status);
    }
    return reply.redirect(`/projecten/${id}/stoppen?opgeslagen=1`, 303);
  }

  /** Once its body approved (or where none is needed), the process manager confirms the stop. */
  @Post('stoppen')
  @PageRoles(...WRITERS)
  async stop(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    try {
      const reason = text(form, 'reason');
      if (!reason) throw new ApiError(400, 'invalid-request', 'A reason is required to stop a project.', { errors: [{ field: 'reason', rules: ['isNotEmpty'], messages: ['reason should not be empty'] }] });
      await this.projects.applyEvent(id, await validated(ProjectEventDto, { type: 'STOP', reason }), actorOf(user));
    } catch (error) {
      if (!mendable(error)) throw error;
      return this.renderStop(req, reply, user, id, describeRefusal(error, 'stop', form, this.pages.texts(req)), error.status);
    }
    return reply.redirect(`/projecten/${id}?opgeslagen=1`, 303);
  }

  private async renderStop(req: FastifyRequest, reply: FastifyReply, user: WebUser, id: string, failed: FailedForm | null, status = 200): Promise<unknown> {
    const project = await this.projects.get(id);
    const stop = project.nextSteps.find((s) => s.event === 'STOP') ?? null;
    // Where it needs none, or its body approved, the stop is confirmed; else asked for, or waiting for the answer.
    const stage = !stop ? 'ended' : stop.requiredBody === null || hasGreenLight(stop) ? 'confirm' : stop.request?.pending ? 'requested' : 'request';
    const earlier = stop?.blockers.find((b) => b.code === 'green-light-rejected' || b.code === 'green-light-deferred') ?? null;
    return this.pages.render(req, reply, 'project/stop', { user, project, stop, stage, earlier, failed, saved: one((req.query as Form).opgeslagen) === '1', today: dutchDay(new Date()) }, status);
  }

  @Post('initiatiefnemer')
  @PageRoles(...WRITERS)
  recordInitiator(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'overzicht', form: 'initiatiefnemer' }, form, async (actor) => this.file.recordInitiator(id, await validated(InitiatorDto, { name: one(form.name), email: text(form, 'email') }), actor));
  }

  @Post('stap')
  @PageRoles(...WRITERS)
  step(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'overzicht', form: `stap-${one(form.event)}` }, form, async (actor) => {
      if (one(form.event) === 'STOP') throw new ApiError(400, 'reason-required', 'Stopping asks for a reason: use the stop page.');
      const dto = await validated(ProjectEventDto, { type: one(form.event), submittedOn: text(form, 'submittedOn'), reference: text(form, 'reference') });
      return this.projects.applyEvent(id, dto, actor);
    });
  }

  @Post('besluit')
  @PageRoles(...DECISION_RECORDERS)
  decide(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'besluiten', form: 'besluit' }, form, async (actor) => {
      // The body is the signed-in recorder's own: a college secretary records collegebesluiten only.
      const body = bodyRecordedBy(user.role) ?? undefined;
      const fields = { event: one(form.event), body, outcome: text(form, 'outcome'), decidedOn: one(form.decidedOn), reference: one(form.reference) };
      // Every fault at once: the fields, a date in the future, a refusal or deferral without its reason.
      const checks = [futureDecisionDate(fields.decidedOn, new Date()), reasonMissing(fields.outcome, text(form, 'note'))];
      return this.decisions.record(id, await validated(RecordDecisionDto, { ...fields, documentUrl: text(form, 'documentUrl'), note: text(form, 'note'), justification: text(form, 'justification') }, checks), actor);
    });
  }

  @Post('groen-licht')
  @PageRoles(...WRITERS)
  requestGreenLight(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'besluiten', form: 'aanvragen' }, form, (actor) => this.askForGreenLight(id, one(form.event), form, actor));
  }

  /** A green-light request from its form, asked of the body the step needs. */
  private async askForGreenLight(id: string, event: string, form: Form, actor: Actor): Promise<unknown> {
    const { event: gate, ...request } = await validated(GreenLightFormDto, { event, proposal: one(form.proposal), reference: text(form, 'reference'), desiredOn: one(form.desiredOn) });
    return this.workflow.requestGreenLight(id, { gate, ...request }, actor);
  }

  @Post('woo')
  @PageRoles(...PUBLISHERS)
  publishForWoo(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    const kind = one(form.kind) === 'document' ? 'document' : 'besluit';
    return this.write(req, reply, user, id, { tab: 'besluiten', form: `woo-${kind}` }, form, async (actor) => {
      const fields = kind === 'besluit'
        ? { decisionId: one(form.decisionId), documentUrl: text(form, 'documentUrl') }
        : { title: one(form.title), reference: text(form, 'reference'), documentUrl: one(form.documentUrl), documentDate: one(form.documentDate), documentType: one(form.documentType), handling: one(form.handling) };
      const checks = { exceptionsChecked: one(form.exceptionsChecked) === 'ja', personalDataRemoved: one(form.personalDataRemoved) === 'ja' };
      return this.woo.publish(id, await validated(PublishWooDto, { category: one(form.category), ...fields, ...checks }), actor);
    });
  }

  @Post('bekendmaking')
  @PageRoles(...PUBLISHERS)
  makeKnown(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'besluiten', form: 'bekendmaking' }, form, async (actor) => {
      const fields = { way: one(form.way), publishedOn: one(form.publishedOn), publishedIn: one(form.publishedIn), laidOpenOn: text(form, 'laidOpenOn'), reactorsNotifiedOn: text(form, 'reactorsNotifiedOn'), remedy: one(form.remedy) };
      return this.file.recordDecisionPublication(id, one(form.decisionId), await validated(DecisionPublicationDto, fields), actor);
    });
  }

  @Post('woo/:itemId/intrekken')
  @PageRoles(...PUBLISHERS)
  withdrawFromWoo(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Param('itemId', new ParseUUIDPipe()) itemId: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'besluiten', form: `woo-intrekken-${itemId}` }, form, async (actor) => this.woo.withdraw(id, itemId, (await validated(WithdrawWooDto, { reason: one(form.reason) })).reason, actor));
  }

  /** The signed trail for the signed-in user (an auditor, above all) to download and check offline with npx interactiewijzer-verify. */
  @Get('ondertekende-export.json')
  async signedExport(@Res() reply: FastifyReply, @Param('id') id: string) {
    const [project, document] = await Promise.all([this.projects.get(id), this.audit.export(id, this.publicUrl)]);
    return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="ondertekende-export-${slugOf(project.title)}.json"`).send(JSON.stringify(document, null, 2));
  }

  /** The archive package of an ended project, for an auditor or admin to hand to the e-depot (issue 23). */
  @Get('archiefpakket.zip')
  @PageRoles(...AUDITORS)
  async archivePackage(@Res() reply: FastifyReply, @Param('id') id: string) {
    const { fileName, bytes } = await this.archive.package(id);
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${fileName}"`).send(bytes);
  }

  /** The DiWoo export for the signed-in user to download and hand to the publication platform. */
  @Get('diwoo.xml')
  async diwoo(@Res() reply: FastifyReply, @Param('id') id: string) {
    return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="diwoo-${id}.xml"`).send(await this.woo.diwoo(id));
  }

  @Post('aanvrager')
  @PageRoles(...WRITERS)
  applicantAccount(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'aanvrager' }, form, async (actor) => {
      const dto = await validated(ApplicantAccountDto, { tookPlace: yesNo(text(form, 'tookPlace')), how: text(form, 'how'), results: text(form, 'results'), receivedOn: text(form, 'receivedOn') });
      return this.file.saveApplicantAccount(id, dto as ApplicantParticipationAccount, actor);
    });
  }

  @Post('uitdaging/beoordeling')
  @PageRoles(...DECISION_RECORDERS)
  challengeAssessment(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'beoordeling' }, form, async (actor) => {
      // The body is the signed-in office's own, as for every decision it records.
      const body = bodyRecordedBy(user.role)!;
      const criteria = CHALLENGE_CRITERIA.filter((c) => yesNo(text(form, `criterion.${c}`)) !== undefined).map((c) => ({ criterion: c, met: yesNo(text(form, `criterion.${c}`))!, ...(text(form, `explanation.${c}`) && { explanation: text(form, `explanation.${c}`) }) }));
      const dto = await validated(ChallengeAssessmentDto, { assessedOn: one(form.assessedOn), body, reference: one(form.reference), conclusion: text(form, 'conclusion'), criteria, reasons: one(form.reasons) });
      return this.file.saveChallengeAssessment(id, dto as ChallengeAssessment, asRecorderOf(body, actor));
    });
  }

  @Post('uitdaging/bericht')
  @PageRoles(...WRITERS, ...DECISION_RECORDERS)
  challengerInformed(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'bericht' }, form, async (actor) => this.file.recordChallengerInformed(id, (await validated(ChallengerNoticeDto, { sentOn: one(form.sentOn) })).sentOn, actor));
  }

  @Post('uitdaging/overeenkomst')
  @PageRoles(...WRITERS)
  challengeAgreement(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'overeenkomst' }, form, async (actor) => {
      const dto = await validated(ChallengeAgreementDto, { concludedOn: one(form.concludedOn), reference: one(form.reference), task: one(form.task), startsOn: one(form.startsOn), endsOn: one(form.endsOn) });
      return this.file.saveChallengeAgreement(id, dto, actor);
    });
  }

  @Post('raadsinformatie')
  @PageRoles(...WRITERS, ...DECISION_RECORDERS)
  raadInformation(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'besluiten', form: 'raadsinformatie' }, form, async (actor) => {
      const dto = await validated(RaadInformationDto, { gate: one(form.gate), kind: one(form.kind), date: one(form.date), reference: one(form.reference), summary: text(form, 'summary') });
      return this.file.recordRaadInformation(id, dto, actor);
    });
  }

  @Post('quick-scan')
  @PageRoles(...WRITERS)
  quickScan(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'quick-scan' }, form, async (actor) => {
      const current = (await this.projectFile.whole(id)).quickScan?.data ?? {};
      const dto = await validated(QuickScanDto, {
        ...(current.subject && { subject: current.subject }),
        participants: participantsFromForm(form),
        scores: Object.fromEntries(QUICK_SCAN_ITEMS.map((item) => [item, text(form, `score.${item}`)]).filter(([, v]) => v)),
        influenceAspects: Object.fromEntries(INFLUENCE_ASPECTS.map((a) => [a, text(form, `aspect.${a}`)]).filter(([, v]) => v)),
        greenLights: many(form.greenLights),
        redLights: many(form.redLights),
        inspraak: { legallyRequired: yesNo(text(form, 'inspraakRequired')), form: text(form, 'inspraakForm') },
        levelWithoutInteraction: text(form, 'levelWithoutInteraction'),
        notes: text(form, 'notes'),
      });
      return this.file.saveQuickScan(id, dto as QuickScan, actor);
    });
  }

  @Post('commitment')
  @PageRoles(...WRITERS)
  commitment(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    if (one(form._rij)) return this.moreRows(req, reply, user, id, 'commitment', form);
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'commitment' }, form, async (actor) => this.file.saveCommitment(id, (await validated(CommitmentDto, commitmentFromForm(form))) as Commitment, actor));
  }

  @Post('betrokkenen')
  @PageRoles(...WRITERS)
  stakeholder(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'betrokkenen' }, form, async (actor) => {
      const dto = await validated(StakeholderDto, { name: one(form.name), domain: one(form.domain), kind: one(form.kind), ownKind: text(form, 'ownKind'), approach: one(form.approach) });
      return this.file.addStakeholder(id, dto, actor);
    });
  }

  @Post('plan')
  @PageRoles(...WRITERS)
  plan(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    if (one(form._rij)) return this.moreRows(req, reply, user, id, 'plan', form);
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'plan' }, form, async (actor) => {
      const { changeReason, ...posted } = await validated(PlanDto, planFromForm(form));
      const current = (await this.projectFile.whole(id)).plan?.data ?? null;
      return this.file.savePlan(id, mergePlan(current, posted as Plan), changeReason, actor);
    });
  }

  @Post('evaluatie')
  @PageRoles(...WRITERS)
  evaluation(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'dossier', form: 'evaluatie' }, form, async (actor) => this.file.saveEvaluation(id, (await validated(EvaluationDto, evaluationFromForm(form))) as Evaluation, actor));
  }

  @Post('inspectie')
  @PageRoles(...WRITERS)
  inspection(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'inspraak', form: 'inspectie' }, form, async (actor) =>
      this.file.openInspection(id, await validated(InspectionDto, { laidOpenOn: one(form.laidOpenOn), publishedIn: one(form.publishedIn), termDays: wholeNumber(text(form, 'termDays')), procedureReference: text(form, 'procedureReference') }), actor),
    );
  }

  @Post('inspectie/intrekken')
  @PageRoles(...WRITERS)
  withdrawInspection(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'inspraak', form: 'intrekken' }, form, async (actor) => this.file.withdrawInspection(id, (await validated(InspectionWithdrawalDto, { reason: one(form.reason) })).reason, actor));
  }

  @Post('zienswijzen')
  @PageRoles(...WRITERS)
  reaction(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'inspraak', form: 'zienswijze' }, form, async (actor) =>
      this.file.recordReaction(
        id,
        await validated(ReactionDto, { receivedOn: one(form.receivedOn), channel: text(form, 'channel'), postedOn: text(form, 'postedOn'), report: text(form, 'report'), sender: one(form.sender), senderIsOrganisation: one(form.senderIsOrganisation) === 'ja', summary: one(form.summary) }),
        actor,
      ),
    );
  }

  @Post('zienswijzen/:reactionId/antwoord')
  @PageRoles(...WRITERS)
  answer(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Param('reactionId') reactionId: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'inspraak', form: `antwoord-${reactionId}` }, form, async (actor) =>
      this.file.answerReaction(id, reactionId, await validated(AnswerDto, { answer: one(form.answer), answeredOn: one(form.answeredOn), changedDraft: one(form.changedDraft) === 'ja' }), actor),
    );
  }

  @Post('communicatie')
  @PageRoles(...CONTACT_KEEPERS)
  communicate(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'communicatie', form: 'communicatie' }, form, async (actor) => {
      const occurredAt = typedMoment(one(form.occurredOn), one(form.occurredTime));
      const dto = await validated(RecordCommunicationDto, { channel: one(form.channel), audience: one(form.audience), summary: one(form.summary), announcesLevelOf: text(form, 'announcesLevelOf'), ...(occurredAt !== undefined && { occurredAt }) });
      return this.communications.record(id, dto, actor);
    });
  }

  @Post('mijlpalen')
  @PageRoles(...CONTACT_KEEPERS)
  addMilestone(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'communicatie', form: 'mijlpaal' }, form, async (actor) => {
      const dueAt = typedMoment(one(form.dueOn), one(form.dueTime)) ?? '';
      const dto = await validated(AddMilestoneDto, { title: one(form.title), dueAt, remindDaysBefore: wholeNumber(text(form, 'remindDaysBefore')), decision: one(form.decision) === 'ja', public: one(form.public) === 'ja' });
      return this.workflow.addMilestone(id, { ...dto, dueAt: new Date(dto.dueAt).toISOString() }, actor);
    });
  }

  @Post('instellingen')
  @PageRoles(...WRITERS)
  settings(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Body(TypedDays) form: Form) {
    return this.write(req, reply, user, id, { tab: 'communicatie', form: 'instellingen' }, form, async (actor) => {
      const dto = await validated(ProjectSettingsDto, {
        description: text(form, 'description') ?? null,
        publicContact: text(form, 'publicContact') ?? null,
        public: one(form.public) === 'ja',
        silenceWindowDays: wholeNumber(text(form, 'silenceWindowDays')),
        ownerEmail: text(form, 'ownerEmail') ?? null,
        administratorEmail: text(form, 'administratorEmail') ?? null,
        silenceAlways: one(form.silenceAlways) === 'ja',
      });
      return this.projects.updateSettings(id, dto, actor);
    });
  }

  private async report(req: FastifyRequest, reply: FastifyReply, user: WebUser, id: string, kind: 'account' | 'nota', failed: FailedForm | null = null, status = 200): Promise<unknown> {
    const t = this.pages.texts(req);
    const internal = one((req.query as Form).versie) === 'intern';
    const project = await this.projects.get(id);
    const account = kind === 'account' ? await this.accountability.account(id) : null;
    const document = account ? accountDocument(account, t) : notaDocument(await this.accountability.nota(id, internal ? 'internal' : 'public'), t);
    const pdf = account ? `/projecten/${id}/participatieparagraaf.pdf` : `/projecten/${id}/nota.pdf${internal ? '?versie=intern' : ''}`;
    const closing = account?.closingText ?? null;
    return this.pages.render(req, reply, 'project/report', { user, project, kind, document, pdf, internal, closing, canWrite: WRITERS.includes(user.role), failed, saved: one((req.query as Form).opgeslagen) === '1' }, status);
  }

  private async sendPdf(reply: FastifyReply, document: ReportDocument, name: string): Promise<unknown> {
    return reply.send(await pdfAttachment(reply, document, this.municipality, name));
  }

  /**
   * A form post: the work through the API's services, then back to the form's page (303). A refusal
   * the user can mend (4xx but not found) shows the same page with the input kept; others become a page of their own.
   */
  private async write(req: FastifyRequest, reply: FastifyReply, user: WebUser, id: string, target: { tab: ProjectTab; form: string }, form: Form, work: (actor: Actor) => Promise<unknown>): Promise<unknown> {
    try {
      await work(actorOf(user));
    } catch (error) {
      if (!mendable(error)) throw error;
      const { _csrf: _token, ...values } = form;
      return this.show(req, reply, user, id, target.tab, describeRefusal(error, target.form, values, this.pages.texts(req)), error.status);
    }
    return reply.redirect(`/projecten/${id}${TAB_PATH[target.tab]}?opgeslagen=1#${target.form}`, 303);
  }

  /** "Rij toevoegen" (issue 19): the form back on its page with what was typed and one more row; nothing is saved. */
  private moreRows(req: FastifyRequest, reply: FastifyReply, user: WebUser, id: string, form: string, posted: Form): Promise<unknown> {
    const { _csrf: _token, _rij: list, ...values } = posted;
    return this.show(req, reply, user, id, 'dossier', { form, values, problems: [], addRow: one(list) });
  }

  /** One of the project's pages: what every page shows (title, phase, tabs), and what this one needs. */
  private async show(req: FastifyRequest, reply: FastifyReply, user: WebUser, id: string, tab: ProjectTab, failed: FailedForm | null = null, status = 200): Promise<unknown> {
    const query = req.query as Form;
    const project = await this.projects.get(id);
    const canWrite = WRITERS.includes(user.role);
    const canKeepContacts = CONTACT_KEEPERS.includes(user.role);
    const recorderOf = bodyRecordedBy(user.role);
    const base = { user, project, tab, tabs: PROJECT_TABS.map((key) => ({ key, path: `/projecten/${id}${TAB_PATH[key]}` })), canWrite, canKeepContacts, recorderOf, failed, saved: one(query.opgeslagen) === '1', today: dutchDay(new Date()) };
    switch (tab) {
      case 'overzicht': {
        const timeline = await this.audit.ofTypes(id, STEP_ENTRIES);
        // A decision taken takes effect only once made known (Awb art. 3:40): the Overzicht says which still wait for it.
        const taken = decisionsTaken(await this.decisions.list(id)).filter((d) => d.outcome === 'approved' && d.consumed);
        const notMadeKnown = notYetMadeKnown(taken, project).length;
        // The term to decide on an application matters until it is decided.
        const decisionTerm = taken.length === 0 ? project.decisionTerm : null;
        // An initiative's initiator, to reach them; personal data, so read apart and gone once erased.
        const initiator = project.origin === 'initiative' ? await orNull(this.projectFile.initiator(id)) : undefined;
        const t = this.pages.texts(req);
        const requestable = requestableSteps(project).map((s) => s.event);
        return this.pages.render(req, reply, 'project/overview', { ...base, stages: this.pages.stages(project, timeline), notMadeKnown, decisionTerm, initiator, requestable, taskSteps: project.nextSteps.filter((s) => isTask(s.event)), statusOf: (step: ProjectView['nextSteps'][number]) => stepStatus(step, t) }, status);
      }
      case 'dossier': {
        const file = await this.projectFile.dossier(id);
        const editing = one(query.wijzigen) || failed?.form || FILE_PART_OF_STATE[project.state] || (phaseOf(project.state) === 'evaluation' ? 'evaluatie' : '');
        const scan = file.quickScan?.data ?? {};
        const participantRows = [...(scan.participants ?? []), ...Array.from({ length: EXTRA_PARTICIPANT_ROWS }, () => ({ name: '', role: '' }))];
        // The lists of pairs as rows: as typed when the form came back, else as stored; one empty row, and one more when asked.
        const sentBack = (name: string) => (failed?.form === name ? failed.values : null);
        const rows = <L extends PairList>(list: L, form: string, stored: Parameters<typeof rowsToShow<L>>[1] | undefined) => rowsToShow(list, stored ?? [], sentBack(form), failed?.addRow === list);
        const stored = file.plan?.data;
        const pairs = {
          processAgreements: rows('processAgreements', 'commitment', file.commitment?.data.processAgreements),
          targetGroups: rows('targetGroups', 'plan', stored?.targetGroups),
          threats: rows('threats', 'plan', stored?.opportunitiesAndThreats?.threats),
          timeline: rows('timeline', 'plan', stored?.process?.timeline),
          frames: rows('frames', 'plan', stored?.frames),
        };
        return this.pages.render(req, reply, 'project/dossier', { ...base, ...file, pairs, criteria: CHALLENGE_CRITERIA, editing, participantRows, planFields: planToForm(file.plan?.data ?? null), catalogue: CATALOGUE, inEvaluation: phaseOf(project.state) === 'evaluation' }, status);
      }
      case 'besluiten': {
        const decisions = await this.decisions.list(id);
        // A recorder records for the steps that wait for the body's own decision: a college secretary never sees raad steps.
        // Those asked for come first: they are the body's agenda.
        const recordable = recorderOf ? project.nextSteps.filter((s) => s.requiredBody === recorderOf).sort((a, b) => Number(!!b.request?.pending) - Number(!!a.request?.pending)) : [];
        const wooItems = await this.woo.list(id);
        const published = new Map(wooItems.filter((i) => i.decisionId && !i.withdrawn).map((i) => [i.decisionId!, i]));
        const woo = { items: [...wooItems].reverse(), basis: (item: WooItem) => this.woo.basis(item), published, canPublish: PUBLISHERS.includes(user.role), unpublished: decisions.filter((d) => !published.has(d.id)), categories: WOO_CATEGORIES, types: WOO_DOCUMENT_TYPES, handlings: WOO_HANDLINGS };
        // After the decision: its bekendmaking, and whether it came after the term to decide on an application.
        const taken = decisionsTaken(decisions);
        const afterDecision = {
          items: project.publications,
          canRecord: PUBLISHERS.includes(user.role),
          toMakeKnown: notYetMadeKnown(taken.filter((d) => d.outcome === 'approved'), project),
          late: new Map(taken.flatMap((d) => { const late = decidedLate(project.decisionTerm, d.decidedOn); return late ? [[d.id, late]] : []; })),
          ways: PUBLICATION_WAYS,
          remedies: LEGAL_REMEDIES,
        };
        // §2.4: how the raad was informed, and about which of the steps ahead it can be.
        const raad = { items: await this.projectFile.raadInformation(id), steps: project.nextSteps.map((s) => s.event).filter(isGatedEvent), kinds: RAAD_INFORMATION_KINDS, canRecord: canWrite || recorderOf !== null };
        // Issue 19: the requests of this cycle, newest first, each still waiting or answered; and the steps to ask for.
        // A request waits when it is its step's latest and still pending; after a deferral it says so, with its date and reason.
        const waiting = new Map(project.nextSteps.filter((s) => s.request?.pending).map((s) => [s.event, s]));
        const requestItems = (await this.projectFile.greenLightRequests(id)).filter((r) => r.cycle === project.cycle).reverse();
        const requests = {
          items: requestItems.map((r) => {
            const step = waiting.get(r.gate);
            const pending = step?.request?.requestedAt === r.requestedAt;
            return { ...r, pending, deferral: (pending && step!.blockers.find((b) => b.code === 'green-light-deferred')) || null };
          }),
          requestable: requestableSteps(project),
        };
        return this.pages.render(req, reply, 'project/decisions', { ...base, decisions: [...decisions].reverse(), recordable, chosenStep: one(query.stap), woo, afterDecision, raad, requests }, status);
      }
      case 'inspraak': {
        const file = await this.projectFile.whole(id);
        // By registration number, or by the day they came in: a separate choice (issue 19).
        const sortReactions = one(query.sorteer) === 'datum' ? 'datum' : 'nummer';
        const inspection = file.inspection && sortReactions === 'datum' ? { ...file.inspection, reactions: [...file.inspection.reactions].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.number - b.number) } : file.inspection;
        const contacts = await this.projectFile.reactionContacts(id);
        return this.pages.render(req, reply, 'project/inspraak', { ...base, sortReactions, inspection, contacts, withdrawnInspections: file.withdrawnInspections, inspraak: file.inspraak, inspectionProcedure: file.inspectionProcedure, inPreparation: inPreparation(project.state) }, status);
      }
      case 'communicatie': {
        // The contacts 50 a page, newest first, filtered in SQL (issue 19).
        const filter = listFilter(query);
        const pageNumber = pageOf(query);
        const [{ items: communications, total }, milestones, reminders] = await Promise.all([
          this.communications.page(id, filter, PAGE_SIZE, { offset: (pageNumber - 1) * PAGE_SIZE }),
          this.reminders.milestonesOf(id),
          this.reminders.remindersOf(id, 'newest'),
        ]);
        // What happened to each reminder, as its trail entry says: mailed to whom, or only recorded, and why.
        const sent = new Map((await this.audit.ofTypes(id, ['reminder-sent'])).flatMap((e) => {
          const p = payloadOf(e, 'reminder-sent');
          return p ? [[`${p.kind}|${p.dueAt}|${p.level}`, p.channels ?? []] as const] : [];
        }));
        const reminderViews = reminders.map((r) => ({ ...r, channels: sent.get(`${r.kind}|${r.dueAt}|${r.level}`) ?? null }));
        return this.pages.render(req, reply, 'project/communication', { ...base, ...listPaging(`/projecten/${id}/communicatie`, filter, total, pageNumber, 'contacts', '#log'), communications, milestones, reminders: reminderViews, now: dutchClock(new Date()), phases: PHASES }, status);
      }
      case 'tijdlijn': {
        // Controleren: the chain checked as it stands, and the latest root over every chain to save and compare later.
        // An auditor or admin hands an ended project to the e-depot from here (issue 23).
        const check = { verification: await this.audit.verify(id), root: await orNull(this.roots.latest()), archive: isEndedState(project.state) && AUDITORS.includes(user.role) };
        // 50 a page, newest first, filtered in SQL (issue 19); the exports take the same filter, every page.
        const filter = listFilter(query);
        const pageNumber = pageOf(query);
        const { entries, total, types } = await this.audit.page(id, filter, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
        const t = this.pages.texts(req);
        const paging = listPaging(`/projecten/${id}/tijdlijn`, filter, total, pageNumber, 'entries', '');
        return this.pages.render(req, reply, 'project/timeline', { ...base, ...paging, entries: entries.map((entry) => ({ entry, ...describeEntry(entry, t) })), types, check }, status);
      }
    }
  }
}

/** A part of the file that may not be written yet: null instead of its 404. */
function orNull<T>(read: Promise<T>): Promise<T | null> {
  return read.catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error)));
}


/** A long list's filter from its query (Tijdlijn, Communicatie): a type, days from and to (as Dutch people write them), words. */
function listFilter(query: Form): TrailFilter {
  const day = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(isoDay(value)) ? isoDay(value) : undefined);
  return { type: one(query.soort) || undefined, from: day(one(query.van)), to: day(one(query.tot)), search: one(query.zoek).trim().slice(0, 200) || undefined };
}

/** The filter as the query it came from, and the pages of the list it gives: what the pagination and the exports link to. */
function listPaging(path: string, filter: TrailFilter, total: number, page: number, unit: string, anchor: string) {
  const search = new URLSearchParams(Object.entries({ soort: filter.type, van: filter.from, tot: filter.to, zoek: filter.search }).filter((e): e is [string, string] => !!e[1])).toString();
  return { filter, search, total, unit, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), pageLink: (n: number) => `${path}?${search ? `${search}&` : ''}pagina=${n}${anchor}` };
}

/**
 * A day and a time typed on the Dutch clock, as a moment with its offset; undefined when left
 * empty (now), the raw text when malformed so validation names it.
 */
function typedMoment(day: string, time: string): string | undefined {
  if (!day.trim() && !time.trim()) return undefined;
  const iso = isoDay(day.trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !/^\d{2}:\d{2}$/.test(time.trim())) return `${day} ${time}`;
  return dutchMoment(iso, time.trim());
}

