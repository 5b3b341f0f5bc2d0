import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { changeTransaction, RequestContext } from '@jobcenter/kit';
import { assertMayWriteInsights, mayReadInsights } from '../access';
import { InsightsLoaders } from '../loaders';
import { InsightsNote } from '../note/note.entity';
import { noteText } from '../note/note.rules';
import { InsightsCitizen } from './citizen-ref';

type Context = RequestContext<InsightsLoaders>;

/** The insights subgraph's field on Citizen (batched: one statement for any number of citizens) and its one change. */
@Resolver(() => InsightsCitizen)
export class InsightsCitizenResolver {
  @FieldResolver(() => String, { nullable: true, description: "The insights service's note on the citizen; null when there is none." })
  async insightsNote(@Root() citizen: InsightsCitizen, @Ctx() ctx: Context): Promise<string | null> {
    if (!(await mayReadInsights(ctx, citizen.id))) return null;
    return (await ctx.loaders.noteByCitizen.load(citizen.id))?.text ?? null;
  }

  @Mutation(() => InsightsCitizen, { description: "Records (replaces) the insights service's note on a citizen in your caseload." })
  async recordInsightsNote(
    @Arg('citizenId', () => ID, { description: 'The citizen.' }) citizenId: string,
    @Arg('text', { description: 'The note, 1 to 2,000 characters.' }) text: string,
    @Ctx() ctx: Context,
  ): Promise<InsightsCitizen> {
    const note = noteText(text);
    await assertMayWriteInsights(ctx, citizenId);
    await changeTransaction(ctx, (tx) => tx.getRepository(InsightsNote).save({ citizenId, text: note, authorId: ctx.actor.id }));
    ctx.loaders.noteByCitizen.clear(citizenId);
    return { id: citizenId };
  }
}
