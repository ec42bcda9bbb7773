import { Inject, Injectable } from '@nestjs/common';
import { awaitedBodies, nextSteps, planMigration, type NextStep, plannedLevel, storeProject, type GuideDocument, type GuideRef, type MigrationPlan, type StoredSnapshot } from '../../machines/participation-project';
import { silenceCounted } from '../../machines/silence/silence.rules';
import type { Actor } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DecisionRepository } from '../database/decision.repository';
import { FileRepository } from '../database/file.repository';
import { awaitingColumn, type ProjectEntity } from '../database/project.entity';
import { loadProjectFiles } from './dossier';
import type { TrailPayloads } from './trail-payloads';
import { ANY_STATE, UnitOfWork } from './unit-of-work';
import { syncSilence, toGreenLight } from './workflow.service';

/** The recorded decision a migration is carried out under: the body, its day, its number. */
export interface MigrationDecision {
  body: 'college' | 'raad';
  decidedOn: string;
  reference: string;
}

export interface GuideMigration {
  to: GuideDocument;
  toRef: GuideRef;
  stateMap: Readonly<Record<string, string>>;
}

/**
 * Issue 20: a project moved to another version of its guide, in its own unit of work. The plan is
 * made again on the locked row, so what is carried out is what holds now; the trail's entry names
 * both versions, both hashes, the decision, the states before and after, and the green lights that lapsed.
 */
@Injectable()
export class GuideWorkflow {
  private readonly dayMs: number;

  constructor(
    private readonly units: UnitOfWork,
    private readonly decisions: DecisionRepository,
    private readonly files: FileRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.dayMs = config.reminders.dayMs;
  }

  /** What the migration would do to one project, read without changing it: with the steps it could then take, and what blocks them. */
  async dryRun(project: ProjectEntity, migration: GuideMigration, now: Date): Promise<{ plan: MigrationPlan; nextSteps: NextStep[] }> {
    const open = (await this.decisions.open(null, project.id, project.cycle)).map(toGreenLight);
    const plan = planMigration(JSON.parse(project.snapshot) as StoredSnapshot, migration.to, migration.toRef, migration.stateMap, open);
    if (plan.outcome !== 'move') return { plan, nextSteps: [] };
    const file = (await loadProjectFiles(this.files, null, [project], now)).get(project.id)!;
    return { plan, nextSteps: nextSteps(plan.snapshot, open, file.dossier, file.requests) };
  }

  migrate(projectId: string, migration: GuideMigration, decision: MigrationDecision, actor: Actor, now = new Date()): Promise<MigrationPlan> {
    return this.units.withProject(projectId, actor, ANY_STATE, async (unit) => {
      const { manager, project, at } = unit;
      const open = (await this.decisions.open(manager, project.id, project.cycle)).map(toGreenLight);
      const plan = planMigration(JSON.parse(project.snapshot) as StoredSnapshot, migration.to, migration.toRef, migration.stateMap, open);
      if (plan.outcome === 'refused') throw new ApiError(409, plan.code, plan.message.en, { messageNl: plan.message.nl });
      if (plan.outcome === 'unchanged') return plan;
      unit.audit('guide-migrated', {
        from: plan.from,
        to: plan.to,
        decision,
        stateBefore: plan.stateBefore,
        stateAfter: plan.stateAfter,
        ...(plan.lapsed.length > 0 && { lapsedGreenLights: plan.lapsed }),
      } satisfies TrailPayloads['guide-migrated']);
      const next = plan.snapshot;
      Object.assign(project, { state: plan.stateAfter, snapshot: JSON.stringify(storeProject(next)), version: project.version + 1 });
      const file = (await loadProjectFiles(this.files, manager, [project], now)).get(project.id)!;
      // The new version may count silence in other steps (countsSilence).
      syncSilence(unit, silenceCounted(plan.stateAfter, plannedLevel(plan.stateAfter, file.dossier), project.silenceAlways, next.context), at, this.dayMs);
      project.awaiting = awaitingColumn(awaitedBodies(plan.stateAfter, next.context, open, file.requests));
      return plan;
    }, now);
  }
}
