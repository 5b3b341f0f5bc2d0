import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A follow-up interval set for one citizen (opfølgningsinterval). Without a row the citizen
 * follows the default of their target group (cadence.rules.ts).
 */
@Entity('follow_up_interval')
export class FollowUpInterval {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_follow_up_interval' })
  citizenId!: string;

  @Column({ type: 'int' })
  days!: number;

  @Column({ type: 'varchar', length: 80 })
  setBy!: string;

  @Column({ type: 'timestamptz' })
  setAt!: Date;
}
