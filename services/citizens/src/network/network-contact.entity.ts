import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Citizen } from '../citizen/citizen.entity';

@Entity('network_contact')
@Index('ix_network_contact_citizen', ['citizenId'])
@ObjectType({ description: "A person in the citizen's network: relative, support contact person, friend (netværk)." })
export class NetworkContact {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @ManyToOne(() => Citizen, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_network_contact_citizen' })
  citizen?: Citizen;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'Relation to the citizen in plain words, e.g. "mother", "support contact person".' })
  @Column({ type: 'varchar', length: 100 })
  relation!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
