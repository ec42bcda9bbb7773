import { Injectable } from '@nestjs/common';
import { isFutureDay } from '../../machines/calendar/dutch-day';
import { guideRefOf, stateMapFaults, type ProjectContext, type StoredSnapshot } from '../../machines/participation-project';
import { asRecorderOf, type Actor } from '../auth/roles';
import { ApiError, toBlockerView } from '../common/api-error';
import { ProjectRepository } from '../database/project.repository';
import { GuideWorkflow, type GuideMigration } from '../workflow/guide-workflow.service';
import type { GuideMigrationDto } from './dto/guide-migration.dto';
import { GuidesService } from './guides.service';

export interface MigrationRow {
  projectId: string;
  title: string;
  from: { version: number; sha256: string };
  stateBefore: string;
  /** `would-move` in a dry run, `moved` when carried out; `unchanged` when it already was on the version (a run repeated). */
  outcome: 'would-move' | 'moved' | 'unchanged' | 'refused';
  stateAfter: string | null;
  /** For a refusal: why, as a code and a sentence. */
  code?: string;
  message?: string;
  messageNl?: string;
  /** In a dry run: the steps it could take next under the new version, each with what blocks it. */
  nextSteps?: Array<{ event: string; requiredBody: string | null; blockers: ReturnType<typeof toBlockerView>[] }>;
  lapsedGreenLights?: unknown[];
}

/**
 * Issue 20: running projects moved to a newer version of their guide by a recorded decision,
 * each in its own unit of work; a dry run first lists what would happen to each.
 */
@Injectable()
export class GuideMigrationsService {
  constructor(
    private readonly guides: GuidesService,
    private readonly projects: ProjectRepository,
    private readonly workflow: GuideWorkflow,
  ) {}

  async migrate(guideId: string, version: number, input: GuideMigrationDto, actor: Actor, now = new Date()): Promise<{ guide: { id: string; version: number; sha256: string }; dryRun: boolean; projects: MigrationRow[] }> {
    const dryRun = input.dryRun === true;
    // Carrying out a decision reads what is published now; a dry run may lag another instance by seconds.
    if (!dryRun) await this.guides.reload();
    const { document: to, view } = this.guides.version(guideId, version);
    const toRef = { id: view.id, version: view.version, sha256: view.sha256 };
    const stateMap = input.stateMap ?? {};
    const older = this.guides.versionsOf(guideId).filter((v) => v.version < version).map((v) => this.guides.version(guideId, v.version).document);
    const mapFaults = stateMapFaults(older, to, stateMap);
    if (mapFaults.length > 0) throw new ApiError(422, 'state-map-invalid', 'The stateMap names steps the versions do not have; see errors.', { errors: mapFaults.map((f) => ({ path: f.path, message: f.message.en, messageNl: f.message.nl })) });
    let recorder = actor;
    if (!dryRun) {
      if (!input.decision) throw new ApiError(422, 'migration-decision-required', 'Moving running projects to another version needs the recorded decision: decision { body, decidedOn, reference }.', { errors: [{ path: 'decision', message: 'required without dryRun' }] });
      if (isFutureDay(input.decision.decidedOn, now)) throw new ApiError(422, 'decision-in-future', `decidedOn ${input.decision.decidedOn} lies in the future.`);
      recorder = asRecorderOf(input.decision.body, actor);
    }
    const migration: GuideMigration = { to, toRef, stateMap };
    const rows: MigrationRow[] = [];
    for (const project of await this.projects.pinnedProjects()) {
      const context = (JSON.parse(project.snapshot) as StoredSnapshot).context as ProjectContext;
      const from = guideRefOf(context);
      if (from.id !== guideId || from.version >= version) continue;
      const base = { projectId: project.id, title: project.title, from: { version: from.version, sha256: from.sha256 }, stateBefore: project.state };
      if (dryRun) {
        const { plan, nextSteps } = await this.workflow.dryRun(project, migration, now);
        rows.push(plan.outcome === 'move'
          ? { ...base, outcome: 'would-move', stateAfter: plan.stateAfter, nextSteps: nextSteps.map((s) => ({ event: s.event, requiredBody: s.requiredBody, blockers: s.blockers.map(toBlockerView) })), ...(plan.lapsed.length > 0 && { lapsedGreenLights: plan.lapsed }) }
          : plan.outcome === 'refused' ? { ...base, outcome: 'refused', stateAfter: null, code: plan.code, message: plan.message.en, messageNl: plan.message.nl } : { ...base, outcome: 'unchanged', stateAfter: plan.stateBefore });
        continue;
      }
      try {
        const plan = await this.workflow.migrate(project.id, migration, input.decision!, recorder, now);
        rows.push(plan.outcome === 'move' ? { ...base, outcome: 'moved', stateAfter: plan.stateAfter, ...(plan.lapsed.length > 0 && { lapsedGreenLights: plan.lapsed }) } : { ...base, outcome: 'unchanged', stateAfter: plan.stateBefore });
      } catch (error) {
        // One project refused (no mapping, ended, moved meanwhile) is reported; the others still move.
        if (!(error instanceof ApiError)) throw error;
        rows.push({ ...base, outcome: 'refused', stateAfter: null, code: error.code, message: error.message, ...(typeof error.details.messageNl === 'string' && { messageNl: error.details.messageNl }) });
      }
    }
    return { guide: toRef, dryRun, projects: rows };
  }
}
