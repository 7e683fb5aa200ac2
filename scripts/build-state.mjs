// What the build of scripts/build.mjs covers and whether it is older than its sources: read by the
// build itself and by the compiled `mch` at start (packages/cli/src/bin.ts), which builds again
// rather than run code older than the sources beside it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The packages compiled into packages/<p>/dist: those the mch command loads. */
export const PACKAGES = ['core', 'office', 'ingest', 'harmonise', 'quality', 'publish', 'cli'];

/** The files the build compiles and the folders it walks: every .ts of src/ but tests, test helpers' fixtures and declarations. */
export const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts');
export const isWalked = (name) => name !== 'fixtures' && name !== 'node_modules';

/** The build's stamp, relative to the repository root: its time is when the build last matched its sources. */
export const BUILT = 'packages/cli/dist/.built';

/**
 * The first source found newer than the stamp (a file, or a folder whose entries changed: a file
 * added, removed or renamed), the stamp itself when there is no build, else undefined. About
 * 600 stat calls: a few milliseconds.
 */
export function newerSource(root) {
  const stamp = join(root, BUILT);
  if (!existsSync(stamp)) return stamp;
  const built = statSync(stamp).mtimeMs;
  const inputs = [join(root, 'scripts', 'build.mjs'), join(root, 'scripts', 'build-state.mjs'), join(root, 'pnpm-lock.yaml')];
  for (const p of PACKAGES) inputs.push(join(root, 'packages', p, 'package.json'));
  for (const f of inputs) if (existsSync(f) && statSync(f).mtimeMs > built) return f;
  for (const p of PACKAGES) {
    const found = newerIn(join(root, 'packages', p, 'src'), built);
    if (found) return found;
  }
  return undefined;
}

/** The newest modification time among the build's inputs, so a source dated in the future does not look newer than every build. */
export function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (isWalked(e.name)) visit(full);
      } else if (isSource(e.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const p of PACKAGES) visit(join(root, 'packages', p, 'src'));
  return newest;
}

function newerIn(dir, built) {
  if (!existsSync(dir)) return undefined;
  if (statSync(dir).mtimeMs > built) return dir;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    const found = e.isDirectory() ? (isWalked(e.name) ? newerIn(full, built) : undefined) : isSource(e.name) && statSync(full).mtimeMs > built ? full : undefined;
    if (found) return found;
  }
  return undefined;
}
