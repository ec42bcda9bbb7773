import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Work for Redis, written in the same transaction as the change that causes it, relayed after commit. */
@Entity('outbox')
@Index(['relayedAt', 'id'])
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  topic!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;

  @Column({ name: 'relayed_at', type: 'varchar', length: 30, nullable: true })
  relayedAt!: string | null;
}
