#!/usr/bin/env node
// `npm run demo` and `npm test` start here, on a fresh clone as on a working copy: installs the
// workspace's dependencies with the pnpm that package.json pins, through npx (so Node.js and npm are
// all a user needs), unless node_modules was installed from these very manifests, and builds the
// compiled CLI if it is older than its sources. npx alone takes some 0.8 s to start pnpm and pnpm as
// long again to find nothing to do: more than a third of what the demo release itself took.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newerSource } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = readdirSync(join(root, 'packages')).filter((p) => existsSync(join(root, 'packages', p, 'package.json'))).sort();

/** Written after an install that succeeded: the hash of what it installed from. */
const STAMP = join(root, 'node_modules', '.mch-installed');

/** What an install depends on: the lockfile, the workspace, every package.json, and Node's major version. */
function manifestsHash() {
  const hash = createHash('sha256').update(`node ${process.versions.node.split('.')[0]}\n`);
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json', '.npmrc', ...packages.map((p) => `packages/${p}/package.json`)];
  for (const f of files) {
    const path = join(root, f);
    hash.update(`${f}\n`).update(existsSync(path) ? readFileSync(path) : '(none)').update('\n');
  }
  return hash.digest('hex');
}

/** Installed from these manifests, and no package's own node_modules removed since (every package here has dependencies). */
function installedFrom(hash) {
  if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== hash) return false;
  return packages.every((p) => existsSync(join(root, 'packages', p, 'node_modules')));
}

/** npx beside the npm running this script (npm run), so no PATH lookup can pick another; else npx from PATH. */
function npx(args) {
  const npm = process.env.npm_execpath;
  const cli = npm ? join(dirname(npm), 'npx-cli.js') : '';
  return existsSync(cli) ? [process.execPath, [cli, ...args]] : ['npx', args];
}

/** Runs a command in the repository, output shown; a failure ends this script with its exit code. */
function run([command, args]) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.error) console.error(`setup: could not start ${command}: ${r.error.message}`);
  if (r.status !== 0) process.exit(r.status || 1);
}

const hash = manifestsHash();
if (installedFrom(hash)) {
  console.log('dependencies: installed from this lockfile already (node_modules/.mch-installed)');
} else {
  const pnpm = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
  run(npx(['-y', pnpm, 'install', '--frozen-lockfile']));
  writeFileSync(STAMP, hash);
}
// pnpm's install builds (the prepare script); a source edited since is built here
if (newerSource(root)) run([process.execPath, [join(root, 'scripts', 'build.mjs')]]);
