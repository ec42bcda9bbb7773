import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ReminderStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** One reminder, keyed like its BullMQ job: the database knows what went out, Redis only when. */
@Entity('reminders')
@Index(['projectId', 'dueAt'])
export class ReminderEntity {
  /** The BullMQ job id, `silence-<project>-<due in epoch ms>`: a job that runs twice finds its reminder already settled. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  @Column({ name: 'due_at', type: 'varchar', length: 30 })
  dueAt!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: ReminderStatus;

  /** JSON array of e-mail addresses. */
  @Column({ type: 'text' })
  recipients!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt!: string | null;
}
