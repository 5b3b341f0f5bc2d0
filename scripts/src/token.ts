/**
 * Mints a development token:
 *   npm run token -- --role CASEWORKER --sub <staff id> --name "Inger Holm" --team "Team Ryslinge"
 *   npm run token -- --role CITIZEN --sub <citizen id> --name "Svend Madsen"
 * Signed with AUTH_JWT_SECRET (or the development default), valid for --expires (default 8h).
 */
import { authJwtSecret, isActorRole, signUserToken } from '@jobcenter/kit';
import { commandLine } from './cli';

async function main() {
  const { values } = commandLine(
    'npm run token -- --role <CASEWORKER|RESOURCE_CONSULTANT|JOB_CONSULTANT|TEAM_LEAD|ANALYST|CITIZEN> --sub <id> [--name N] [--team T] [--expires 8h]',
    {
      role: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      team: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    { check: ({ values: v }) => (!isActorRole(v.role) ? '--role: one of the roles below' : !v.sub ? '--sub: the user id' : undefined) },
  );
  if (!isActorRole(values.role) || !values.sub) return;
  const team = values.role === 'CITIZEN' ? undefined : (values.team ?? 'Jobcenter Ryslinge');
  console.log(
    await signUserToken({ id: values.sub, role: values.role, name: values.name ?? values.role, team }, authJwtSecret(), values.expires),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
