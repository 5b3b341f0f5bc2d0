import type { Actor } from '@jobcenter/kit/identity';
import { devSignInUrl, TICKET_SECONDS } from './tickets';
import { setting } from '@jobcenter/kit/config';

/**
 * The demo people one can sign in as in development: one per role, from the demo cast. Read
 * only by development code (the dev routes, `npm start`), so the production image, which has no
 * development dependencies, never loads the cast.
 */
export function demoUsers(): Actor[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DEMO_TEAM, demoCitizens, demoStaff } = require('@jobcenter/demo-cast') as typeof import('@jobcenter/demo-cast');
  const staff = (['inger', 'anders', 'jens', 'lone', 'karin'] as const).map((key): Actor => {
    const s = demoStaff[key];
    return { id: s.id, role: s.role, name: s.name, team: DEMO_TEAM };
  });
  const svend = demoCitizens.svend;
  return [...staff, { id: svend.id, role: 'CITIZEN', name: `${svend.firstName} ${svend.lastName}` }];
}

/**
 * `npm start`'s sign-in block for the workbench at `workbench` (its URL, ending in /): a heading
 * that names the workbench, then one `  <ROLE> <Name>: <url>` line per demo user. Nothing with
 * NODE_ENV=production, where the sign-in route does not exist.
 */
export async function devSignInLines(workbench: string): Promise<string[]> {
  if (setting('NODE_ENV') === 'production') return [];
  const viaProvider = (kind: 'staff' | 'citizen') => Boolean(setting(kind === 'staff' ? 'OIDC_ISSUER' : 'CITIZEN_OIDC_ISSUER'));
  const lines = [
    viaProvider('staff')
      ? `Sign in to the workbench as a demo user, through the development identity provider (choose the person there):`
      : `Sign in to the workbench as a demo user (links work for ${TICKET_SECONDS / 60} min; fresh ones at ${workbench}sign-in):`,
  ];
  for (const actor of demoUsers()) lines.push(`  ${actor.role} ${actor.name}: ${await demoSignInUrl(workbench, actor, viaProvider)}`);
  return lines;
}

/**
 * A demo person's sign-in link: with an identity provider configured for their kind (npm start's
 * development provider), the code flow with them as `login_hint`, the production code path;
 * otherwise a development ticket.
 */
export async function demoSignInUrl(origin: string, actor: Actor, viaProvider: (kind: 'staff' | 'citizen') => boolean): Promise<string> {
  const kind = actor.role === 'CITIZEN' ? 'citizen' : 'staff';
  if (!viaProvider(kind)) return devSignInUrl(origin, actor);
  return new URL(`/auth/sign-in?${new URLSearchParams({ kind, login_hint: devAccountId(actor) })}`, origin).toString();
}

/** The development provider's account (its `sub`) for a demo person: `staff-<id>` or `citizen-<id>` (oidc/dev-setup.ts). */
export function devAccountId(actor: Pick<Actor, 'id' | 'role'>): string {
  return `${actor.role === 'CITIZEN' ? 'citizen' : 'staff'}-${actor.id}`;
}
