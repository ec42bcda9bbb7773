import { parse, stringify } from 'yaml';
import { Body, Controller, Get, Param, ParseIntPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { dutchDay } from '../../machines/calendar/dutch-day';
import { describeInspraakForm, GATE_RULE_TEXTS, guideDiff, stepsOf, type InspraakForm, guideLabels, type GateRuleName, type GuideDocument, type GuideStep } from '../../machines/participation-project';
import { Public } from '../auth/auth.decorators';
import { bodyRecordedBy, DECISION_RECORDERS } from '../auth/roles';
import { validated } from '../common/validation';
import { MigrationDecisionDto } from '../guides/dto/guide-migration.dto';
import { GuideMigrationsService } from '../guides/guide-migrations.service';
import { GuidesService } from '../guides/guides.service';
import { futureDecisionDate } from '../workflow/decision-checks';
import { describeRefusal, mendable, type FailedForm } from './refusal';
import { PageRoles, SignedInUser, WebRefusalFilter, WebSessionGuard } from './web-access';
import { one, TypedDays, type Form } from './web-forms';
import { WebPages } from './web-pages';
import { actorOf, type WebUser } from './web-session';

/** The state map of a migration as the form sends it: `naar.<old step>` = the new step chosen for it. */
function stateMapOf(form: Form): Record<string, string> {
  return Object.fromEntries(Object.entries(form).flatMap(([key, value]) => (key.startsWith('naar.') && one(value) ? [[key.slice('naar.'.length), one(value)!]] : [])));
}

interface StepMove {
  event: string;
  to: string;
  body: string | null;
  initiatorOwn: boolean;
  rules: string[];
}
interface StepNode {
  id: string;
  label: string;
  final: boolean;
  moves: StepMove[];
  steps: StepNode[];
}

/** The steps of a guide as the page lists them: nested as in the guide, each with where it leads, its gate and its conditions. */
function stepTree(guide: GuideDocument, lang: 'nl' | 'en'): StepNode[] {
  const labels = new Map([...stepsOf(guide.steps)].map(({ step }) => [step.id, step.label[lang]]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const moveOf = ({ event, to }: { event: string; to: string }): StepMove => {
    const gate = guide.gates[event as keyof GuideDocument['gates']];
    return { event, to: labelOf(to), body: gate?.body ?? null, initiatorOwn: !!gate?.initiatorOwn, rules: Object.keys(gate?.rules ?? {}).map((name) => GATE_RULE_TEXTS[name as GateRuleName][lang]) };
  };
  // Stopping is possible from every step that has not ended: said once, not at every step.
  const node = (step: GuideStep): StepNode => ({ id: step.id, label: step.label[lang], final: !!step.final, moves: (step.transitions ?? []).filter((t) => t.event !== 'STOP').map(moveOf), steps: (step.steps ?? []).map(node) });
  return guide.steps.map(node);
}

/** How a project stops under the guide: the body and conditions of its STOP gate. */
function stopMove(guide: GuideDocument, lang: 'nl' | 'en'): StepMove | null {
  const gate = guide.gates.STOP;
  return gate ? { event: 'STOP', to: '', body: gate.body, initiatorOwn: false, rules: Object.keys(gate.rules).map((name) => GATE_RULE_TEXTS[name as GateRuleName][lang]) } : null;
}

/** The steps a running project can be moved to: every step that holds no other and has not ended. */
const leaves = (nodes: readonly StepNode[]): StepNode[] => nodes.flatMap((n) => (n.steps.length ? leaves(n.steps) : n.final ? [] : [n]));

/**
 * Handleidingen (issue 20): the guides and their versions, each with its steps, its diagram, what
 * changed since the version before, and the dry run of moving running projects to it; the office
 * of the body that decided carries the migration out.
 */
@ApiExcludeController()
@Public()
@UseGuards(WebSessionGuard)
@UseFilters(WebRefusalFilter)
@Controller('handleidingen')
export class GuidePagesController {
  constructor(
    private readonly guides: GuidesService,
    private readonly migrations: GuideMigrationsService,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async list(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Query() query: Form) {
    // "Als nieuwe versie bewerken": the form starts from a version, numbered as the next one.
    const base = one(query.van);
    const from = base && /^([a-z0-9-]+)\/(\d+)$/.exec(base);
    let draft = '';
    if (from && user.role === 'admin') {
      const { document } = this.guides.version(from[1], Number(from[2]));
      draft = stringify({ ...document, version: this.guides.latest(from[1]).version + 1 });
    }
    return this.renderList(req, reply, user, draft, null);
  }

  /** An admin publishes a guide, or a guide's next version, by pasting it (YAML or JSON): every fault is shown with its place. */
  @Post('publiceren')
  @PageRoles('admin')
  async publish(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Body() form: Form) {
    const text = one(form.document) ?? '';
    const t = this.pages.texts(req);
    const refused = (problems: FailedForm['problems'], status: number) => this.renderList(req, reply, user, text, { form: 'publiceren', values: { document: text }, problems }, status);
    let document: unknown;
    try {
      document = parse(text);
    } catch (error) {
      return refused([{ field: 'document', message: t.guides.notYaml(error instanceof Error ? error.message.split('\n')[0] : String(error)) }], 400);
    }
    try {
      const id = (document as { id?: unknown } | null)?.id;
      const known = typeof id === 'string' && this.guides.knows(id);
      const view = await this.guides.publish(document, actorOf(user), new Date(), known ? id : undefined);
      return reply.redirect(`/handleidingen/${encodeURIComponent(view.id)}/${view.version}?gepubliceerd=1`, 303);
    } catch (error) {
      if (!mendable(error)) throw error;
      // Each fault with its place in the document: the writer of the YAML needs the path to find it.
      const faults = (error.details.errors as Array<{ path: string; message: string; messageNl?: string }> | undefined) ?? [];
      const problems = faults.length ? faults.map((f) => ({ field: 'document', message: `${f.path}: ${t.lang === 'nl' ? (f.messageNl ?? f.message) : f.message}` })) : [{ field: 'document', message: t.lang === 'nl' ? (t.guides.refusals[error.code] ?? error.message) : error.message }];
      return refused(problems, error.status);
    }
  }

  private renderList(req: FastifyRequest, reply: FastifyReply, user: WebUser, draft: string, failed: FailedForm | null, status = 200) {
    const guides = this.guides.list().map((latest) => ({ ...latest, versions: this.guides.versionsOf(latest.id).length }));
    return this.pages.render(req, reply, 'guides/list', { user, guides, draft, failed, canPublish: user.role === 'admin' }, status);
  }

  @Get(':id/:version')
  async version(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Param('version', ParseIntPipe) version: number, @Query() query: Form) {
    return this.show(req, reply, user, id, version, stateMapOf(query), null);
  }

  @Post(':id/:version/migratie')
  @PageRoles(...DECISION_RECORDERS)
  async carryOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @SignedInUser() user: WebUser, @Param('id') id: string, @Param('version', ParseIntPipe) version: number, @Body(TypedDays) form: Form) {
    const stateMap = stateMapOf(form);
    let result;
    try {
      const fields = { body: bodyRecordedBy(user.role) ?? undefined, decidedOn: one(form.decidedOn), reference: one(form.reference) };
      const decision = await validated(MigrationDecisionDto, fields, [futureDecisionDate(fields.decidedOn, new Date())]);
      result = await this.migrations.migrate(id, version, { stateMap, decision }, actorOf(user));
    } catch (error) {
      if (!mendable(error)) throw error;
      const { _csrf: _token, ...values } = form;
      return this.show(req, reply, user, id, version, stateMap, describeRefusal(error, 'migratie', values, this.pages.texts(req)), error.status);
    }
    const moved = result.projects.filter((p) => p.outcome === 'moved').length;
    const refused = result.projects.filter((p) => p.outcome === 'refused').length;
    const search = new URLSearchParams({ overgezet: String(moved), blijft: String(refused), ...Object.fromEntries(Object.entries(stateMap).map(([from, to]) => [`naar.${from}`, to])) });
    return reply.redirect(`/handleidingen/${encodeURIComponent(id)}/${version}?${search}#migratie`, 303);
  }

  private unmapped(id: string, version: number, document: GuideDocument, lang: 'nl' | 'en'): Array<{ id: string; label: string }> {
    const here = new Set([...stepsOf(document.steps)].map(({ step }) => step.id));
    const found = new Map<string, string>();
    for (const older of this.guides.versionsOf(id).filter((v) => v.version < version)) {
      for (const { step } of stepsOf(this.guides.version(id, older.version).document.steps)) if (!here.has(step.id)) found.set(step.id, step.label[lang]);
    }
    return [...found].map(([step, label]) => ({ id: step, label }));
  }

  private async show(req: FastifyRequest, reply: FastifyReply, user: WebUser, id: string, version: number, stateMap: Record<string, string>, failed: FailedForm | null, status = 200) {
    const lang = this.pages.texts(req).lang as 'nl' | 'en';
    const { document, view } = this.guides.version(id, version);
    const versions = this.guides.versionsOf(id);
    const previous = version > 1 ? this.guides.version(id, version - 1).document : null;
    // Each step's words in the version the project is on, and in this one.
    const labelsOf = new Map(versions.map((v) => [v.version, guideLabels(this.guides.version(id, v.version).document).states]));
    const stepName = (v: number, state: string | null) => (state ? (labelsOf.get(v)?.[state]?.[lang] ?? state) : '');
    const dryRun = versions.some((v) => v.version < version) ? await this.migrations.migrate(id, version, { dryRun: true, stateMap }, actorOf(user)) : null;
    const query = req.query as Form;
    return this.pages.render(
      req,
      reply,
      'guides/version',
      {
        user,
        guide: view,
        document,
        versions,
        steps: stepTree(document, lang),
        stop: stopMove(document, lang),
        diff: previous && guideDiff(previous, document, stateMap),
        previous,
        dryRun: dryRun && dryRun.projects.map((row) => ({ ...row, stateNowName: stepName(row.from.version, row.stateBefore), stateAfterName: stepName(version, row.stateAfter) })),
        stateMap,
        // The steps of older versions this one lacks: for each, the step a project there moves to is chosen.
        unmapped: this.unmapped(id, version, document, lang),
        newSteps: leaves(stepTree(document, lang)).map((n) => ({ id: n.id, label: n.label })),
        recorderOf: bodyRecordedBy(user.role),
        failed,
        done: query.overgezet !== undefined ? { moved: Number(one(query.overgezet)), refused: Number(one(query.blijft)) } : null,
        published: one(query.gepubliceerd) === '1',
        canPublish: user.role === 'admin',
        today: dutchDay(new Date()),
        formText: (form: InspraakForm) => `${form}: ${describeInspraakForm(form).text[lang]}`,
        ruleText: (name: string) => GATE_RULE_TEXTS[name as GateRuleName]?.[lang] ?? name,
        diagram: await this.pages.diagram(req, '', [], undefined, view),
      },
      status,
    );
  }
}
