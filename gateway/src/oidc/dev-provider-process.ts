import { DevProviderChange, DevProviderOptions, startDevProvider } from './dev-provider';
import { setting } from '@jobcenter/kit/config';

/**
 * The development provider in a child process of its own (forked with IPC): oidc-provider is
 * an ES module, which the tests' module loader cannot require, and a provider that can be
 * stopped outright is what "the provider cannot be reached" means. Options come as JSON in
 * DEV_PROVIDER_OPTIONS; the issuer URL is sent back once it listens; a `{ keys, clients }` message
 * replaces the signing keys (rotation) or the clients and is acknowledged.
 */
async function main() {
  const options = JSON.parse(setting('DEV_PROVIDER_OPTIONS') ?? '{}') as DevProviderOptions;
  const provider = await startDevProvider(options);
  process.on('message', (message: DevProviderChange) => {
    provider.reconfigure(message);
    process.send?.({ reconfigured: true });
  });
  process.on('disconnect', () => void provider.close().then(() => process.exit(0)));
  process.send?.({ issuer: provider.issuer });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
