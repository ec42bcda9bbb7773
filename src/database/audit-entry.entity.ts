import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One link of a project's append-only, hash-chained audit trail. Never updated, never deleted. */
@Entity('audit_entries')
@Index(['projectId', 'seq'], { unique: true })
@Index('IDX_audit_entries_type', ['type', 'projectId', 'seq'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'occurred_at', type: 'varchar', length: 30 })
  occurredAt!: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 200 })
  actorName!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 40 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** Canonical JSON (RFC 8785), exactly as hashed. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
