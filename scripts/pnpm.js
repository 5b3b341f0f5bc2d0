#!/usr/bin/env node
// Runs the pnpm version pinned in package.json's `packageManager` field through npx, so a
// fresh machine with only Node and npm needs neither corepack nor a global pnpm.
const { spawnSync } = require('node:child_process');
const { packageManager } = require('../package.json');
const result = spawnSync('npx', ['-y', packageManager, ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
