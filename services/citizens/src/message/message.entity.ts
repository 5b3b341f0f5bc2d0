import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A message in the secure thread between a citizen and their team (besked). `readAt` is the read
 * receipt: when the other side first read it (the citizen for the team's messages; anyone on the
 * team for the citizen's). The sender's name is not copied: it is the staff member's or the
 * citizen's current name, read when the thread is shown.
 */
@Entity('message')
@Index('ix_message_citizen_at', ['citizenId', 'at'])
@ObjectType({ description: 'A message between the citizen and their team (besked), with a read receipt.' })
export class Message {
  @Field(() => ID, { description: 'Message id.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message' })
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  @Field({ description: 'When it was sent.' })
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Field({ description: "Who wrote it: CITIZEN, or the staff member's role (CASEWORKER, RESOURCE_CONSULTANT …)." })
  @Column({ type: 'varchar', length: 32 })
  fromRole!: string;

  /** The citizen's or the staff member's id. */
  @Column({ type: 'varchar', length: 80 })
  fromId!: string;

  @Field({ description: 'The message, as written.' })
  @Column({ type: 'text' })
  text!: string;

  @Field(() => Date, { nullable: true, description: 'When the other side read it (læst); null while unread.' })
  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** Who marked it read: the citizen, or the staff member of the team. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  readBy!: string | null;
}
