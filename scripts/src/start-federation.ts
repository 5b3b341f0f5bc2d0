/**
 * `npm start`: the whole federation on this machine, with demo data. One PostgreSQL (the
 * embedded one unless DATABASE_URL is set), one database per subgraph, each subgraph on its
 * own port, the gateway on PORT (4000) in front of them over real HTTP. Ctrl-C stops it all.
 */
import {
  authJwtSecret,
  createLogger,
  defaultEmbeddedOptions,
  ensureDatabase,
  onShutdownSignal,
  RunningSubgraph,
  signUserToken,
  startEmbeddedPostgres,
  startSubgraph,
  withDatabase,
} from '@jobcenter/kit';
import { startGateway } from '@jobcenter/gateway/server';
import { demoUsers, devSignInLines } from '@jobcenter/gateway/session';
import { startDevIdentityProvider } from '@jobcenter/gateway/oidc/dev-setup';
import { subgraphs } from './services';
import { databaseUrlSetting, servicePortSetting, setting, settingOf } from '@jobcenter/kit/config';
import { commandLine } from './cli';
import { startDevMailServer } from '@jobcenter/citizens/notifications/dev-mail-server';
import { devChannels } from '@jobcenter/citizens/notifications/channels';
import { startNotificationCentre } from '@jobcenter/citizens/notifications/notification-centre';

async function main() {
  commandLine('npm start', {});
  const logger = createLogger('federation');
  const given = setting('DATABASE_URL');
  const server = given ? { adminUrl: given, stop: async () => undefined } : await startEmbeddedPostgres(defaultEmbeddedOptions(logger));

  const running: RunningSubgraph[] = [];
  const urls: Record<string, string> = {};
  for (const definition of subgraphs) {
    const own = settingOf(`${definition.name.toUpperCase()}_DATABASE_URL`, databaseUrlSetting(definition.name));
    const database = `jobcenter_${definition.name}`;
    if (!own) await ensureDatabase(server.adminUrl, database);
    const port = settingOf(`${definition.name.toUpperCase()}_PORT`, servicePortSetting(definition.name)) ?? definition.defaultPort;
    const subgraph = await startSubgraph(definition, {
      databaseUrl: own ?? withDatabase(server.adminUrl, database),
      port,
      logger: createLogger(definition.name),
    });
    if (definition.seedDemo && (await definition.seedDemo(subgraph.dataSource))) {
      logger.info(`${definition.name}: demo data loaded`);
    }
    running.push(subgraph);
    urls[definition.name] = subgraph.url;
    // Subgraphs that call each other (subgraphClient) find their peers through <NAME>_URL.
    process.env[`${definition.name.toUpperCase()}_URL`] = subgraph.url;
  }
  // The subgraphs' background work, once every peer's URL is known (as runSubgraph does in a
  // deployment): placements reads meetings' feed for held kick-offs, insights every feed.
  const stopBackground: (() => Promise<void>)[] = [];
  for (const [i, definition] of subgraphs.entries()) {
    const stop = await definition.background?.(running[i], createLogger(definition.name));
    if (stop) stopBackground.push(stop);
  }
  // Notices to citizens (docs/notifications.md): a real SMTP server receives them; its page shows them.
  const mail = await startDevMailServer({
    smtpPort: setting('DEV_MAIL_SMTP_PORT'),
    httpPort: setting('DEV_MAIL_HTTP_PORT'),
    dir: '.data/mail',
  });
  const citizens = running[subgraphs.findIndex((d) => d.name === 'citizens')];
  const notifications = startNotificationCentre({
    dataSource: citizens.dataSource,
    channels: devChannels(setting('NOTIFY_SMTP_URL') ?? mail.smtpUrl),
    logger: createLogger('notifications'),
  });
  const port = setting('PORT') ?? 4000;
  // A real OpenID provider with the demo cast (docs/sign-in.md); the workbench signs in through it.
  const identityProvider = await startDevIdentityProvider([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  const gateway = await startGateway({ port, subgraphUrls: urls });

  onShutdownSignal(logger, async () => {
    await gateway.close();
    for (const stop of stopBackground) await stop();
    await notifications.stop();
    await mail.close();
    await identityProvider?.close();
    for (const subgraph of running.reverse()) await subgraph.close();
    await server.stop();
  });

  const secret = authJwtSecret();
  const workbench = new URL('/', gateway.url).toString();
  const lines = [
    `\nThe federation is running. Gateway: ${gateway.url}`,
    ...Object.entries(urls).map(([name, url]) => `  subgraph ${name}: ${url}`),
    `\nWorkbench: ${workbench}`,
    `\nNotices (e-mail; SMS and Digital Post too, in development): ${mail.webUrl} (SMTP ${mail.smtpUrl}, maildir .data/mail/new)`,
  ];
  if (identityProvider) {
    lines.push(
      `\nSign in to the workbench through the development identity provider (${identityProvider.issuer}, demo cast, no passwords):`,
      `  staff:    ${workbench}auth/sign-in?kind=staff`,
      `  citizens: ${workbench}auth/sign-in?kind=citizen`,
    );
  }
  const signIn = await devSignInLines(workbench);
  if (signIn.length > 0) lines.push('', ...signIn);
  lines.push('\nDevelopment tokens (12 h), paste as "Authorization: Bearer <token>":');
  for (const actor of demoUsers()) lines.push(`  ${actor.role.padEnd(19)} ${actor.name}: ${await signUserToken(actor, secret, '12h')}`);
  lines.push(
    `\nTry: curl -s ${gateway.url} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\`,
    `       -d '{"query":"{ citizens { totalCount nodes { firstName lastName cpr assignments { role staff { name } } } } }"}'`,
    '\nCtrl-C stops the federation and its database.\n',
  );
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
