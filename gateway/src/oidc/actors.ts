import { GraphQLError } from 'graphql';
import type { JWTPayload } from 'jose';
import { forbidden, subgraphUnavailable } from '@jobcenter/kit/errors';
import { Actor, StaffRoleName, TokenError } from '@jobcenter/kit/identity';
import { subgraphClient } from '@jobcenter/kit/subgraph-client';
import type { OidcConfig } from './config';

interface SignInIdentity {
  id: string;
  name: string;
  team: string | null;
}

/** Where external identities are found: the citizens service's staff register and CPR blind index. */
export interface ActorDirectory {
  staffByEmail(email: string): Promise<SignInIdentity | null>;
  citizenByCpr(cpr: string): Promise<SignInIdentity | null>;
}

/**
 * The citizens service, asked with the gateway's own SERVICE identity (like every
 * service-to-service call in the kit). The CPR number travels as the `cpr` variable, which
 * every logger redacts; it is never part of an error message.
 */
export function citizensDirectory(citizensUrl: string): ActorDirectory {
  const citizens = subgraphClient('gateway', 'citizens', citizensUrl);
  const ask = async (query: string, variables: Record<string, string>) => {
    try {
      return await citizens.query<Record<string, SignInIdentity | null>>(query, variables);
    } catch {
      throw subgraphUnavailable('citizens');
    }
  };
  return {
    staffByEmail: async (email) =>
      (await ask('query($email: String!) { identity: signInStaffMember(email: $email) { id name team } }', { email })).identity,
    citizenByCpr: async (cpr) =>
      (await ask('query($cpr: String!) { identity: signInCitizen(cpr: $cpr) { id name team } }', { cpr })).identity,
  };
}

/** The first of the token's roles (a string or an array of strings) that OIDC_ROLE_MAP knows. */
function staffRole(payload: JWTPayload, config: OidcConfig): StaffRoleName | undefined {
  const claim = payload[config.roleClaim];
  const roles = Array.isArray(claim) ? claim : [claim];
  for (const role of roles) {
    const mapped = typeof role === 'string' ? config.roleMap.get(role) : undefined;
    if (mapped) return mapped;
  }
  return undefined;
}

/** A verified staff token as our actor: the role from the token, the person from the staff register. */
export async function staffActor(payload: JWTPayload, config: OidcConfig, directory: ActorDirectory): Promise<Actor> {
  const role = staffRole(payload, config);
  if (!role) throw new TokenError('Your sign-in gives you no role in the jobcentre; ask your administrator for one.');
  const email = payload[config.staffClaim];
  if (typeof email !== 'string' || !email.trim()) throw new TokenError('Your sign-in does not say who you are; sign in again.');
  const staff = await directory.staffByEmail(email);
  if (!staff) throw new TokenError('Your sign-in is not registered as a staff member here; ask your team lead to add you.');
  const teamClaim = config.teamClaim ? payload[config.teamClaim] : undefined;
  const team = typeof teamClaim === 'string' && teamClaim.trim() ? teamClaim.trim() : staff.team;
  if (!team) throw new TokenError('Your sign-in names no team; ask your administrator.');
  return { id: staff.id, role, name: staff.name, team };
}

/**
 * A verified citizen token (MitID through the broker) as our actor, found by CPR number. A CPR
 * number the register does not know is FORBIDDEN (the person is who they say; there is just
 * nothing here for them), and is never repeated.
 */
export async function citizenActor(payload: JWTPayload, config: OidcConfig, directory: ActorDirectory): Promise<Actor> {
  const cpr = payload[config.cprClaim];
  if (typeof cpr !== 'string' || !cpr.trim()) throw new TokenError('Your sign-in does not say who you are; sign in again.');
  const citizen = await directory.citizenByCpr(cpr);
  if (!citizen) throw notRegistered();
  return { id: citizen.id, role: 'CITIZEN', name: citizen.name };
}

function notRegistered(): GraphQLError {
  const error = forbidden(
    'You are not registered with the jobcentre, so there is nothing to show you here. Contact the jobcentre if you think you should be.',
  );
  // A refusal before any operation runs: the HTTP status says so as well (403, like 401 for UNAUTHENTICATED).
  (error.extensions as Record<string, unknown>).http = { status: 403 };
  return error;
}
