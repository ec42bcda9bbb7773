import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError, type BlockerView } from '../common/api-error';
import { containsPattern } from '../common/like';
import { DecisionRepository } from '../database/decision.repository';
import { awaitingPattern, type ProjectEntity } from '../database/project.entity';
import { ProjectRepository } from '../database/project.repository';
import { FileRepository } from '../database/file.repository';
import { TrailRepository } from '../database/trail.repository';
import { boundDecisions } from '../workflow/decision-binding';
import { loadProjectFiles } from '../workflow/dossier';
import { GuidesService } from '../guides/guides.service';
import { Metrics } from '../metrics/metrics.service';
import { toGreenLight, WorkflowService, type EventRequest, type NewProject, type ProjectSettings, type ProjectState } from '../workflow/workflow.service';
import type { ListProjectsQuery } from './dto/list-projects.query';
import { toProjectView, type ProjectView } from './project.view';
import { silenceStatusBounds, type SilenceStatus } from '../../machines/silence/silence.rules';
import { ENDED_STATES, type GoverningBody } from '../../machines/participation-project';

export interface DashboardFilter {
  statePrefix?: string;
  owner?: string;
  /** The projects a person started: "Mijn projecten", by their subject (the name only for projects from before subjects were kept). */
  creator?: { subject: string; name: string };
  /** Words in the title, case-insensitive. */
  search?: string;
  silence?: SilenceStatus;
  sortByDeadline?: boolean;
  limit: number;
  offset: number;
}

export interface ProjectPage {
  items: ProjectView[];
  total: number;
  limit: number;
  offset: number;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly decisions: DecisionRepository,
    private readonly workflow: WorkflowService,
    private readonly files: FileRepository,
    private readonly trail: TrailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly guides: GuidesService,
    private readonly metrics: Metrics,
  ) {}

  /** A new project, pinned to the latest version of its guide (issue 20). */
  async create({ guide, ...input }: Omit<NewProject, 'guide'> & { guide?: string }, actor: Actor): Promise<ProjectView> {
    const pinned = this.guides.knows(guide) ? this.guides.latest(guide) : undefined;
    if (!pinned) throw new ApiError(422, 'guide-not-found', `There is no guide ${guide}: GET /api/guides lists them.`, { errors: [{ field: 'guide', message: 'unknown guide' }] });
    return this.viewAfterWrite(await this.workflow.createProject({ ...input, guide: pinned }, actor));
  }

  async updateSettings(id: string, settings: ProjectSettings, actor: Actor): Promise<ProjectView> {
    return this.viewAfterWrite(await this.workflow.updateSettings(id, settings, actor));
  }

  /** A step, counted for /metrics: taken, or refused with its reason's code. */
  async applyEvent(id: string, request: EventRequest, actor: Actor): Promise<ProjectView> {
    let moved: ProjectState;
    try {
      moved = await this.workflow.applyEvent(id, request, actor);
    } catch (error) {
      // A blocked step by its first reason (green-light-missing, plan-incomplete, …); any other refusal by its code.
      if (error instanceof ApiError) this.metrics.refusals.inc({ step: request.type, code: (error.details.blockers as BlockerView[] | undefined)?.[0]?.code ?? error.code });
      throw error;
    }
    this.metrics.transitions.inc({ step: request.type });
    return this.viewAfterWrite(moved);
  }

  private async viewAfterWrite({ project, openDecisions, file }: ProjectState): Promise<ProjectView> {
    const now = new Date();
    const current = file ?? (await loadProjectFiles(this.files, null, [project], now)).get(project.id)!;
    return toProjectView(project, openDecisions, current, { now, dayMs: this.config.reminders.dayMs });
  }

  async get(id: string): Promise<ProjectView> {
    return (await this.views([await this.find(id)]))[0];
  }

  /** A project whose page is public, by its address; 404 for any other (a private project is not told apart from none). */
  async publicBySlug(slug: string): Promise<ProjectView> {
    const row = await this.projects.publicBySlug(slug);
    if (!row) throw new ApiError(404, 'page-not-found', 'No public project at this address.');
    return (await this.views([row]))[0];
  }

  /** Every project with a public page, newest first. */
  async publicProjects(): Promise<ProjectView[]> {
    return this.views(await this.projects.publicOnes(500));
  }

  async find(id: string): Promise<ProjectEntity> {
    const project = await this.projects.byId(id);
    if (!project) throw ApiError.notFound('project', id);
    return project;
  }

  async list(query: ListProjectsQuery): Promise<ProjectPage> {
    const { rows, total } = await this.projects.matching({ statePrefix: query.state, lastStates: [], limit: query.limit, offset: query.offset });
    return { items: await this.views(rows), total, limit: query.limit, offset: query.offset };
  }

  /**
   * One page of the dashboard: filtered and sorted in the database, views built for the page's
   * rows only (a fixed number of queries, whatever the page size).
   */
  async page(filter: DashboardFilter): Promise<{ items: ProjectView[]; total: number }> {
    // The silence light's bounds, as the dashboard shows them (silence.rules.ts).
    const bounds = filter.silence && silenceStatusBounds(new Date(), this.config.reminders.dayMs);
    const silenceAllowedUntil = bounds && { overdue: { until: bounds.overdueUntil }, 'due-soon': { after: bounds.overdueUntil, until: bounds.dueSoonUntil }, ok: { after: bounds.dueSoonUntil } }[filter.silence!];
    const { rows, total } = await this.projects.matching({
      statePrefix: filter.statePrefix,
      owner: filter.owner,
      creator: filter.creator,
      titleWords: filter.search && containsPattern(filter.search),
      silenceAllowedUntil,
      lastStates: ENDED_STATES,
      sortByDeadline: filter.sortByDeadline,
      limit: filter.limit,
      offset: filter.offset,
    });
    return { items: await this.views(rows), total };
  }

  /** One page of the projects that wait for this body's decision, longest waiting first: filtered and paged in SQL. */
  async awaiting(body: GoverningBody, limit: number, offset: number): Promise<{ items: ProjectView[]; total: number }> {
    const { rows, total } = await this.projects.awaiting(awaitingPattern(body), limit, offset);
    return { items: await this.views(rows), total };
  }

  /** Views for many projects with a fixed number of queries for their open decisions and files (no N+1). */
  private async views(rows: ProjectEntity[]): Promise<ProjectView[]> {
    if (rows.length === 0) return [];
    const now = new Date();
    const [unconsumed, files] = await Promise.all([
      this.decisions.unconsumedOf(rows.map((r) => r.id)),
      loadProjectFiles(this.files, null, rows, now),
    ]);
    // A screen shows a green light only as the trail records it, as the transition judges it.
    const open = await boundDecisions(this.trail, null, unconsumed);
    const clock = { now, dayMs: this.config.reminders.dayMs };
    return rows.map((row) => toProjectView(row, open.filter((d) => d.projectId === row.id && d.cycle === row.cycle).map(toGreenLight), files.get(row.id)!, clock));
  }
}
