import { Actor, forbidden, RequestContext } from '@jobcenter/kit';
import { isCaseStaff } from '@jobcenter/kit/access';
import type { MeetingsLoaders } from './loaders';

/**
 * Who may see what here. Meetings, minutes, enrolments and attendance are personal data:
 * case staff read and write them; a citizen reads their own (no hidden agendas) and writes
 * nothing; analysts see only the statistics.
 */

/** Reading a citizen's meetings, enrolments or cadence. */
export function assertMayReadCitizenData(actor: Actor, citizenId: string): void {
  if (isCaseStaff(actor)) return;
  if (actor.role === 'CITIZEN' && actor.id === citizenId) return;
  if (actor.role === 'ANALYST') {
    throw forbidden('Meetings and group courses are personal data; analysts see the statistics only.');
  }
  throw forbidden('You can only see your own meetings and courses.');
}

type Context = RequestContext<MeetingsLoaders>;

/**
 * The shared caseload policy for one citizen's meetings and courses: true to go on; false for
 * another citizen, who gets what an unknown id gives (null, an empty list); FORBIDDEN otherwise
 * (staff outside the caseload, analysts, services).
 */
export async function mayReadCitizen(ctx: Context, citizenId: string): Promise<boolean> {
  assertMayReadCitizenData(ctx.actor, ctx.actor.role === 'CITIZEN' ? ctx.actor.id : citizenId);
  return ctx.access.mayRead(citizenId);
}

/** Writing about a citizen: case staff within the caseload. FORBIDDEN otherwise. */
export async function assertMayWriteFor(ctx: Context, citizenId: string, what: string): Promise<void> {
  assertMayWrite(ctx.actor, what);
  await ctx.access.assert(citizenId);
}

/** Booking, recording, cancelling, enrolling: case staff only. */
export function assertMayWrite(actor: Actor, what: string): void {
  if (isCaseStaff(actor)) return;
  throw forbidden(
    actor.role === 'CITIZEN'
      ? `Citizens may not ${what}; ask your consultant or caseworker.`
      : `Your role (${actor.role}) may not ${what}; analysts see the statistics only.`,
  );
}

/** A staff member's agenda shows other citizens' meetings: case staff only. */
export function assertMayReadAgenda(actor: Actor): void {
  if (isCaseStaff(actor)) return;
  throw forbidden(
    actor.role === 'ANALYST'
      ? "A staff member's agenda is personal data about citizens; analysts see the statistics only."
      : "A staff member's agenda is for staff.",
  );
}

/**
 * May the caller be told which meeting a double booking clashes with? Only if they may see its
 * citizen (the shared policy; a look-up that is then logged). A group session is no one
 * citizen's data.
 */
export async function maySeeClash(ctx: Context, clash: { kind: string; citizenId?: string }): Promise<boolean> {
  if (clash.kind !== 'MEETING' || !clash.citizenId) return true;
  return (await ctx.access.decide(clash.citizenId)) === 'ALLOW';
}
