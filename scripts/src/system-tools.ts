import { execFileSync, spawnSync } from 'node:child_process';

const found = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();

/**
 * The path of a command the tests need from Debian (e.g. `docker-compose`), installed with
 * apt-get when missing, as root (a fresh CI machine keeps nothing installed by hand): first
 * without, then after `apt-get update`. Anywhere else it says what to install.
 */
export function ensureDebianCommand(command: string, pkg = command): string {
  const existing = found(command);
  if (existing) return existing;
  const root = process.getuid?.() === 0;
  if (!root || !found('apt-get')) {
    throw new Error(`${command} is missing: install it (Debian/Ubuntu: apt-get install ${pkg}) and run the tests again`);
  }
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (install().status !== 0) {
    execFileSync('apt-get', ['update'], { stdio: 'ignore' });
    if (install().status !== 0) throw new Error(`apt-get could not install ${pkg}`);
  }
  const installed = found(command);
  if (!installed) throw new Error(`${pkg} was installed but ${command} is not on PATH`);
  return installed;
}
