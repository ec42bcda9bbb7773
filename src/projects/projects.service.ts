import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Like, type FindOptionsWhere, type Repository } from 'typeorm';
import type { Actor } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../common/api-error';
import { containsPattern } from '../common/like';
import { DecisionEntity } from '../database/decision.entity';
import { awaitingPattern, ProjectEntity } from '../database/project.entity';
import { FileRepository } from '../database/file.repository';
import { TrailRepository } from '../database/trail.repository';
import { boundDecisions } from '../workflow/decision-binding';
import { loadProjectFiles } from '../workflow/dossier';
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
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    @InjectRepository(DecisionEntity) private readonly decisions: Repository<DecisionEntity>,
    private readonly workflow: WorkflowService,
    private readonly files: FileRepository,
    private readonly trail: TrailRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(input: NewProject, actor: Actor): Promise<ProjectView> {
    return this.viewAfterWrite(await this.workflow.createProject(input, actor));
  }

  async updateSettings(id: string, settings: ProjectSettings, actor: Actor): Promise<ProjectView> {
    return this.viewAfterWrite(await this.workflow.updateSettings(id, settings, actor));
  }

  async applyEvent(id: string, request: EventRequest, actor: Actor): Promise<ProjectView> {
    return this.viewAfterWrite(await this.workflow.applyEvent(id, request, actor));
  }

  private async viewAfterWrite({ project, openDecisions, file }: ProjectState): Promise<ProjectView> {
    const now = new Date();
    const current = file ?? (await loadProjectFiles(this.files, this.projects.manager, [project], now)).get(project.id)!;
    return toProjectView(project, openDecisions, current, { now, dayMs: this.config.reminders.dayMs });
  }

  async get(id: string): Promise<ProjectView> {
    return (await this.views([await this.find(id)]))[0];
  }

  /** A project whose page is public, by its address; 404 for any other (a private project is not told apart from none). */
  async publicBySlug(slug: string): Promise<ProjectView> {
    const row = await this.projects.findOneBy({ slug, public: true });
    if (!row) throw new ApiError(404, 'page-not-found', 'No public project at this address.');
    return (await this.views([row]))[0];
  }

  /** Every project with a public page, newest first. */
  async publicProjects(): Promise<ProjectView[]> {
    return this.views(await this.projects.find({ where: { public: true }, order: { createdAt: 'DESC' }, take: 500 }));
  }

  async find(id: string): Promise<ProjectEntity> {
    const project = await this.projects.findOneBy({ id });
    if (!project) throw ApiError.notFound('project', id);
    return project;
  }

  async list(query: ListProjectsQuery): Promise<ProjectPage> {
    const where: FindOptionsWhere<ProjectEntity>[] | undefined = query.state ? [{ state: query.state }, { state: Like(`${query.state}.%`) }] : undefined;
    const [rows, total] = await this.projects.findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { items: await this.views(rows), total, limit: query.limit, offset: query.offset };
  }

  /**
   * One page of the dashboard: filtered and sorted in the database, views built for the page's
   * rows only (a fixed number of queries, whatever the page size).
   */
  async page(filter: DashboardFilter): Promise<{ items: ProjectView[]; total: number }> {
    const now = new Date();
    const query = this.projects.createQueryBuilder('p');
    if (filter.statePrefix) query.andWhere('(p.state = :state OR p.state LIKE :substate)', { state: filter.statePrefix, substate: `${filter.statePrefix}.%` });
    if (filter.owner) query.andWhere('p.ownerEmail = :owner', { owner: filter.owner });
    // Before subjects were kept, a project is its creator's by name.
    if (filter.creator) query.andWhere('(p.createdBySubject = :subject OR (p.createdBySubject IS NULL AND p.createdBy = :name))', filter.creator);
    if (filter.search) query.andWhere("LOWER(p.title) LIKE :search ESCAPE '\\'", { search: containsPattern(filter.search) });
    if (filter.silence) {
      const { overdueUntil, dueSoonUntil } = silenceStatusBounds(now, this.config.reminders.dayMs);
      const condition = {
        overdue: 'p.silenceAllowedUntil <= :overdueUntil',
        'due-soon': 'p.silenceAllowedUntil > :overdueUntil AND p.silenceAllowedUntil <= :dueSoonUntil',
        ok: 'p.silenceAllowedUntil > :dueSoonUntil',
      }[filter.silence];
      query.andWhere(condition, { overdueUntil, dueSoonUntil });
    }
    // Ended projects last: the list is for the work still to do.
    query.orderBy(`CASE WHEN p.state IN (${ENDED_STATES.map((state) => `'${state}'`).join(', ')}) THEN 1 ELSE 0 END`, 'ASC');
    if (filter.sortByDeadline) query.addOrderBy('p.silenceAllowedUntil', 'ASC', 'NULLS LAST');
    else query.addOrderBy('p.createdAt', 'DESC');
    const [rows, total] = await query.addOrderBy('p.id', 'ASC').skip(filter.offset).take(filter.limit).getManyAndCount();
    return { items: await this.views(rows), total };
  }

  /** One page of the projects that wait for this body's decision, longest waiting first: filtered and paged in SQL. */
  async awaiting(body: GoverningBody, limit: number, offset: number): Promise<{ items: ProjectView[]; total: number }> {
    const [rows, total] = await this.projects.findAndCount({ where: { awaiting: Like(awaitingPattern(body)) }, order: { updatedAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items: await this.views(rows), total };
  }

  /** Views for many projects with a fixed number of queries for their open decisions and files (no N+1). */
  private async views(rows: ProjectEntity[]): Promise<ProjectView[]> {
    if (rows.length === 0) return [];
    const now = new Date();
    const [unconsumed, files] = await Promise.all([
      this.decisions.find({ where: { projectId: In(rows.map((r) => r.id)), consumedAt: IsNull() } }),
      loadProjectFiles(this.files, this.projects.manager, rows, now),
    ]);
    // A screen shows a green light only as the trail records it, as the transition judges it.
    const open = await boundDecisions(this.trail, this.projects.manager, unconsumed);
    const clock = { now, dayMs: this.config.reminders.dayMs };
    return rows.map((row) => toProjectView(row, open.filter((d) => d.projectId === row.id && d.cycle === row.cycle).map(toGreenLight), files.get(row.id)!, clock));
  }
}
