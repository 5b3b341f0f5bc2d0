import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequestContext } from '@jobcenter/kit';
import { Citizen } from '../citizen/citizen.entity';
import { CitizenData } from '../citizen/citizen.guard';
import { CitizensLoaders } from '../loaders';
import { Notification } from './notification.type';

@Resolver(() => Citizen)
export class CitizenNotificationsResolver {
  @CitizenData()
  @FieldResolver(() => [Notification], {
    description: 'Notices sent or to be sent to the citizen, newest first (at most 200): pending, sent, failed with the reason, cancelled.',
  })
  notifications(@Root() citizen: Citizen, @Ctx() ctx: RequestContext<CitizensLoaders>): Promise<Notification[]> {
    return ctx.loaders.notificationsByCitizen.load(citizen.id) as Promise<Notification[]>;
  }
}
