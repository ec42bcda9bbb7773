import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A recorded decision (green light or rejection) of the college or the raad for one gate in one cycle. */
@Entity('decisions')
@Index(['projectId', 'gate', 'cycle'])
export class DecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  /** The event this decision is for. */
  @Column({ type: 'varchar', length: 40 })
  gate!: string;

  @Column({ type: 'integer' })
  cycle!: number;

  @Column({ type: 'varchar', length: 10 })
  body!: string;

  @Column({ type: 'varchar', length: 10 })
  outcome!: string;

  @Column({ name: 'decided_on', type: 'varchar', length: 10 })
  decidedOn!: string;

  @Column({ type: 'varchar', length: 100 })
  reference!: string;

  @Column({ name: 'document_url', type: 'varchar', length: 2000, nullable: true })
  documentUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy!: string;

  @Column({ name: 'recorded_by_role', type: 'varchar', length: 40 })
  recordedByRole!: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt!: string;

  /** Why the body went ahead against the quick scan's advice, where it did. */
  @Column({ type: 'text', nullable: true })
  justification!: string | null;

  /** Set when a transition used this approval; a green light opens its gate once. */
  @Column({ name: 'consumed_at', type: 'varchar', length: 30, nullable: true })
  consumedAt!: string | null;

  @Column({ name: 'consumed_by_audit_seq', type: 'integer', nullable: true })
  consumedByAuditSeq!: number | null;
}
