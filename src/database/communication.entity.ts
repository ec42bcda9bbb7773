import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A contact with participants: newsletter, meeting, letter, site update, e-mail ... */
@Entity('communications')
@Index(['projectId', 'occurredAt'])
export class CommunicationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @Column({ name: 'occurred_at', type: 'varchar', length: 30 })
  occurredAt!: string;

  @Column({ type: 'varchar', length: 40 })
  channel!: string;

  @Column({ type: 'varchar', length: 200 })
  audience!: string;

  @Column({ type: 'text' })
  summary!: string;

  /** Set when this communication told participants the level of a phase (§1.3). */
  @Column({ name: 'announces_phase', type: 'varchar', length: 20, nullable: true })
  announcesPhase!: string | null;

  @Column({ name: 'announces_level', type: 'varchar', length: 20, nullable: true })
  announcesLevel!: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy!: string;

  @Column({ name: 'recorded_by_role', type: 'varchar', length: 40 })
  recordedByRole!: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt!: string;
}
