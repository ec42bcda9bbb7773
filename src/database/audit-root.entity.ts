import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A root hash over every project's chain head at one moment, with the heads it covers (JSON). */
@Entity('audit_roots')
export class AuditRootEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'computed_at', type: 'varchar', length: 30 })
  computedAt!: string;

  @Column({ type: 'varchar', length: 64 })
  root!: string;

  @Column({ type: 'integer' })
  projects!: number;

  /** `[{ projectId, seq, hash }]`, ordered by project id. */
  @Column({ type: 'text' })
  heads!: string;
}
