import { setting, SettingName } from '@jobcenter/kit/config';
import { STAFF_ROLES, StaffRoleName } from '@jobcenter/kit/identity';

type Env = Record<string, string | undefined>;
/** One OIDC variable, through the kit's configuration table (docs/configuration.md). */
const read = (env: Env, name: string): string | undefined => setting(name as SettingName, env) as string | undefined;

/** One trusted OpenID provider: its issuer URL (as in its discovery document) and our audience(s). */
export interface IssuerConfig {
  issuer: string;
  /** Accepted `aud` values (the workbench's client id / the API's app id); comma-separated in the env. */
  audience: string[];
  /** The workbench's registration for its sign-in (OIDC_CLIENT_ID, default the first audience; OIDC_CLIENT_SECRET). */
  clientId: string;
  clientSecret?: string;
  /** Scopes the sign-in asks for (OIDC_SCOPES / CITIZEN_OIDC_SCOPES; default `openid profile email` / `openid profile`). */
  scopes: string;
}

/**
 * Everything about OpenID Connect sign-in the environment decides (issue 16; docs/sign-in.md).
 * Read in this one module so the central configuration can take it over as it is.
 */
export interface OidcConfig {
  /** OIDC_ISSUER / OIDC_AUDIENCE: the municipality's provider for staff. */
  staff?: IssuerConfig;
  /** CITIZEN_OIDC_ISSUER / CITIZEN_OIDC_AUDIENCE: the MitID broker for citizens. */
  citizen?: IssuerConfig;
  /** OIDC_ROLE_CLAIM (default `roles`): a string or an array of strings in the token. */
  roleClaim: string;
  /** OIDC_ROLE_MAP (`jc-sagsbehandler=CASEWORKER,jc-leder=TEAM_LEAD`); default each StaffRole name to itself. */
  roleMap: ReadonlyMap<string, StaffRoleName>;
  /** OIDC_STAFF_CLAIM (default `email`): looked up in StaffMember.email. */
  staffClaim: string;
  /** OIDC_TEAM_CLAIM (optional): the team; default the staff member's team in the citizens service. */
  teamClaim?: string;
  /** CITIZEN_OIDC_CPR_CLAIM (default `cpr`): looked up through the citizens service's blind index. */
  cprClaim: string;
  /**
   * Whether HS256 user tokens under AUTH_JWT_SECRET are still accepted: always without an issuer
   * (development, tests); with an issuer only when AUTH_JWT_SECRET is set explicitly, and never
   * with NODE_ENV=production.
   */
  sharedSecretTokens: boolean;
}

function issuer(env: Env, prefix: '' | 'CITIZEN_'): IssuerConfig | undefined {
  const issuerName = `${prefix}OIDC_ISSUER`;
  const audienceName = `${prefix}OIDC_AUDIENCE`;
  const url = read(env, issuerName)?.trim();
  if (!url) return undefined;
  const audience = (read(env, audienceName) ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  if (!/^https?:\/\//.test(url)) throw new Error(`${issuerName} must be the provider's issuer URL`);
  if (audience.length === 0) throw new Error(`${audienceName} must be set when ${issuerName} is`);
  const clientId = read(env, `${prefix}OIDC_CLIENT_ID`)?.trim() || audience[0];
  const scopes = read(env, `${prefix}OIDC_SCOPES`)?.trim() || (prefix ? 'openid profile' : 'openid profile email');
  return { issuer: url, audience, clientId, clientSecret: read(env, `${prefix}OIDC_CLIENT_SECRET`) || undefined, scopes };
}

function roleMap(value: string | undefined): Map<string, StaffRoleName> {
  if (!value?.trim()) return new Map(STAFF_ROLES.map((role) => [role, role]));
  const map = new Map<string, StaffRoleName>();
  for (const pair of value.split(',')) {
    const [external, role] = pair.split('=').map((s) => s?.trim());
    if (!external || !(STAFF_ROLES as readonly string[]).includes(role ?? '')) {
      throw new Error(`OIDC_ROLE_MAP: each entry must be <provider role>=<${STAFF_ROLES.join('|')}>`);
    }
    map.set(external, role as StaffRoleName);
  }
  return map;
}

/** Reads and checks the OIDC settings; a malformed one stops the gateway at start. */
export function oidcConfig(env: Env = process.env): OidcConfig {
  const staff = issuer(env, '');
  const citizen = issuer(env, 'CITIZEN_');
  const anyIssuer = Boolean(staff || citizen);
  return {
    staff,
    citizen,
    roleClaim: read(env, 'OIDC_ROLE_CLAIM')?.trim() || 'roles',
    roleMap: roleMap(read(env, 'OIDC_ROLE_MAP')),
    staffClaim: read(env, 'OIDC_STAFF_CLAIM')?.trim() || 'email',
    teamClaim: read(env, 'OIDC_TEAM_CLAIM')?.trim() || undefined,
    cprClaim: read(env, 'CITIZEN_OIDC_CPR_CLAIM')?.trim() || 'cpr',
    sharedSecretTokens: !anyIssuer || (setting('NODE_ENV', env) !== 'production' && Boolean(env.AUTH_JWT_SECRET)),
  };
}
