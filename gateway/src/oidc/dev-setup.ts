import { randomBytes } from 'node:crypto';
import { setting } from '@jobcenter/kit/config';
import { authJwtSecret } from '@jobcenter/kit/identity';
import { DevAccount, DevProvider, startDevProvider } from './dev-provider';
import { devAccountId } from '../session/demo-users';

/** The demo cast as the development provider's accounts: staff by e-mail and role, citizens by CPR. */
export function demoAccounts(): DevAccount[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { demoCitizens, demoStaff } = require('@jobcenter/demo-cast') as typeof import('@jobcenter/demo-cast');
  return [
    ...Object.values(demoStaff).map((s) => ({ id: devAccountId(s), name: s.name, email: s.email, roles: [s.role] })),
    ...Object.values(demoCitizens).map((c) => ({
      id: devAccountId({ id: c.id, role: 'CITIZEN' }),
      name: `${c.firstName} ${c.lastName}`,
      cpr: c.cpr.replace('-', ''),
    })),
  ];
}

/**
 * `npm start`'s identity provider: a real OpenID provider (dev-provider.ts) with the demo cast
 * (staff by e-mail and role, citizens by CPR), and the gateway's OIDC settings pointed at it,
 * so development signs in through the same code path as production. Skipped when OIDC_ISSUER is
 * already set or DEV_OIDC=off (then the development ticket links remain).
 */
export async function startDevIdentityProvider(gatewayOrigins: string[]): Promise<DevProvider | undefined> {
  if (setting('OIDC_ISSUER') || setting('DEV_OIDC') === 'off' || setting('NODE_ENV') === 'production') return undefined;
  const accounts = demoAccounts();
  const secret = randomBytes(24).toString('base64url');
  const client = (client_id: string) => ({
    client_id,
    client_secret: secret,
    redirect_uris: gatewayOrigins.map((o) => `${o}/auth/callback`),
    post_logout_redirect_uris: gatewayOrigins.map((o) => `${o}/sign-in`),
  });
  const provider = await startDevProvider({
    port: Number(setting('DEV_OIDC_PORT') ?? 4010),
    accounts,
    clients: [client('workbench'), client('workbench-citizen')],
  });
  Object.assign(process.env, {
    // The printed development bearer tokens stay valid beside the provider (HS256 needs it set explicitly).
    AUTH_JWT_SECRET: authJwtSecret(),
    OIDC_ISSUER: provider.issuer,
    OIDC_AUDIENCE: 'workbench',
    OIDC_CLIENT_SECRET: secret,
    OIDC_SCOPES: 'openid profile email roles offline_access',
    CITIZEN_OIDC_ISSUER: provider.issuer,
    CITIZEN_OIDC_AUDIENCE: 'workbench-citizen',
    CITIZEN_OIDC_CLIENT_SECRET: secret,
    CITIZEN_OIDC_SCOPES: 'openid profile cpr',
  });
  return provider;
}
