import { RequestContext } from '@jobcenter/kit';
import { MeetingsLoaders } from '../loaders';
import { GroupCourse } from './group-course.entity';

/** GroupCourse references, batched. A course's own fields are not personal; its lists guard themselves. */
export function resolveGroupCourseReference(reference: { id: string }, ctx: RequestContext<MeetingsLoaders>): Promise<GroupCourse | null> {
  return ctx.loaders.courseById.load(reference.id);
}
