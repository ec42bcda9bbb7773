import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A project's current state: the machine snapshot plus what lists and filters need. */
@Entity('projects')
export class ProjectEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 20 })
  origin!: string;

  @Column({ name: 'political_sensitivity', type: 'varchar', length: 10 })
  politicalSensitivity!: string;

  /** Dotted state path, e.g. `policyCycle.preparation.advice`; derived from the snapshot, kept for filtering. */
  @Index()
  @Column({ type: 'varchar', length: 100 })
  state!: string;

  @Column({ type: 'integer' })
  cycle!: number;

  /** JSON of the stored machine snapshot. */
  @Column({ type: 'text' })
  snapshot!: string;

  /** +1 on every state change; a transition only commits when it still matches. */
  @Column({ type: 'integer' })
  version!: number;

  /** Head of the audit chain, so the next entry needs no extra read. */
  @Column({ name: 'audit_seq', type: 'integer' })
  auditSeq!: number;

  @Column({ name: 'audit_hash', type: 'varchar', length: 64 })
  auditHash!: string;

  /** Days without communication before a reminder; 0 switches reminders off. */
  @Column({ name: 'silence_window_days', type: 'integer', default: 14 })
  silenceWindowDays!: number;

  /** The silence clock (see machines/silence): since when, reminders sent, next deadline. */
  @Column({ name: 'silence_since', type: 'varchar', length: 30, nullable: true })
  silenceSince!: string | null;

  /** The end of the allowed silence (since + window): overdue from then until someone communicates. */
  @Index('IDX_projects_silence_allowed_until')
  @Column({ name: 'silence_allowed_until', type: 'varchar', length: 30, nullable: true })
  silenceAllowedUntil!: string | null;

  /** Whether residents may read the project's public page (opt-in), at /openbaar/<slug>. */
  @Column({ type: 'boolean', default: false })
  public!: boolean;

  @Index('IDX_projects_slug', { unique: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  slug!: string | null;

  /** The owner counts silence even where the plan sets no interaction (level "none", §1.3). */
  @Column({ name: 'silence_always', type: 'boolean', default: false })
  silenceAlways!: boolean;

  @Column({ name: 'silence_level', type: 'integer', default: 0 })
  silenceLevel!: number;

  @Index()
  @Column({ name: 'silence_deadline', type: 'varchar', length: 30, nullable: true })
  silenceDeadline!: string | null;

  @Column({ name: 'last_communication_at', type: 'varchar', length: 30, nullable: true })
  lastCommunicationAt!: string | null;

  /** Who gets the reminders: the process manager, and on escalation also the commissioning administrator. */
  @Column({ name: 'owner_email', type: 'varchar', length: 320, nullable: true })
  ownerEmail!: string | null;

  @Column({ name: 'administrator_email', type: 'varchar', length: 320, nullable: true })
  administratorEmail!: string | null;

  /** The bodies whose decision the project waits for, as ",college,raad," (null: none); the werkvoorraad filters on it in SQL. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  awaiting!: string | null;

  /** Whom residents can contact about the project, as its public page says it (issue 19). */
  @Column({ name: 'public_contact', type: 'varchar', length: 500, nullable: true })
  publicContact!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  /** The creator's identity (the token's subject): "mijn projecten" (issue 19). Null for projects created before it was kept. */
  @Column({ name: 'created_by_subject', type: 'varchar', length: 200, nullable: true })
  createdBySubject!: string | null;

  // Times are ISO-8601 UTC text: identical on SQLite and PostgreSQL, and hashed as stored.
  @Index()
  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt!: string;
}

/** The `awaiting` column's value for these bodies: ",college,raad,", or null for none. */
export function awaitingColumn(bodies: readonly string[]): string | null {
  return bodies.length > 0 ? `,${bodies.join(',')},` : null;
}

/** The LIKE pattern that finds the projects awaiting one body. */
export const awaitingPattern = (body: string) => `%,${body},%`;
