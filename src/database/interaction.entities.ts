import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { InspraakProcedure } from '../../machines/interaction/catalogue';

/** One version of a document in a project's file: the quick scan, the commitment or the plan of approach (JSON). */
@Entity('project_documents')
export class ProjectDocumentEntity {
  @PrimaryColumn({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: DocumentKind;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  data!: string;

  @Column({ name: 'change_reason', type: 'varchar', length: 2000, nullable: true })
  changeReason!: string | null;

  /** Set on the plan version that ADOPT_PLAN adopted. */
  @Column({ name: 'adopted_at', type: 'varchar', length: 30, nullable: true })
  adoptedAt!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}

export type DocumentKind = 'quick-scan' | 'commitment' | 'plan' | 'evaluation' | 'challenge-assessment' | 'applicant-account' | 'raad-informed' | 'account-closing' | 'woo-publications' | 'decision-notices' | 'challenge-agreement' | 'green-light-requests';

/** A stakeholder group (§1.5). */
@Entity('stakeholders')
export class StakeholderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  domain!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  @Column({ name: 'own_kind', type: 'varchar', length: 200, nullable: true })
  ownKind!: string | null;

  @Column({ type: 'text' })
  approach!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}

/** The draft decision laid open for inspection (afdeling 3.4 Awb), once per cycle. */
@Entity('inspections')
export class InspectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @Column({ type: 'integer' })
  cycle!: number;

  @Column({ name: 'laid_open_on', type: 'varchar', length: 10 })
  laidOpenOn!: string;

  @Column({ name: 'nominal_end', type: 'varchar', length: 10 })
  nominalEnd!: string;

  @Column({ name: 'ends_on', type: 'varchar', length: 10 })
  endsOn!: string;

  @Column({ name: 'published_in', type: 'varchar', length: 500 })
  publishedIn!: string;

  /** The rules the draft lay open under (§1.4): afdeling 3.4 Awb, the inspraakverordening, or a procedure the college set. */
  @Column({ type: 'varchar', length: 20, default: 'awb-3.4' })
  procedure!: InspraakProcedure;

  @Column({ name: 'term_days', type: 'integer', default: 42 })
  termDays!: number;

  /** The collegebesluit that set a deviating procedure (form f). */
  @Column({ name: 'procedure_reference', type: 'varchar', length: 200, nullable: true })
  procedureReference!: string | null;

  /** Whether a letter posted within the term counts when it arrives in the week after (art. 3:16 lid 3 with 6:9 lid 2 Awb). */
  @Column({ name: 'postal_week', type: 'boolean', default: false })
  postalWeek!: boolean;

  /** The statute or ordinance that sets a term longer than six weeks (art. 3:16 lid 1 Awb). */
  @Column({ name: 'term_source', type: 'varchar', length: 200, nullable: true })
  termSource!: string | null;

  /** A faulty kennisgeving: the day this terinzagelegging was withdrawn, and why; the draft is then laid open anew. */
  @Column({ name: 'withdrawn_on', type: 'varchar', length: 10, nullable: true })
  withdrawnOn!: string | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 2000, nullable: true })
  withdrawalReason!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}

/** A reaction (zienswijze) on the draft, and the municipality's answer. */
@Entity('reactions')
export class ReactionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'inspection_id', type: 'varchar', length: 36 })
  inspectionId!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  /** The registration number it got when entered, per project; it never changes (issue 19). */
  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'received_on', type: 'varchar', length: 10 })
  receivedOn!: string;

  /** How it came in: letter, email, web or oral; null for reactions recorded before this was asked. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  channel!: string | null;

  /** A letter's postmark: posted within the term, it counts when received within the week after (art. 6:9 lid 2 Awb). */
  @Column({ name: 'posted_on', type: 'varchar', length: 10, nullable: true })
  postedOn!: string | null;

  /** The short report (verslag) of an oral zienswijze (art. 3:15 lid 2 Awb). */
  @Column({ type: 'text', nullable: true })
  report!: string | null;

  @Column({ type: 'varchar', length: 200 })
  sender!: string;

  /** An organisation is named in the public nota van beantwoording; a private person only numbered (AVG). */
  @Column({ name: 'sender_is_organisation', type: 'boolean', default: false })
  senderIsOrganisation!: boolean;

  @Column({ type: 'text' })
  summary!: string;

  /** Received after the term ended: registered, not refused. */
  @Column({ type: 'boolean' })
  late!: boolean;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_on', type: 'varchar', length: 10, nullable: true })
  answeredOn!: string | null;

  /** Whether the answer changed the draft decision (the nota van beantwoording says so per reaction). */
  @Column({ name: 'changed_draft', type: 'boolean', nullable: true })
  changedDraft!: boolean | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}
