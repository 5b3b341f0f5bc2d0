import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, changeTransaction, isUuid, notFound, recordEvent, RequestContext, requireSelfOrCaseStaff } from '@jobcenter/kit';
import { CitizenData } from '../citizen/citizen.guard';
import { Citizen } from '../citizen/citizen.entity';
import { CitizensLoaders } from '../loaders';
import { Message } from './message.entity';
import { cleanMessage, isCitizenSide } from './message.rules';

type Context = RequestContext<CitizensLoaders>;

/** Who may write in or mark a thread: the citizen themselves, or staff with access to them. */
async function assertMayUseThread(ctx: Context, citizenId: string, what: string): Promise<void> {
  requireSelfOrCaseStaff(ctx.actor, citizenId, what);
  if (!isUuid(citizenId) || !(await ctx.loaders.citizenById.load(citizenId))) throw notFound('Citizen', citizenId);
  await ctx.access.assert(citizenId);
}

/** The secure thread between a citizen and their team. */
@Resolver(() => Message)
export class MessageResolver {
  @FieldResolver(() => String, { description: "The writer's name: the citizen's, or the staff member's." })
  async fromName(@Root() message: Message, @Ctx() ctx: Context): Promise<string> {
    if (isCitizenSide(message.fromRole)) {
      const citizen = await ctx.loaders.citizenById.load(message.fromId);
      return citizen ? `${citizen.firstName} ${citizen.lastName}` : '';
    }
    return (await ctx.loaders.staffById.load(message.fromId))?.name ?? '';
  }

  @Mutation(() => Message, {
    description:
      'Sends a message in the thread between the citizen and their team (sikker besked): by the citizen, or by staff with ' +
      'access to the citizen. Empty text is BAD_USER_INPUT at `text`.',
  })
  async sendMessage(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('text', { description: `The message, up to 4000 characters.` }) text: string,
    @Ctx() ctx: Context,
  ): Promise<Message> {
    const cleaned = cleanMessage(text);
    if (!cleaned.ok) throw badUserInput(cleaned.message, 'text');
    await assertMayUseThread(ctx, citizenId, 'send messages to citizens');
    return changeTransaction(ctx, async (tx) => {
      const repo = tx.getRepository(Message);
      const message = await repo.save(
        repo.create({
          citizenId,
          fromRole: ctx.actor.role,
          fromId: ctx.actor.id.slice(0, 80),
          text: cleaned.text,
          readAt: null,
          readBy: null,
        }),
      );
      // Ids and the role only: never the text or a name (EVENTS.md).
      await recordEvent(tx, {
        type: 'message.sent',
        aggregateId: message.id,
        citizenId,
        payload: { messageId: message.id, fromRole: ctx.actor.role },
      });
      return message;
    });
  }

  @Mutation(() => Int, {
    description:
      "Marks the other side's messages in the thread read for the one asking (the citizen reads the team's; staff read the " +
      "citizen's) and returns how many were unread.",
  })
  async markMessagesRead(@Arg('citizenId', () => ID) citizenId: string, @Ctx() ctx: Context): Promise<number> {
    await assertMayUseThread(ctx, citizenId, "read citizens' messages");
    const fromCitizen = !isCitizenSide(ctx.actor.role);
    return changeTransaction(ctx, async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .update(Message)
        .set({ readAt: () => 'now()', readBy: ctx.actor.id.slice(0, 80) })
        .where('citizen_id = :citizenId AND read_at IS NULL', { citizenId })
        .andWhere(fromCitizen ? "from_role = 'CITIZEN'" : "from_role <> 'CITIZEN'")
        .execute();
      return result.affected ?? 0;
    });
  }
}

/** The thread as fields of the citizen: personal data, so the citizen and staff with access only. */
@Resolver(() => Citizen)
export class CitizenMessagesResolver {
  @CitizenData()
  @FieldResolver(() => [Message], { description: 'The messages between the citizen and their team (beskeder), oldest first.' })
  messages(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<Message[]> {
    return ctx.loaders.messagesByCitizen.load(citizen.id);
  }

  @CitizenData()
  @FieldResolver(() => Int, {
    description: "Messages from the other side the one asking has not read: the team's for the citizen, the citizen's for staff (ulæste).",
  })
  unreadMessages(@Root() citizen: Citizen, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.unreadMessagesByCitizen.load(citizen.id);
  }
}
