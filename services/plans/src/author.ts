import type { Actor } from '@jobcenter/kit';

/** Who wrote an entry in a plan's history (a milestone update, a comment), as stored with it. */
export const authorOf = (actor: Actor) => ({ authorRole: actor.role, authorId: actor.id, authorName: actor.name });
