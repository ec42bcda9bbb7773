import { Injectable } from '@nestjs/common';
import { dutchDay } from '../../machines/calendar/dutch-day';
import type { DecisionPublication } from '../../machines/participation-project';
import { AuditService } from '../audit/audit.service';
import { ReminderRepository } from '../database/reminder.repository';
import { ProjectFileService } from '../project-file/project-file.service';
import type { ProjectView } from '../projects/project.view';
import { ProjectsService } from '../projects/projects.service';
import { AccountabilityService } from './accountability.service';
import { fromTrail, type GreenLightFact, type ParticipationAccount } from './participation-account';

/**
 * What residents may read of a project whose page is public: what it is about, the level per
 * phase, the decisions taken, a running terinzagelegging, the milestones ahead and, once the
 * process manager wrote its closing text, the participation account. Nothing about residents:
 * no sender of a zienswijze, no name from the file but the municipality's own groups.
 */
export interface PublicProject {
  project: Pick<ProjectView, 'id' | 'title' | 'description' | 'publicContact' | 'state' | 'levels' | 'slug'>;
  decisions: GreenLightFact[];
  inspection: { laidOpenOn: string; endsOn: string; publishedIn: string; procedure: string; running: boolean } | null;
  milestones: Array<{ title: string; dueAt: string }>;
  /** Each decision made known, and until when objection or appeal is open (Awb art. 3:40–3:45, 6:7, 6:8). */
  publications: Array<Pick<DecisionPublication, 'reference' | 'publishedOn' | 'publishedIn' | 'laidOpenOn' | 'remedy' | 'appeal'>>;
  /** For an application not yet decided: the last day to decide on it (Omgevingswet art. 16.64 lid 1). */
  decideBy: { endsOn: string; source: string; sourceNl: string } | null;
  account: ParticipationAccount | null;
}

@Injectable()
export class PublicProjectsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly file: ProjectFileService,
    private readonly accountability: AccountabilityService,
    private readonly reminders: ReminderRepository,
  ) {}

  /** One project's page; its calendar and feed leave the account out, which they do not show. */
  async page(slug: string, { withAccount = true, now = new Date() } = {}): Promise<PublicProject> {
    return this.describe(await this.projects.publicBySlug(slug), now, withAccount);
  }

  /** Every public project, for the index, the calendar and the feed: without the account, which none of them shows. */
  async all(now = new Date()): Promise<PublicProject[]> {
    return Promise.all((await this.projects.publicProjects()).map((p) => this.describe(p, now, false)));
  }

  private async describe(view: ProjectView, now: Date, withAccount: boolean): Promise<PublicProject> {
    const [trail, file, milestones] = await Promise.all([
      this.audit.timeline(view.id),
      this.file.whole(view.id),
      // Only what residents may see: the owner's own to-dos stay internal (issue 19).
      this.reminders.milestonesOf(view.id, { public: true, after: now.toISOString() }),
    ]);
    // The account goes public only once the process manager wrote its closing text.
    const account = withAccount ? await this.accountability.accountOf(view, trail, file) : null;
    const today = dutchDay(now);
    const decisions = fromTrail(trail).greenLights.filter((g) => g.outcome === 'approved');
    const term = view.decisionTerm;
    const undecided = !decisions.some((d) => d.step === 'DECISION_TAKEN');
    return {
      project: { id: view.id, title: view.title, description: view.description, publicContact: view.publicContact, state: view.state, levels: view.levels, slug: view.slug },
      decisions,
      inspection: file.inspection && { laidOpenOn: file.inspection.laidOpenOn, endsOn: file.inspection.endsOn, publishedIn: file.inspection.publishedIn, procedure: file.inspection.procedure, running: file.inspection.laidOpenOn <= today && today <= file.inspection.endsOn },
      milestones: milestones.map((m) => ({ title: m.title, dueAt: m.dueAt })),
      publications: view.publications.map(({ reference, publishedOn, publishedIn, laidOpenOn, remedy, appeal }) => ({ reference, publishedOn, publishedIn, laidOpenOn, remedy, appeal })),
      decideBy: term?.status === 'running' && undecided ? { endsOn: term.endsOn, source: term.source, sourceNl: term.sourceNl } : null,
      account: account?.closingText ? account : null,
    };
  }
}
