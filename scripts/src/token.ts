/**
 * Mints a development token:
 *   npm run token -- --role CASEWORKER --sub <staff id> --name "Inger Holm" --team "Team Ryslinge"
 *   npm run token -- --role CITIZEN --sub <citizen id> --name "Svend Madsen"
 * Signed with AUTH_JWT_SECRET (or the development default), valid for --expires (default 8h).
 */
import { parseArgs } from 'node:util';
import { authJwtSecret, isActorRole, signUserToken } from '@jobcenter/kit';

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!isActorRole(values.role) || !values.sub) {
    console.error('usage: npm run token -- --role <CASEWORKER|RESOURCE_CONSULTANT|JOB_CONSULTANT|TEAM_LEAD|ANALYST|CITIZEN> --sub <id> [--name N] [--team T] [--expires 8h]');
    process.exit(2);
  }
  const team = values.role === 'CITIZEN' ? undefined : (values.team ?? 'Jobcenter Ryslinge');
  console.log(await signUserToken({ id: values.sub, role: values.role, name: values.name ?? values.role, team }, authJwtSecret(), values.expires));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
