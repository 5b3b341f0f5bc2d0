import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Citizen } from '../citizen/citizen.entity';

@Entity('resource_profile')
@ObjectType({
  description: "The citizen's resources and their dreams and visions for the future, in their own words (ressourceprofil).",
})
export class ResourceProfile {
  @PrimaryColumn({ type: 'uuid' })
  citizenId!: string;

  @OneToOne(() => Citizen, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'citizen_id', foreignKeyConstraintName: 'fk_resource_profile_citizen' })
  citizen?: Citizen;

  @Field(() => String, {
    nullable: true,
    description: "Dreams and visions for the future (ønsker og visioner), in the citizen's own words.",
  })
  @Column({ type: 'text', nullable: true })
  dreams!: string | null;

  @Field(() => [String], { description: 'Resources and strengths the citizen has.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  strengths!: string[];

  @Field({ description: 'When the profile was last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
