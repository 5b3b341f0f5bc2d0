#!/usr/bin/env node
// Runs a command under the Node major that .nvmrc names (the current LTS), even on a machine
// whose own Node is older (CI's and many laptops' Node 20): if this Node is too old, the
// official Node binary is installed from the npm registry (the `node-<os>-<arch>` package,
// the same build nodejs.org ships) into .tools/, once, and put first on PATH for the command.
//   node scripts/lts-node.js npm run test:here
// Everything the command starts by name (`node`, `npm`, `npx` scripts, jest) then runs on it.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// The exact release to fetch when this Node is too old; keep its major equal to .nvmrc.
const NODE_VERSION = '24.22.3';
const wanted = Number(readFileSync(path.join(root, '.nvmrc'), 'utf8').trim().replace(/^v/, '').split('.')[0]);
if (Number(NODE_VERSION.split('.')[0]) !== wanted) throw new Error(`scripts/lts-node.js pins ${NODE_VERSION}, .nvmrc says ${wanted}`);

function binDir() {
  if (Number(process.versions.node.split('.')[0]) >= wanted) return path.dirname(process.execPath);
  const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const pkg = `node-${platform}-${process.arch}`;
  const prefix = path.join(root, '.tools', `node-${NODE_VERSION}`);
  const bin = path.join(prefix, 'node_modules', pkg, 'bin');
  const exe = path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(exe)) {
    console.error(
      `Node ${process.versions.node} is older than ${wanted} (.nvmrc): installing ${pkg}@${NODE_VERSION} from the npm registry into .tools/`,
    );
    const npm = spawnSync(
      'npm',
      ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${NODE_VERSION}`],
      {
        stdio: 'inherit',
        shell: process.platform === 'win32',
      },
    );
    if (npm.status !== 0 || !existsSync(exe)) {
      console.error(`Could not install Node ${NODE_VERSION} (${pkg}); install Node ${wanted} yourself (nvm use) and run again.`);
      process.exit(1);
    }
  }
  return bin;
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/lts-node.js <command> [args...]');
  process.exit(2);
}
const bin = binDir();
const result = spawnSync(command, args, {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
});
process.exit(result.status ?? 1);
