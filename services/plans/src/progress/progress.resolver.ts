import { progressRecorded } from '../events';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, forbidden, isUniqueViolation, recordEvent, RequestContext } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { assertReferencesExist, boundedDate, notInFuture, optionalText } from '@jobcenter/kit/input';
import { assertMayWriteCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { ProgressAssessment } from './progress-assessment.entity';
import { ProgressScore } from './progress-score.entity';
import { Assessor } from './progress.enums';
import { RecordProgressInput } from './progress.inputs';
import { checkScores } from './progress.rules';

type Context = RequestContext<PlansLoaders>;

@Resolver(() => ProgressAssessment)
export class ProgressResolver {
  @Mutation(() => ProgressAssessment, {
    description: 'Records a progression measurement (progressionsmåling): scores 1–10, each dimension once; one per citizen and day.',
  })
  async recordProgress(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input') input: RecordProgressInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressAssessment> {
    requireCaseStaff(ctx.actor, 'record progress');
    return recordAssessment(ctx, citizenId, input, Assessor.STAFF);
  }

  @Mutation(() => ProgressAssessment, {
    description:
      "The citizen scores themselves on the same ladder (selvvurdering): scores 1–10, each dimension once; one per day, beside staff's " +
      "assessment of the same day. Only the citizen, for themselves (assessedBy CITIZEN). Statistics use staff's scores only.",
  })
  async recordSelfAssessment(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input') input: RecordProgressInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressAssessment> {
    if (ctx.actor.role !== 'CITIZEN') {
      throw forbidden("A self-assessment is the citizen's own; staff record their scores with recordProgress.");
    }
    return recordAssessment(ctx, citizenId, input, Assessor.CITIZEN);
  }
}

/** Stores one assessment and its scores for the citizen; access is checked here, the role by the caller. */
async function recordAssessment(
  ctx: Context,
  citizenId: string,
  input: RecordProgressInput,
  assessedBy: Assessor,
): Promise<ProgressAssessment> {
  if (!isUuid(citizenId)) throw badUserInput('citizenId: this is not a citizen id.', 'citizenId');
  if (assessedBy === Assessor.CITIZEN) {
    // Another citizen's id answers as an unknown one does.
    await ctx.access.assert(citizenId, () => badUserInput('citizenId: you can only score yourself.', 'citizenId'));
  } else {
    await assertReferencesExist('plans', [{ kind: 'citizen', id: citizenId, field: 'citizenId' }], ctx.requestId);
    await assertMayWriteCitizenPlans(ctx, citizenId);
  }
  const scores = checkScores(input.scores);
  const today = todayInCopenhagen();
  const assessedAt = boundedDate(
    notInFuture(input.assessedAt ?? today, 'assessedAt', 'an assessment', today),
    'assessedAt',
    'record',
    today,
  );
  try {
    return await changeTransaction(ctx, async (tx) => {
      const assessment = await tx.getRepository(ProgressAssessment).save(
        tx.getRepository(ProgressAssessment).create({
          citizenId,
          assessedAt,
          note: optionalText(input.note, 'note', 4000),
          assessedByRole: ctx.actor.role,
          assessedBy,
        }),
      );
      const rows = scores.map((s) => tx.getRepository(ProgressScore).create({ assessmentId: assessment.id, ...s }));
      await tx.getRepository(ProgressScore).insert(rows);
      await recordEvent(tx, progressRecorded(assessment, rows));
      return Object.assign(assessment, { scores: rows });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'uq_progress_assessment_citizen_date')) {
      throw conflict(
        assessedBy === Assessor.CITIZEN
          ? `You have already scored yourself on ${assessedAt}; one self-assessment per day.`
          : `The citizen already has an assessment on ${assessedAt}; one per day.`,
      );
    }
    throw error;
  }
}
