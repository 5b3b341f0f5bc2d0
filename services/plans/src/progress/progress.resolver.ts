import { progressRecorded } from '../events';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badUserInput, changeTransaction, conflict, isUniqueViolation, RequestContext, recordEvent } from '@jobcenter/kit';
import { requireCaseStaff } from '@jobcenter/kit/access';
import { todayInCopenhagen } from '@jobcenter/kit/calendar';
import { isUuid } from '@jobcenter/kit/ids';
import { assertMayWriteCitizenPlans } from '../access';
import { PlansLoaders } from '../loaders';
import { ProgressAssessment } from './progress-assessment.entity';
import { ProgressScore } from './progress-score.entity';
import { RecordProgressInput } from './progress.inputs';
import { checkScores } from './progress.rules';
import { notInFuture, optionalText, assertReferencesExist, boundedDate } from '@jobcenter/kit/input';

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
    if (!isUuid(citizenId)) throw badUserInput('citizenId: this is not a citizen id.', 'citizenId');
    await assertReferencesExist('plans', [{ kind: 'citizen', id: citizenId, field: 'citizenId' }], ctx.requestId);
    await assertMayWriteCitizenPlans(ctx, citizenId);
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
          }),
        );
        const rows = scores.map((s) => tx.getRepository(ProgressScore).create({ assessmentId: assessment.id, ...s }));
        await tx.getRepository(ProgressScore).insert(rows);
        await recordEvent(tx, progressRecorded(assessment, rows));
        return Object.assign(assessment, { scores: rows });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_progress_assessment_citizen_date')) {
        throw conflict(`The citizen already has an assessment on ${assessedAt}; one per day.`);
      }
      throw error;
    }
  }
}
