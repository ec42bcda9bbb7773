import type { EntityManager } from '../database/transaction-runner';
import type { GreenLightRequest, ApplicantParticipationAccount, ChallengeAgreement, ChallengeAssessment, Commitment, Dossier, RaadInformation, Evaluation, Level, Phase, Plan, QuickScan } from '../../machines/participation-project';
import type { DocumentKind, ProjectDocumentEntity } from '../database/interaction.entities';
import type { ProjectEntity } from '../database/project.entity';
import { dutchDay } from '../../machines/calendar/dutch-day';
import type { FileRepository } from '../database/file.repository';

/** A project's file: the facts the guide's rules judge, and the latest version of each document. */
export interface ProjectFile {
  dossier: Dossier;
  documents: Partial<Record<DocumentKind, ProjectDocumentEntity>>;
  /** The requests for a green light in the current cycle (issue 19), oldest first. */
  requests: GreenLightRequest[];
}


/** The files of many projects in three queries, whatever their number (no N+1). */
export async function loadProjectFiles(store: FileRepository, manager: EntityManager | null, projects: readonly ProjectEntity[], now: Date): Promise<Map<string, ProjectFile>> {
  const ids = projects.map((p) => p.id);
  // One after another: inside a transaction on PostgreSQL they share one client, which runs one query at a time (pg deprecates queueing them).
  const documents = await store.latestDocuments(manager, ids);
  const announcements = await store.announcements(manager, ids);
  const inspections = await store.inspections(manager, ids);
  const today = dutchDay(now);
  return new Map(
    projects.map((project) => {
      const mine = Object.fromEntries(documents.filter((d) => d.projectId === project.id).map((d) => [d.kind, d])) as ProjectFile['documents'];
      const data = <T>(kind: DocumentKind) => documentData<T>(mine, kind);
      const inspection = inspections.find((i) => i.projectId === project.id && i.cycle === project.cycle);
      const dossier: Dossier = {
        quickScan: data<QuickScan>('quick-scan'),
        commitment: data<Commitment>('commitment'),
        plan: data<Plan>('plan'),
        announcements: announcements.filter((a) => a.projectId === project.id).map((a) => ({ phase: a.phase as Phase, level: a.level as Level })),
        inspection: inspection ? { endsOn: inspection.endsOn, postalWeek: inspection.postalWeek } : null,
        unansweredReactions: inspection?.unanswered ?? 0,
        lastAnsweredOn: inspection?.lastAnsweredOn ?? null,
        recordedOn: { quickScan: recordedDay(mine['quick-scan']), plan: recordedDay(mine.plan) },
        evaluation: ofCycle(data<Evaluation & { cycle?: number }>('evaluation'), project.cycle),
        raadInformed: (data<{ items: RaadInformation[] }>('raad-informed')?.items ?? []).filter((i) => i.cycle === project.cycle),
        challengeAssessment: data<ChallengeAssessment>('challenge-assessment'),
        challengeAgreement: data<ChallengeAgreement>('challenge-agreement'),
        applicantAccount: data<ApplicantParticipationAccount>('applicant-account'),
        today,
      };
      return [project.id, { dossier, documents: mine, requests: requestsOfCycle(mine, project.cycle) }];
    }),
  );
}

/** The green-light requests of one cycle, from the file's document that keeps them all. */
export function requestsOfCycle(documents: ProjectFile['documents'], cycle: number): GreenLightRequest[] {
  return (documentData<{ items: GreenLightRequest[] }>(documents, 'green-light-requests')?.items ?? []).filter((r) => r.cycle === cycle);
}

/** The Dutch day a document's latest version was recorded. */
function recordedDay(document: ProjectDocumentEntity | undefined): string | undefined {
  return document ? dutchDay(new Date(document.createdAt)) : undefined;
}

/** An evaluation looks back on one cycle: the one of an earlier cycle does not count. */
function ofCycle<T extends { cycle?: number }>(evaluation: T | null, cycle: number): T | null {
  return evaluation?.cycle === cycle ? evaluation : null;
}

/** The latest version of one document of a file, as data; null when it was never written. */
export function documentData<T>(documents: ProjectFile['documents'], kind: DocumentKind): T | null {
  const document = documents[kind];
  return document ? (JSON.parse(document.data) as T) : null;
}
