import { Injectable } from '@nestjs/common';
import { PersonalDataRepository } from '../database/personal-data.repository';
import { applicantAccountMissing, assessQuickScan, commitmentMissing, type ApplicantParticipationAccount, type ChallengeAgreement, type ChallengeAssessment, type RaadInformation, type GreenLightRequest, inspectionProcedure, inspraakOf, evaluationMissing, type Evaluation, planMissingParts, planWarnings, termWarnings, type Commitment, type Plan, type QuickScan } from '../../machines/participation-project';
import type { WooItem } from '../../machines/publication/woo';
import { ApiError } from '../common/api-error';
import type { DocumentKind, ProjectDocumentEntity, StakeholderEntity } from '../database/interaction.entities';
import { FileRepository } from '../database/file.repository';
import type { ProjectEntity } from '../database/project.entity';
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

/** A document the API was asked for, or 404 when the project has none yet. */
function required<T>(document: T | null, kind: DocumentKind, what: string): T {
  if (!document) throw new ApiError(404, `${kind}-not-found`, `This project has no ${what} yet.`);
  return document;
}

/** Reads of the project's file; writes go through src/workflow. */
/** A project's whole file as one page reads it. */
export type ProjectFile = Awaited<ReturnType<ProjectFileService['whole']>>;

@Injectable()
export class ProjectFileService {
  constructor(
    private readonly files: FileRepository,
    private readonly projects: ProjectsService,
    private readonly personalData: PersonalDataRepository,
  ) {}

  /** Every version, newest first. */
  async versions<T>(projectId: string, kind: DocumentKind): Promise<Array<DocumentVersionView<T>>> {
    await this.projects.find(projectId);
    return this.versionsOf<T>(projectId, kind);
  }

  async quickScan(projectId: string) {
    return required(await this.quickScanOf(await this.projects.find(projectId)), 'quick-scan', 'quick scan');
  }

  async commitment(projectId: string) {
    return required(await this.commitmentOf(await this.projects.find(projectId)), 'commitment', 'formal commitment');
  }

  /** Every moment the raad was informed (§2.4), oldest first, with its cycle. */
  async raadInformation(projectId: string): Promise<RaadInformation[]> {
    return (await this.latestOf<{ items: RaadInformation[] }>((await this.projects.find(projectId)).id, 'raad-informed'))?.data.items ?? [];
  }

  /** Every request for a green light (issue 19), oldest first, with its cycle. */
  async greenLightRequests(projectId: string): Promise<GreenLightRequest[]> {
    return (await this.latestOf<{ items: GreenLightRequest[] }>((await this.projects.find(projectId)).id, 'green-light-requests'))?.data.items ?? [];
  }

  /** Every item marked for active publication (Woo), withdrawn ones with their reason, oldest first. */
  async wooItems(projectId: string): Promise<WooItem[]> {
    return (await this.latestOf<{ items: WooItem[] }>((await this.projects.find(projectId)).id, 'woo-publications'))?.data.items ?? [];
  }

  /** Every version of every document in the file, by kind, oldest first: for the archive package. */
  async everyVersion(projectId: string): Promise<Array<DocumentVersionView<unknown> & { kind: DocumentKind }>> {
    const project = await this.projects.find(projectId);
    return (await this.files.allDocuments(project.id)).map((d) => ({ kind: d.kind as DocumentKind, ...versionView<unknown>(d) }));
  }

  /** Every item the municipality publishes (Woo) and has not withdrawn, across its projects: what the Woo-index harvests. */
  async publishedWooItems(): Promise<Array<{ project: { id: string; title: string }; item: WooItem }>> {
    return (await this.files.latestOfEveryProject('woo-publications')).flatMap((d) =>
      (JSON.parse(d.data) as { items: WooItem[] }).items.filter((item) => !item.withdrawn).map((item) => ({ project: { id: d.projectId, title: d.title }, item })),
    );
  }

  /** The latest version of a document, or null: for reports that read several parts of the file. */
  async latest<T>(projectId: string, kind: DocumentKind) {
    return this.latestOf<T>((await this.projects.find(projectId)).id, kind);
  }

  async challengeAssessment(projectId: string) {
    return required(await this.latestOf<ChallengeAssessment>((await this.projects.find(projectId)).id, 'challenge-assessment'), 'challenge-assessment', 'challenge assessment');
  }

  async challengeAgreement(projectId: string) {
    return required(await this.latestOf<ChallengeAgreement>((await this.projects.find(projectId)).id, 'challenge-agreement'), 'challenge-agreement', 'challenge agreement');
  }

  /** Who brought the initiative, as last recorded; its name and address are null once erased. */
  async initiator(projectId: string): Promise<{ name: string | null; email: string | null; recordedAt: string; erased: boolean }> {
    const project = await this.projects.find(projectId);
    const latest = await this.personalData.latest(null, project.id, 'initiator');
    if (!latest) throw new ApiError(404, 'initiator-not-found', 'No initiator was recorded for this project.');
    const value = latest.value === null ? null : (JSON.parse(latest.value) as { name: string; email?: string });
    return { name: value?.name ?? null, email: value?.email ?? null, recordedAt: latest.recordedAt, erased: value === null };
  }

  /** Where to answer the zienswijzen given on the public page (issue 19), by registration number; gone once erased. */
  async reactionContacts(projectId: string): Promise<Map<number, { address: string; email?: string }>> {
    const project = await this.projects.find(projectId);
    const values = await this.personalData.values(null, project.id, 'reaction-contact');
    return new Map(values.map((v) => JSON.parse(v) as { number: number; address: string; email?: string }).map(({ number, ...contact }) => [number, contact]));
  }

  async applicantAccount(projectId: string) {
    const latest = await this.latestOf<ApplicantParticipationAccount>((await this.projects.find(projectId)).id, 'applicant-account');
    return required(latest && { ...latest, missing: applicantAccountMissing(latest.data) }, 'applicant-account', 'applicant’s account of participation');
  }

  async evaluation(projectId: string) {
    const project = await this.projects.find(projectId);
    const latest = await this.latestOf<Evaluation>(project.id, 'evaluation');
    const plan = await this.latestOf<Plan>(project.id, 'plan');
    return required(latest && { ...latest, missing: evaluationMissing(latest.data, plan?.data ?? null) }, 'evaluation', 'evaluation');
  }

  async plan(projectId: string) {
    return required(await this.planOf(await this.projects.find(projectId)), 'plan', 'plan of approach');
  }

  async stakeholderList(projectId: string): Promise<StakeholderEntity[]> {
    return this.stakeholdersOf(await this.projects.find(projectId));
  }

  /** The inspection of the current cycle, with its reactions (oldest first). */
  async inspection(projectId: string) {
    const project = await this.projects.find(projectId);
    const inspection = await this.inspectionOf(project);
    if (!inspection) throw new ApiError(404, 'inspection-not-found', 'Nothing lies open for inspection in this cycle.');
    return { ...inspection, withdrawn: await this.withdrawnOf(project) };
  }

  /** The terinzageleggingen of the cycle withdrawn after a faulty kennisgeving, oldest first. */
  private async withdrawnOf(project: ProjectEntity) {
    const withdrawn = await this.files.inspectionsOf(project.id, project.cycle, true);
    return withdrawn.map(({ id, laidOpenOn, publishedIn, endsOn, withdrawnOn, withdrawalReason }) => ({ id, laidOpenOn, publishedIn, endsOn, withdrawnOn: withdrawnOn!, withdrawalReason: withdrawalReason! }));
  }

  /** The whole file for one page, the project looked up once; a document not written yet is null. */
  async whole(projectId: string) {
    return this.fileOf(await this.projects.find(projectId));
  }

  /**
   * The Dossier page's file: the whole file, the evaluation, and for an initiative its own part
   * (the applicant's account, a challenge's assessment and agreement), the project looked up once.
   */
  async dossier(projectId: string) {
    const project = await this.projects.find(projectId);
    const file = await this.fileOf(project);
    const evaluation = await this.latestOf<Evaluation>(project.id, 'evaluation');
    const initiative = project.origin === 'initiative' ? await this.initiativeOf(project) : null;
    return { ...file, evaluation: evaluation && { ...evaluation, missing: evaluationMissing(evaluation.data, file.plan?.data ?? null) }, initiative };
  }

  private async initiativeOf(project: ProjectEntity) {
    const [account, assessment, agreement] = await Promise.all([
      this.latestOf<ApplicantParticipationAccount>(project.id, 'applicant-account'),
      this.latestOf<ChallengeAssessment>(project.id, 'challenge-assessment'),
      this.latestOf<ChallengeAgreement>(project.id, 'challenge-agreement'),
    ]);
    return { account: account && { ...account, missing: applicantAccountMissing(account.data) }, assessment, agreement };
  }

  private async fileOf(project: ProjectEntity) {
    const [quickScan, commitment, plan, stakeholders, inspection, withdrawnInspections] = await Promise.all([
      this.quickScanOf(project),
      this.commitmentOf(project),
      this.planOf(project),
      this.stakeholdersOf(project),
      this.inspectionOf(project),
      this.withdrawnOf(project),
    ]);
    // The inspraak binds on either route (§1.4 with afdeling 3.4 Awb): the plan's, else the one recorded with the quick scan.
    const inspraak = inspraakOf(plan?.data ?? null, quickScan?.data ?? null);
    return { quickScan, commitment, plan, stakeholders, inspection, withdrawnInspections, inspraak, inspectionProcedure: inspectionProcedure(plan?.data ?? null, quickScan?.data ?? null) };
  }

  private async versionsOf<T>(projectId: string, kind: DocumentKind): Promise<Array<DocumentVersionView<T>>> {
    return (await this.files.documentVersions(projectId, kind)).map((d) => versionView<T>(d));
  }

  private async latestOf<T>(projectId: string, kind: DocumentKind): Promise<DocumentVersionView<T> | null> {
    const latest = await this.files.latestDocument(null, projectId, kind);
    return latest ? versionView<T>(latest) : null;
  }

  private async quickScanOf(project: ProjectEntity) {
    const latest = await this.latestOf<QuickScan>(project.id, 'quick-scan');
    return latest && { ...latest, assessment: assessQuickScan(latest.data) };
  }

  private async commitmentOf(project: ProjectEntity) {
    const latest = await this.latestOf<Commitment>(project.id, 'commitment');
    return latest && { ...latest, missing: commitmentMissing(latest.data) };
  }

  private async planOf(project: ProjectEntity) {
    const [latest, ...older] = await this.versionsOf<Plan>(project.id, 'plan');
    if (!latest) return null;
    const adoptedVersion = [latest, ...older].find((v) => v.adoptedAt)?.version ?? null;
    return { ...latest, missingParts: planMissingParts(latest.data), warnings: planWarnings(latest.data), adoptedVersion };
  }

  private stakeholdersOf(project: ProjectEntity): Promise<StakeholderEntity[]> {
    return this.files.stakeholdersOf(project.id);
  }

  /** The terinzagelegging of the cycle that stands (a withdrawn one does not), with its reactions. */
  private async inspectionOf(project: ProjectEntity) {
    const [inspection] = await this.files.inspectionsOf(project.id, project.cycle, false);
    if (!inspection) return null;
    return { ...inspection, warnings: termWarnings(inspection.endsOn), reactions: await this.files.reactionsOf(inspection.id) };
  }
}
