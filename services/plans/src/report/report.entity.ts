import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Plan } from '../plan/plan.entity';
import { DateScalar } from '@jobcenter/kit';
import type { ReportSection } from './report.compose';
import { ReportKind, ReportStatus } from './report.enums';

/**
 * A report of a course of support (statusrapport midtvejs, afslutningsrapport) about one plan and
 * one period, or about one of the citizen's referrals (a course at a provider) under that plan. Its content is composed once, when drafted, from the plan, its progression and the
 * meetings of the period (a copy at that moment: later changes to the plan do not rewrite a
 * report). Versions of one report (the same plan and kind) form a chain: a correction of an
 * approved or shared report is version n+1 pointing at n, and n stays exactly as it was. The
 * partial unique index keeps one DRAFT per chain.
 */
@Entity('case_report')
@Index('ix_case_report_citizen', ['citizenId', 'createdAt'])
// A chain is one plan's report of a kind, or one referral's (under the citizen's plan) of a kind.
@Index('uq_case_report_version', ['planId', 'kind', 'version'], { unique: true, where: `"referral_id" IS NULL` })
@Index('uq_case_report_one_draft', ['planId', 'kind'], { unique: true, where: `"referral_id" IS NULL AND "status" = 'DRAFT'` })
@Index('uq_case_report_referral_version', ['planId', 'referralId', 'kind', 'version'], {
  unique: true,
  where: `"referral_id" IS NOT NULL`,
})
@Index('uq_case_report_referral_one_draft', ['planId', 'referralId', 'kind'], {
  unique: true,
  where: `"referral_id" IS NOT NULL AND "status" = 'DRAFT'`,
})
@ObjectType({
  description:
    'A report of a course of support (statusrapport midtvejs / afslutningsrapport): drafted by the caseworker or consultant, approved by the team lead, shared with the citizen.',
})
@Directive('@key(fields: "id")')
export class CaseReport {
  @Field(() => ID, { description: 'Unique id (the same for no two versions).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  citizenId!: string;

  /** The plan the report is about. */
  @Column({ type: 'uuid' })
  planId!: string;

  /**
   * The referral (placements' Referral) the report is about, when it is a referral's course
   * (e.g. pedagogical support in the home) rather than the plan's as a whole; null for the plan's.
   */
  @Column({ type: 'uuid', nullable: true })
  referralId!: string | null;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'fk_case_report_plan' })
  planRow?: Plan;

  @Field(() => ReportKind, { description: 'MIDWAY_STATUS (statusrapport midtvejs) or FINAL (afslutningsrapport).' })
  @Column({ type: 'varchar', length: 16 })
  kind!: ReportKind;

  @Field(() => ReportStatus, { description: 'DRAFT → APPROVED → SHARED.' })
  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  @Field(() => DateScalar, { description: "First day of the period the report covers; within the plan's period." })
  @Column({ type: 'date' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: "Last day of the period the report covers; within the plan's period." })
  @Column({ type: 'date' })
  periodTo!: string;

  @Field({ description: "The author's evaluation and proposal for what comes next (evaluering og forslag til videre handleplan)." })
  @Column({ type: 'text' })
  evaluation!: string;

  /** The citizen's name as when drafted (the report's heading; the citizens service owns the name). */
  @Column({ type: 'varchar', length: 200 })
  citizenName!: string;

  /** The composed report, section by section (what `text` and the PDF are made of). */
  @Column({ type: 'jsonb' })
  sections!: ReportSection[];

  @Field(() => String, { nullable: true, description: "The citizen's own comment on the shared report (borgerens bemærkninger)." })
  @Column({ type: 'text', nullable: true })
  citizenComment!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the citizen last wrote their comment.' })
  @Column({ type: 'timestamptz', nullable: true })
  commentedAt!: Date | null;

  @Field(() => Int, { description: 'Version within the report: 1, then one more for each correction.' })
  @Column({ type: 'int' })
  version!: number;

  /** The version this one corrects; null for version 1. */
  @Column({ type: 'uuid', nullable: true })
  previousId!: string | null;

  @ManyToOne(() => CaseReport)
  @JoinColumn({ name: 'previous_id', foreignKeyConstraintName: 'fk_case_report_previous' })
  previousRow?: CaseReport;

  @Column({ type: 'varchar', length: 32 })
  authorRole!: string;

  @Column({ type: 'varchar', length: 80 })
  authorId!: string;

  @Field({ description: 'Who drafted it (name as when drafted).' })
  @Column({ type: 'varchar', length: 200 })
  authorName!: string;

  @Field(() => String, { nullable: true, description: 'The team lead who approved it (godkendt af).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  approvedByName!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  approvedById!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was shared with the citizen.' })
  @Column({ type: 'timestamptz', nullable: true })
  sharedAt!: Date | null;

  @Field(() => Date, { description: 'When this version was drafted (or last redrafted, while a DRAFT).' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  draftedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
