import { z } from 'zod';

/**
 * Every environment variable the services and scripts read, declared once: who reads it, its
 * default, what it means and what a valid value is. A process checks all of its variables when
 * it starts (`checkConfig`) and stops with one message naming every bad one; code reads a value
 * with `setting(name)` (parsed the same way, at the time of reading, so tests may change the
 * environment between cases). `docs/configuration.md` is generated from this table
 * (`npm run docs:config`) and a test fails when it is stale.
 *
 * To add a variable: add an entry to SETTINGS below (scope, default, meaning, schema), read it
 * with `setting('NAME')`, and run `npm run docs:config`. An empty value counts as unset.
 */

/** Which processes read a variable. */
export type Scope = 'services' | 'gateway' | 'subgraphs' | 'citizens' | 'scripts' | 'tests';

export interface Setting<T = unknown> {
  scope: Scope;
  /** Where only some scripts read it: which (for the table). */
  readers?: string;
  /** The value used when unset, as text for the table; absent when there is none. */
  default?: string;
  meaning: string;
  /** Parses the raw text. */
  schema: z.ZodType<T>;
  /** The value when unset; absent means "undefined". */
  fallback?: T | ((env: Env) => T);
  /** Must be set: always, or only when NODE_ENV=production. */
  required?: boolean | 'production';
}

export type Env = Record<string, string | undefined>;

// --- Value kinds -----------------------------------------------------------------------------

/** A whole number between min and max; "15s" or "" are errors, not a silent 0 or NaN. */
export const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'must be a whole number (digits only)' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { message: `must be at least ${min}` })
        .max(max, { message: `must be at most ${max}` }),
    );
export const milliseconds = (min: number, max?: number) => wholeNumber(min, max);
export const port = () => wholeNumber(0, 65_535);
export const flag = () => z.enum(['true', 'false'], { message: 'must be "true" or "false"' }).transform((v) => v === 'true');
export const text = () => z.string();
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });
export const url = (protocols: readonly string[] = ['http:', 'https:']) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.map((p) => p.replace(':', '://')).join(' or ')}…)` },
  );
export const secret = () => z.string().min(32, { message: 'must be at least 32 characters' });

// --- The variables -----------------------------------------------------------------------------

const production = (env: Env) => env.NODE_ENV === 'production';

export const SETTINGS = {
  NODE_ENV: {
    scope: 'services',
    default: 'development',
    meaning:
      '`production` refuses development secrets and the embedded PostgreSQL, requires every URL, and hides introspection and schema hints from clients.',
    schema: oneOf(['development', 'production', 'test']),
    fallback: 'development',
  },
  PORT: {
    scope: 'services',
    default: "the service's own (gateway 4000, citizens 4001, plans 4002, meetings 4003, placements 4004)",
    meaning: 'TCP port of the GraphQL endpoint and the health checks (`/health/live`, `/health/ready`).',
    schema: port(),
  },
  HOST: {
    scope: 'services',
    default: '127.0.0.1 (the image sets 0.0.0.0)',
    meaning: 'Address the HTTP servers (GraphQL and metrics) listen on.',
    schema: text(),
    fallback: '127.0.0.1',
  },
  METRICS_PORT: {
    scope: 'services',
    default: 'PORT + 5000 (9000 for the gateway, 9001–9004 for the subgraphs); 0 picks a free port',
    meaning: 'Port of `GET /metrics` (Prometheus), a separate listener so the public port never serves it.',
    schema: port(),
  },
  LOG_LEVEL: {
    scope: 'services',
    default: 'info (silent under tests)',
    meaning: 'pino log level.',
    schema: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    fallback: (env: Env) => (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    scope: 'services',
    meaning: 'OpenTelemetry collector (OTLP/HTTP), e.g. http://otel-collector.observability:4318. Unset: tracing off.',
    schema: url(),
  },
  OTEL_SERVICE_NAME: {
    scope: 'services',
    default: "the service's name (gateway, citizens, …)",
    meaning: '`service.name` of the OpenTelemetry resource on every span.',
    schema: text(),
  },
  SHUTDOWN_TIMEOUT_MS: {
    scope: 'services',
    default: '25000',
    meaning: 'After SIGTERM, requests in flight may finish for this long; then the process exits 1. Keep it below the grace period.',
    schema: milliseconds(0, 600_000),
    fallback: 25_000,
  },
  GATEWAY_ASSERTION_SECRET: {
    scope: 'services',
    default: 'a development value (refused in production)',
    meaning: 'Signs (gateway) and verifies (subgraphs) the per-request actor assertion; 32+ characters.',
    schema: secret(),
    required: 'production',
  },
  AUTH_JWT_SECRET: {
    scope: 'gateway',
    readers: 'gateway, `npm run token`',
    default: 'a development value (refused in production)',
    meaning: "Verifies users' bearer tokens (HS256); 32+ characters.",
    schema: secret(),
    required: 'production',
  },
  SUPERGRAPH_PATH: {
    scope: 'gateway',
    default: 'gateway/supergraph.graphql',
    meaning: 'The composed supergraph the gateway serves (a mounted ConfigMap in Kubernetes).',
    schema: text(),
  },
  SUBGRAPH_TIMEOUT_MS: {
    scope: 'gateway',
    default: '10000',
    meaning: "A subgraph call that has no complete answer by then is abandoned: that subgraph's part is null with SUBGRAPH_UNAVAILABLE.",
    schema: milliseconds(100, 120_000),
    fallback: 10_000,
  },
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: {
    scope: 'gateway',
    default: '43200',
    meaning:
      'A user token that lives longer than this (exp − iat, or exp − now without iat) is refused: a stolen long-lived token would open cases for as long as it says.',
    schema: wholeNumber(1),
    fallback: 43_200,
  },
  WORKBENCH_DIR: {
    scope: 'gateway',
    default: "the repository's `web/dist`",
    meaning: 'The built workbench (index.html, graphiql.html, assets/) the gateway serves at `/`.',
    schema: text(),
  },
  GRAPHQL_EXPLORER: {
    scope: 'gateway',
    default: 'false',
    meaning:
      'With NODE_ENV=production, `true` serves the self-hosted GraphiQL at GET /graphql to browsers; in development it is always served.',
    schema: flag(),
    fallback: false,
  },
  PUBLIC_ORIGIN: {
    scope: 'gateway',
    meaning:
      'The origin browsers use (e.g. `https://jobcenter.example.dk`) when a proxy rewrites Host; cookie-authenticated requests from any other origin are refused.',
    schema: url(),
  },
  SESSION_SECRET: {
    scope: 'gateway',
    default: 'derived from AUTH_JWT_SECRET',
    meaning: "Seals the workbench's session cookies and signs development sign-in tickets (keys derived with HKDF); 32+ characters.",
    schema: secret(),
  },
  SESSION_SECONDS: {
    scope: 'gateway',
    default: '28800',
    meaning: 'How long a workbench session lasts after sign-in (8 h).',
    schema: wholeNumber(60, 7 * 24 * 3600),
    fallback: 28_800,
  },
  SESSION_DATABASE_URL: {
    scope: 'gateway',
    meaning:
      'A PostgreSQL database where sign-outs are kept for every gateway replica (the gateway creates its one table); unset, a sign-out is known to the replica that handled it only.',
    schema: url(['postgres:', 'postgresql:']),
  },
  OIDC_ISSUER: {
    scope: 'gateway',
    meaning: "The staff identity provider's issuer URL (Entra ID, KOMBIT, Keycloak); tokens it signs are accepted (docs/sign-in.md).",
    schema: text(),
  },
  OIDC_AUDIENCE: {
    scope: 'gateway',
    meaning: 'Accepted `aud` values of staff tokens, comma-separated; required with OIDC_ISSUER.',
    schema: text(),
  },
  OIDC_CLIENT_ID: {
    scope: 'gateway',
    meaning: "The workbench's client id at the staff provider (default: the first OIDC_AUDIENCE).",
    schema: text(),
  },
  OIDC_CLIENT_SECRET: {
    scope: 'gateway',
    meaning: "The workbench's client secret at the staff provider, for the code flow.",
    schema: text(),
  },
  OIDC_SCOPES: {
    scope: 'gateway',
    meaning: 'Scopes the staff sign-in asks for (default `openid profile email`).',
    schema: text(),
  },
  OIDC_ROLE_CLAIM: {
    scope: 'gateway',
    meaning: 'The claim holding the staff role(s), a string or an array (default `roles`).',
    schema: text(),
  },
  OIDC_ROLE_MAP: {
    scope: 'gateway',
    meaning:
      'Provider roles to StaffRole, e.g. `jc-sagsbehandler=CASEWORKER,jc-leder=TEAM_LEAD` (default: the StaffRole names themselves).',
    schema: text(),
  },
  OIDC_STAFF_CLAIM: {
    scope: 'gateway',
    meaning: 'The claim that finds the staff member by StaffMember.email (default `email`).',
    schema: text(),
  },
  OIDC_TEAM_CLAIM: {
    scope: 'gateway',
    meaning: "The claim holding the team (default: the staff member's team in the citizens service).",
    schema: text(),
  },
  CITIZEN_OIDC_ISSUER: {
    scope: 'gateway',
    meaning: "The citizens' MitID broker's issuer URL (NemLog-in or another broker).",
    schema: text(),
  },
  CITIZEN_OIDC_AUDIENCE: {
    scope: 'gateway',
    meaning: 'Accepted `aud` values of citizen tokens, comma-separated; required with CITIZEN_OIDC_ISSUER.',
    schema: text(),
  },
  CITIZEN_OIDC_CLIENT_ID: {
    scope: 'gateway',
    meaning: "The workbench's client id at the broker (default: the first CITIZEN_OIDC_AUDIENCE).",
    schema: text(),
  },
  CITIZEN_OIDC_CLIENT_SECRET: {
    scope: 'gateway',
    meaning: "The workbench's client secret at the broker.",
    schema: text(),
  },
  CITIZEN_OIDC_SCOPES: {
    scope: 'gateway',
    meaning: 'Scopes the citizen sign-in asks for (default `openid profile`).',
    schema: text(),
  },
  CITIZEN_OIDC_CPR_CLAIM: {
    scope: 'gateway',
    meaning: "The claim holding the citizen's CPR number, found through the blind index (default `cpr`).",
    schema: text(),
  },
  DEV_OIDC: {
    scope: 'gateway',
    meaning: '`off` keeps `npm start` from running its development OpenID provider (then the ticket sign-in links remain).',
    schema: text(),
  },
  DEV_OIDC_PORT: {
    scope: 'gateway',
    meaning: "Port of `npm start`'s development OpenID provider (default 4010).",
    schema: text(),
  },
  DEV_PROVIDER_OPTIONS: {
    scope: 'gateway',
    meaning: 'Internal: the development OpenID provider child process reads its accounts and clients from it (JSON).',
    schema: text(),
  },
  PEER_CALL_TIMEOUT_MS: {
    scope: 'subgraphs',
    default: '5000',
    meaning: 'Bound on a direct call to another subgraph (caseload grants, target group, access log); keep it below SUBGRAPH_TIMEOUT_MS.',
    schema: milliseconds(100, 120_000),
    fallback: 5_000,
  },
  DATABASE_URL: {
    scope: 'subgraphs',
    readers: 'subgraphs and the scripts that open databases',
    meaning:
      'A PostgreSQL server (admin URL); each service uses its own database `jobcenter_<service>` on it. Ignored where `<SERVICE>_DATABASE_URL` is set.',
    schema: url(['postgres:', 'postgresql:']),
  },
  MIGRATE_ONLY: {
    scope: 'subgraphs',
    default: 'false',
    meaning: 'Apply pending migrations (under the advisory lock) and exit: the Kubernetes init container.',
    schema: flag(),
    fallback: false,
  },
  SEED_DEMO: {
    scope: 'subgraphs',
    default: 'false',
    meaning: "Load the seed stories' demo data into an empty database at start.",
    schema: flag(),
    fallback: false,
  },
  DB_CONNECT_TIMEOUT_MS: {
    scope: 'subgraphs',
    default: '3000',
    meaning: 'Opening a PostgreSQL connection fails after this long (SERVICE_UNAVAILABLE).',
    schema: milliseconds(100, 120_000),
    fallback: 3_000,
  },
  DB_STATEMENT_TIMEOUT_MS: {
    scope: 'subgraphs',
    default: '15000',
    meaning: "PostgreSQL's statement_timeout for the service's connections (the client waits 1 s longer).",
    schema: milliseconds(100, 600_000),
    fallback: 15_000,
  },
  ACCESS_LOG_RETENTION_DAYS: {
    scope: 'subgraphs',
    default: '730',
    meaning:
      'Access log entries older than this many days are purged (daily); never under 183 (six months): a smaller value counts as 183.',
    schema: wholeNumber(1, 36_500),
    fallback: 730,
  },
  ACCESS_LOG_OWNER_ROLE: {
    scope: 'subgraphs',
    default: '`<database>_access_log`',
    meaning: 'A NOLOGIN role (made by a DBA) that owns the access log table; the service role cannot change the log.',
    schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, { message: 'must be a PostgreSQL role name (a-z, 0-9, _)' }),
  },
  ACCESS_GRANT_TTL_MS: {
    scope: 'subgraphs',
    default: '30000',
    meaning: "How long a citizen's caseload grants are cached; an ended assignment stops giving access within this time. Capped at 60000.",
    schema: milliseconds(0),
    fallback: 30_000,
  },
  IDEMPOTENCY_KEY_TTL_HOURS: {
    scope: 'subgraphs',
    default: '24',
    meaning: "How long an Idempotency-Key is remembered; older keys' rows are deleted hourly.",
    schema: wholeNumber(1, 24 * 365),
    fallback: 24,
  },
  MUNICIPALITY_NAME: {
    scope: 'subgraphs',
    default: 'Demo Kommune',
    meaning: "The municipality's name at the top of every PDF the services render (reports, record exports).",
    schema: z.string().trim().min(1, { message: 'must not be empty' }).max(120, { message: 'must be at most 120 characters' }),
    fallback: 'Demo Kommune',
  },
  EMBEDDED_PG_DATA_DIR: {
    scope: 'subgraphs',
    readers: 'development only (no DATABASE_URL)',
    default: '.data/postgres',
    meaning: 'Data folder of the embedded PostgreSQL (not in production images).',
    schema: text(),
  },
  EMBEDDED_PG_PORT: {
    scope: 'subgraphs',
    readers: 'development only (no DATABASE_URL)',
    default: '54320',
    meaning: 'Port of the embedded PostgreSQL.',
    schema: port(),
    fallback: 54_320,
  },
  NOTIFY_SMTP_URL: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    default: "`npm start`'s development mail server",
    meaning:
      'SMTP server for e-mail notices (`smtp://host:port`, `smtps://user:pass@host:465`). Unset: no e-mail is sent (such notices fail with the reason).',
    schema: url(['smtp:', 'smtps:']),
  },
  NOTIFY_MAIL_FROM: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    default: 'Jobcentret <noreply@jobcenter.local>',
    meaning: 'Sender of e-mail notices and the staff digest.',
    schema: text(),
    fallback: 'Jobcentret <noreply@jobcenter.local>',
  },
  NOTIFY_SMS_URL: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    meaning: "The SMS gateway's HTTP endpoint (docs/notifications.md). Unset: SMS notices fail with the reason.",
    schema: url(),
  },
  NOTIFY_SMS_TOKEN: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    meaning: 'Bearer token for the SMS gateway.',
    schema: text(),
  },
  NOTIFY_DIGITAL_POST_URL: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    meaning: "The Digital Post integration's HTTP endpoint (docs/notifications.md). Unset: Digital Post notices fail with the reason.",
    schema: url(),
  },
  NOTIFY_DIGITAL_POST_TOKEN: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    meaning: 'Bearer token for the Digital Post integration.',
    schema: text(),
  },
  NOTIFY_WORKBENCH_URL: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    default: 'http://localhost:4000/',
    meaning: 'The workbench address that links in notices point to (`<url>/min-plan`).',
    schema: url(),
    fallback: 'http://localhost:4000/',
  },
  NOTIFY_MAX_ATTEMPTS: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    default: '6',
    meaning: 'Attempts at a notice before it is FAILED with the last reason.',
    schema: wholeNumber(1, 50),
    fallback: 6,
  },
  NOTIFY_RETRY_BASE_MS: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    default: '30000',
    meaning: 'First retry delay; doubled after every failed attempt, at most one hour.',
    schema: milliseconds(0, 3_600_000),
    fallback: 30_000,
  },
  NOTIFY_POLL_MS: {
    scope: 'citizens',
    readers: 'citizens notification worker',
    default: '5000',
    meaning: 'How often the worker looks for due notices.',
    schema: milliseconds(50, 600_000),
    fallback: 5_000,
  },
  DEV_MAIL_HTTP_PORT: {
    scope: 'scripts',
    readers: '`npm start`',
    default: '4025',
    meaning: "Port of the development mail server's page (its SMTP port is DEV_MAIL_SMTP_PORT, default 2525).",
    schema: port(),
    fallback: 4025,
  },
  DEV_MAIL_SMTP_PORT: {
    scope: 'scripts',
    readers: '`npm start`',
    default: '2525',
    meaning: "SMTP port of `npm start`'s development mail server.",
    schema: port(),
    fallback: 2525,
  },
  CPR_ENCRYPTION_KEYS: {
    scope: 'citizens',
    readers: 'citizens, `npm run rotate:cpr-key`',
    default: 'a development key (refused in production)',
    meaning: 'CPR numbers at rest: `id:base64-of-32-bytes` pairs, comma-separated (checked with the two below at start).',
    schema: text(),
  },
  CPR_ENCRYPTION_KEY_ID: {
    scope: 'citizens',
    readers: 'citizens, `npm run rotate:cpr-key`',
    default: 'the first key listed',
    meaning: 'The key new CPR numbers are encrypted with.',
    schema: text(),
  },
  CPR_BLIND_INDEX_KEY: {
    scope: 'citizens',
    readers: 'citizens, `npm run rotate:cpr-key`',
    default: 'a development key (refused in production)',
    meaning: 'Key of the CPR blind index (search by CPR); 32+ characters; cannot change without re-indexing.',
    schema: text(),
  },
  EMERGENCY_ACCESS_HOURS: {
    scope: 'citizens',
    default: '4',
    meaning: 'How long a break-the-glass access lasts, 1 to 12 hours.',
    schema: wholeNumber(1, 12),
    fallback: 4,
  },
  ROTATE_BATCH_SIZE: {
    scope: 'scripts',
    readers: '`npm run rotate:cpr-key`',
    default: '500',
    meaning: 'Rows re-encrypted per transaction.',
    schema: wholeNumber(1, 100_000),
    fallback: 500,
  },
  BENCH_DATA: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: 'generated',
    meaning: '`scale`: benchmark on the seed:scale data set (50,000 citizens).',
    schema: oneOf(['generated', 'scale']),
    fallback: 'generated',
  },
  BENCH_CITIZENS: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: '2000 (50000 with BENCH_DATA=scale)',
    meaning: 'Citizens in the benchmark data.',
    schema: wholeNumber(1, 1_000_000),
  },
  BENCH_SEED: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: '42',
    meaning: 'Seed of the generated data.',
    schema: text(),
    fallback: '42',
  },
  BENCH_SECONDS: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: '10',
    meaning: 'Seconds per scenario.',
    schema: wholeNumber(1, 3600),
    fallback: 10,
  },
  BENCH_CONNECTIONS: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: '10',
    meaning: 'Concurrent connections.',
    schema: wholeNumber(1, 1000),
    fallback: 10,
  },
  BENCH_WARM_UP_SECONDS: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: '2',
    meaning: 'Warm-up before each scenario.',
    schema: wholeNumber(0, 600),
    fallback: 2,
  },
  BENCH_ACCESS_LOG: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: 'on',
    meaning: '`off` measures without the access log.',
    schema: oneOf(['on', 'off']),
    fallback: 'on',
  },
  BENCH_SCENARIOS: {
    scope: 'scripts',
    readers: '`npm run bench`',
    default: 'all',
    meaning: 'Comma-separated scenario names to run.',
    schema: text(),
    fallback: '',
  },
  BENCH_GATEWAY_NODE_OPTIONS: {
    scope: 'scripts',
    readers: '`npm run bench` (gateway comparison)',
    meaning: 'Node options for the benchmarked gateway processes.',
    schema: text(),
    fallback: '',
  },
  SOAK_SECONDS: {
    scope: 'scripts',
    readers: '`npm run soak`',
    default: '90',
    meaning: 'Length of the soak run.',
    schema: wholeNumber(1, 600),
    fallback: 90,
  },
  SOAK_WORKERS: {
    scope: 'scripts',
    readers: '`npm run soak`',
    default: '4',
    meaning: 'Concurrent clients.',
    schema: wholeNumber(1, 64),
    fallback: 4,
  },
  TEST_DATABASE_URL: {
    scope: 'tests',
    default: 'an embedded PostgreSQL on a free port',
    meaning: 'A PostgreSQL server (admin URL) for the test run; each test file makes its own database on it. DATABASE_URL works too.',
    schema: url(['postgres:', 'postgresql:']),
  },
} satisfies Record<string, Setting<any>>;

export type SettingName = keyof typeof SETTINGS;
type ValueOf<N extends SettingName> =
  (typeof SETTINGS)[N] extends Setting<infer T> ? ((typeof SETTINGS)[N] extends { fallback: unknown } ? T : T | undefined) : never;

// --- Variables whose names depend on the service ------------------------------------------------

/** `<NAME>_URL`: where a subgraph answers, for the gateway and for the subgraphs that call it. */
export function subgraphUrlSetting(name: string, required: boolean | 'production'): Setting<string> {
  return {
    scope: 'services',
    meaning: `The ${name} subgraph's GraphQL URL, e.g. http://${name}:<port>/graphql.`,
    schema: url(),
    required,
  };
}

/** `<SERVICE>_PORT`: the port `npm start` gives a subgraph (all run in one process there). */
export function servicePortSetting(service: string): Setting<number> {
  return { scope: 'scripts', meaning: `Port of the ${service} subgraph under \`npm start\`.`, schema: port() };
}

/** `<SERVICE>_DATABASE_URL`: the service's own database, used as it is. */
export function databaseUrlSetting(service: string): Setting<string> {
  return {
    scope: 'subgraphs',
    meaning: `The ${service} service's own database (wins over DATABASE_URL).`,
    schema: url(['postgres:', 'postgresql:']),
  };
}

// --- Reading and checking ----------------------------------------------------------------------

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly problems: string[],
    service?: string,
  ) {
    super(`${service ? `${service}: ` : ''}invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function parse<T>(name: string, definition: Setting<T>, env: Env): { value?: T; problem?: string } {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    if (definition.required === true || (definition.required === 'production' && production(env))) {
      return { problem: `${name} must be set${definition.required === 'production' ? ' in production' : ''}: ${definition.meaning}` };
    }
    const fallback = definition.fallback;
    return { value: typeof fallback === 'function' ? (fallback as (env: Env) => T)(env) : fallback };
  }
  const result = definition.schema.safeParse(raw);
  if (result.success) return { value: result.data };
  const shown = /SECRET|KEY/.test(name) ? '' : ` (got "${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}")`;
  return { problem: `${name} ${result.error.issues.map((i) => i.message).join('; ')}${shown}` };
}

const parsed = new Map<string, { raw: string | undefined; production: boolean; value: unknown }>();

/**
 * One variable's value, parsed and checked now (remembered while the text is unchanged); throws
 * a ConfigError naming it when bad.
 */
export function setting<N extends SettingName>(name: N, env: Env = process.env): ValueOf<N> {
  const raw = env[name];
  const known = env === process.env ? parsed.get(name) : undefined;
  if (known && known.raw === raw && known.production === production(env)) return known.value as ValueOf<N>;
  const { value, problem } = parse(name, SETTINGS[name] as Setting<unknown>, env);
  if (problem) throw new ConfigError([problem]);
  if (env === process.env) parsed.set(name, { raw, production: production(env), value });
  return value as ValueOf<N>;
}

/** A variable that is not in SETTINGS (a `<NAME>_URL`, a `<SERVICE>_DATABASE_URL`), checked the same way. */
export function settingOf<T>(name: string, definition: Setting<T>, env: Env = process.env): T | undefined {
  const { value, problem } = parse(name, definition, env);
  if (problem) throw new ConfigError([problem]);
  return value;
}

/** What one process reads: its name and kind, whom it calls, and checks across variables. */
export interface ProcessConfig {
  service: string;
  kind: 'gateway' | 'subgraph';
  /** `<NAME>_URL` variables it reads: the subgraphs it calls (or, for the gateway, serves). */
  subgraphUrls?: readonly string[];
  /** Whether those are required always (a subgraph's callees) or only in production (the gateway). */
  subgraphUrlsRequired?: boolean | 'production';
  /** Checks that need several variables (e.g. the CPR keys); each returns a problem or nothing. */
  checks?: ((env: Env) => string | undefined)[];
}

/** Every variable one process reads, by name. */
export function settingsOf(process: ProcessConfig): [string, Setting<unknown>][] {
  const scopes: Scope[] =
    process.kind === 'gateway'
      ? ['services', 'gateway']
      : ['services', 'subgraphs', ...(process.service === 'citizens' ? (['citizens'] as Scope[]) : [])];
  const own = Object.entries(SETTINGS as Record<string, Setting<unknown>>).filter(([, s]) => scopes.includes(s.scope));
  const urls = (process.subgraphUrls ?? []).map(
    (name) => [`${name.toUpperCase()}_URL`, subgraphUrlSetting(name, process.subgraphUrlsRequired ?? true)] as [string, Setting<unknown>],
  );
  const database: [string, Setting<unknown>][] =
    process.kind === 'subgraph' ? [[`${process.service.toUpperCase()}_DATABASE_URL`, databaseUrlSetting(process.service)]] : [];
  return [...own, ...urls, ...database];
}

/**
 * Checks every variable of one process at start. Throws one ConfigError listing every bad or
 * missing one, so an operator fixes them in one go rather than one restart each.
 */
export function checkConfig(process: ProcessConfig, env: Env = globalThis.process.env): void {
  const problems: string[] = [];
  for (const [name, definition] of settingsOf(process)) {
    const { problem } = parse(name, definition, env);
    if (problem) problems.push(problem);
  }
  if (process.kind === 'subgraph' && production(env)) {
    const own = `${process.service.toUpperCase()}_DATABASE_URL`;
    if (!env[own]?.trim() && !env.DATABASE_URL?.trim()) {
      problems.push(`${own} (or DATABASE_URL) must be set in production: there is no embedded PostgreSQL there`);
    }
  }
  for (const check of process.checks ?? []) {
    const problem = check(env);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new ConfigError(problems, process.service);
}

/**
 * `checkConfig` for a process's entry point: on a bad configuration, prints the one message
 * and exits 1 (no stack trace: nothing went wrong in the code).
 */
export function checkConfigOrExit(process: ProcessConfig, env: Env = globalThis.process.env): void {
  try {
    checkConfig(process, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    globalThis.process.exit(1);
  }
}

/** For a script's start: checks the listed variables and exits 1 with one message naming every bad one. */
export function checkScriptConfig(names: SettingName[], env: Env = globalThis.process.env): void {
  const problems = names.map((name) => parse(name, SETTINGS[name] as Setting<unknown>, env).problem).filter((p): p is string => !!p);
  if (problems.length === 0) return;
  console.error(new ConfigError(problems).message);
  globalThis.process.exit(1);
}

/** Rows of the configuration table in docs/configuration.md. */
export interface ConfigRow {
  variable: string;
  readBy: string;
  default: string;
  meaning: string;
}

const SCOPE_NAMES: Record<Scope, string> = {
  services: 'gateway, every subgraph',
  gateway: 'gateway',
  subgraphs: 'every subgraph',
  citizens: 'citizens',
  scripts: 'scripts',
  tests: 'tests (`npm test`)',
};

/**
 * The table: the fixed variables, then one `<NAME>_URL` per subgraph (who reads it follows from
 * the definitions' `calls`) and one `<SERVICE>_DATABASE_URL` per subgraph.
 */
export function configTable(subgraphs: readonly { name: string; calls?: readonly string[] }[]): ConfigRow[] {
  const rows: ConfigRow[] = Object.entries(SETTINGS as Record<string, Setting<unknown>>).map(([variable, s]) => ({
    variable,
    readBy: s.readers ?? SCOPE_NAMES[s.scope],
    default: s.default ?? (s.required === 'production' ? '— (required in production)' : s.required ? '— (required)' : '— (unset)'),
    meaning: s.meaning,
  }));
  for (const { name } of subgraphs) {
    const callers = subgraphs.filter((d) => d.calls?.includes(name)).map((d) => d.name);
    rows.push({
      variable: `${name.toUpperCase()}_URL`,
      readBy: ['gateway', ...callers].join(', '),
      default: `gateway: the supergraph's URL (required in production); ${callers.join(', ') || 'no subgraph'}: none (required)`,
      meaning: subgraphUrlSetting(name, true).meaning,
    });
  }
  for (const { name } of subgraphs) {
    rows.push({
      variable: `${name.toUpperCase()}_PORT`,
      readBy: '`npm start`',
      default: "the subgraph's own port",
      meaning: servicePortSetting(name).meaning,
    });
  }
  for (const { name } of subgraphs) {
    rows.push({
      variable: `${name.toUpperCase()}_DATABASE_URL`,
      readBy: `${name}, scripts`,
      default: `DATABASE_URL with database jobcenter_${name}; else the embedded PostgreSQL (development only)`,
      meaning: databaseUrlSetting(name).meaning,
    });
  }
  return rows;
}

/** The generated docs/configuration.md. */
export function configMarkdown(subgraphs: readonly { name: string; calls?: readonly string[] }[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# Configuration',
    '',
    '<!-- Generated from packages/kit/src/config.ts by `npm run docs:config`; a test fails when it is stale. -->',
    '',
    'Every environment variable, who reads it, its default and what it means. Each process checks all of',
    'its variables when it starts and stops with one message naming every bad or missing one (exit 1).',
    'An empty value counts as unset. To add a variable, add it to `SETTINGS` in `packages/kit/src/config.ts`.',
    '',
    '| variable | read by | default | meaning |',
    '| --- | --- | --- | --- |',
    ...configTable(subgraphs).map((r) => `| \`${r.variable}\` | ${cell(r.readBy)} | ${cell(r.default)} | ${cell(r.meaning)} |`),
    '',
  ].join('\n');
}
