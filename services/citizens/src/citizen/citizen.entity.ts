import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DateScalar } from '@jobcenter/kit';
import { CitizenData } from './citizen.guard';
import { CitizenStatus, ContactChannel, TargetGroup } from './citizen.enums';

/**
 * A citizen in a course with the jobcenter (borger). The CPR number is never stored in clear:
 * `cprEncrypted` holds it under AES-256-GCM (decrypted only by the `cpr` field resolver, which
 * decides full or masked) and `cprIndex` is its HMAC blind index, for look-ups and uniqueness.
 */
@Entity('citizen')
@Index('ix_citizen_name_order', ['lastName', 'firstName', 'id'])
@ObjectType({ description: 'A citizen followed by the jobcenter (borger).' })
@Directive('@key(fields: "id")')
export class Citizen {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `cprCipher().encrypt(tenDigits, CPR_CONTEXT)`: names its key id, so keys can rotate. */
  @Column({ type: 'varchar', length: 200 })
  cprEncrypted!: string;

  /** `cprCipher().blindIndex(tenDigits)`: hex HMAC-SHA-256. */
  @Index('uq_citizen_cpr_index', { unique: true })
  @Column({ type: 'char', length: 64 })
  cprIndex!: string;

  @CitizenData()
  @Field({ description: 'First name.' })
  @Column({ type: 'varchar', length: 100 })
  firstName!: string;

  @CitizenData()
  @Field({ description: 'Last name.' })
  @Column({ type: 'varchar', length: 100 })
  lastName!: string;

  @CitizenData()
  @Field(() => DateScalar, { description: 'Date of birth, derived from the CPR number (fødselsdato).' })
  @Column({ type: 'date' })
  birthDate!: string;

  @CitizenData()
  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @CitizenData()
  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @CitizenData()
  @Field(() => ContactChannel, { description: 'How the citizen prefers to be contacted.' })
  @Column({ type: 'varchar', length: 16 })
  preferredContact!: ContactChannel;

  @CitizenData({ services: true })
  @Field(() => TargetGroup)
  @Index('ix_citizen_target_group')
  @Column({ type: 'varchar', length: 32 })
  targetGroup!: TargetGroup;

  @CitizenData({ services: true })
  @Field(() => CitizenStatus)
  @Index('ix_citizen_status')
  @Column({ type: 'varchar', length: 16 })
  status!: CitizenStatus;

  @CitizenData({ services: true })
  @Field(() => DateScalar, { description: 'Date the citizen entered the programme (indskrevet).' })
  @Column({ type: 'date' })
  enrolledAt!: string;

  @CitizenData({ services: true })
  @Field(() => Int, { description: 'Increases on every change; pass it back as `expectedVersion` when updating.' })
  @VersionColumn()
  version!: number;

  /** The staff member who registered the citizen: they may make the first assignment (assignment.rules.ts). */
  @Column({ type: 'varchar', length: 80, nullable: true })
  registeredBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
