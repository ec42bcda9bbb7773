import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { assessQuickScan, commitmentMissing, levelWarnings, planMissingParts, type Commitment, type Plan, type QuickScan } from '../../machines/participation-project';
import { ApiError } from '../common/api-error';
import { InspectionEntity, ProjectDocumentEntity, ReactionEntity, StakeholderEntity, type DocumentKind } from '../database/interaction.entities';
import { ProjectsService } from '../projects/projects.service';

export interface DocumentVersionView<T> {
  version: number;
  data: T;
  changeReason: string | null;
  adoptedAt: string | null;
  createdBy: string;
  createdAt: string;
}

const versionView = <T>(d: ProjectDocumentEntity): DocumentVersionView<T> => ({ version: d.version, data: JSON.parse(d.data) as T, changeReason: d.changeReason, adoptedAt: d.adoptedAt, createdBy: d.createdBy, createdAt: d.createdAt });

/** Reads of the project's file; writes go through src/workflow. */
@Injectable()
export class ProjectFileService {
  constructor(
    @InjectRepository(ProjectDocumentEntity) private readonly documents: Repository<ProjectDocumentEntity>,
    @InjectRepository(StakeholderEntity) private readonly stakeholders: Repository<StakeholderEntity>,
    @InjectRepository(InspectionEntity) private readonly inspections: Repository<InspectionEntity>,
    @InjectRepository(ReactionEntity) private readonly reactions: Repository<ReactionEntity>,
    private readonly projects: ProjectsService,
  ) {}

  /** Every version, newest first. */
  async versions<T>(projectId: string, kind: DocumentKind): Promise<Array<DocumentVersionView<T>>> {
    await this.projects.find(projectId);
    return (await this.documents.find({ where: { projectId, kind }, order: { version: 'DESC' } })).map((d) => versionView<T>(d));
  }

  private async latest<T>(projectId: string, kind: DocumentKind, what: string): Promise<DocumentVersionView<T>> {
    const [latest] = await this.versions<T>(projectId, kind);
    if (!latest) throw new ApiError(404, `${kind}-not-found`, `This project has no ${what} yet.`);
    return latest;
  }

  async quickScan(projectId: string) {
    const latest = await this.latest<QuickScan>(projectId, 'quick-scan', 'quick scan');
    return { ...latest, assessment: assessQuickScan(latest.data) };
  }

  async commitment(projectId: string) {
    const latest = await this.latest<Commitment>(projectId, 'commitment', 'formal commitment');
    return { ...latest, missing: commitmentMissing(latest.data) };
  }

  async plan(projectId: string) {
    const all = await this.versions<Plan>(projectId, 'plan');
    if (all.length === 0) throw new ApiError(404, 'plan-not-found', 'This project has no plan of approach yet.');
    return { ...all[0], missingParts: planMissingParts(all[0].data), warnings: levelWarnings(all[0].data.levels), adoptedVersion: all.find((v) => v.adoptedAt)?.version ?? null };
  }

  async stakeholderList(projectId: string): Promise<StakeholderEntity[]> {
    await this.projects.find(projectId);
    return this.stakeholders.find({ where: { projectId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The inspection of the current cycle, with its reactions (oldest first). */
  async inspection(projectId: string) {
    const project = await this.projects.find(projectId);
    const inspection = await this.inspections.findOneBy({ projectId, cycle: project.cycle });
    if (!inspection) throw new ApiError(404, 'inspection-not-found', 'Nothing lies open for inspection in this cycle.');
    const reactions = await this.reactions.find({ where: { inspectionId: inspection.id }, order: { receivedOn: 'ASC', createdAt: 'ASC' } });
    return { ...inspection, reactions: reactions.map((r) => ({ ...r, late: Boolean(r.late) })) };
  }
}
