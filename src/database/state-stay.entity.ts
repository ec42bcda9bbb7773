import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { StateStay } from '../../machines/insight/state-stays';

/**
 * One stay of a project in a state, written with the step that ended it (a read model of the
 * trail, for insight): how long it lasted and, where a green light let the step through, how
 * long that took. The trail stays the truth; migration StateStays1764440000000 built these rows
 * from it once.
 */
@Entity('state_stays')
@Index(['leftYear'])
export class StateStayEntity implements StateStay {
  @PrimaryColumn({ name: 'project_id', type: 'varchar', length: 36 })
  projectId!: string;

  /** The audit entry of the step that ended the stay. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 100 })
  state!: string;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ name: 'entered_at', type: 'varchar', length: 30 })
  enteredAt!: string;

  @Column({ name: 'left_at', type: 'varchar', length: 30 })
  leftAt!: string;

  @Column({ type: 'real' })
  days!: number;

  /** The Dutch year the stay ended in. */
  @Column({ name: 'left_year', type: 'integer' })
  leftYear!: number;

  @Column({ name: 'green_light_body', type: 'varchar', length: 10, nullable: true })
  greenLightBody!: string | null;

  /** Days from entering the state to the day of the green light. */
  @Column({ name: 'wait_days', type: 'real', nullable: true })
  waitDays!: number | null;

  /** The levels per phase of the plan this step adopted (ADOPT_PLAN), as JSON. */
  @Column({ type: 'text', nullable: true })
  levels!: string | null;
}
