import type { Actor } from '@jobcenter/kit/identity';

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
