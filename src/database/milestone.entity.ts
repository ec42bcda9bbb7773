import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A dated moment in a project (a council meeting, a feedback moment), of which its owner is reminded in advance. */
@Entity('milestones')
@Index(['projectId', 'dueAt'])
export class MilestoneEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'due_at', type: 'varchar', length: 30 })
  dueAt!: string;

  @Column({ name: 'remind_days_before', type: 'integer' })
  remindDaysBefore!: number;

  /** dueAt minus remindDaysBefore days: when the reminder is due. */
  @Column({ name: 'remind_at', type: 'varchar', length: 30 })
  remindAt!: string;

  /** Set once the reminder went out (or failed for good); until then the reconciler keeps its job on the queue. */
  @Index()
  @Column({ name: 'reminded_at', type: 'varchar', length: 30, nullable: true })
  remindedAt!: string | null;

  /** The reminder goes out only while zienswijzen are unanswered (the companion of a decision milestone). */
  @Column({ name: 'only_if_unanswered', type: 'boolean', default: false })
  onlyIfUnanswered!: boolean;

  /** Residents may see it: on the public page and in its calendar (issue 19); the owner's own to-dos are not. */
  @Column({ type: 'boolean', default: false })
  public!: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}
