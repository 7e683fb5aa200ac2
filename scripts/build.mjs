#!/usr/bin/env node
// Compiles the packages the mch command runs into JavaScript, once, so no compiler runs when it
// starts. Each source file becomes one file of packages/<p>/dist/ at the same depth as in src/
// (packages/cli/src/pipeline/workers.ts → packages/cli/dist/pipeline/workers.js), so whatever a
// module finds beside itself through import.meta.url still resolves: templates, package.json,
// fonts and JSON through createRequire, and the worker entries. Every source file is an entry, so
// a new worker or lazily loaded command needs nothing here. Imports are rewritten to what Node's
// ESM loader needs: `./codelists` → `./codelists.js` or `./codelists/index.js`, and `@mch/core`
// → the relative path of core's dist (so dist never reaches a source file, and tests, tsc and tsx
// keep resolving @mch/* to src/ through package.json as before); libraries stay bare imports,
// resolved from the package that declares them. Files are written only when their bytes change,
// so two builds at once leave the same files; the same sources always give the same bytes.
// `node scripts/build.mjs --check` says whether the build is older than its sources (exit 1).
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT, PACKAGES, isSource, isWalked, newerSource, newestSource } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkgDir = (p) => join(root, 'packages', p);

if (process.argv.includes('--check')) {
  const newer = newerSource(root);
  if (newer) console.log(`the build is older than ${relative(root, newer)}`);
  process.exit(newer ? 1 : 0);
}

const { build } = await import('esbuild');

/** Every source file but tests and fixtures (isSource); test helpers too, harmless and never loaded by mch. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return isWalked(e.name) ? sources(full) : [];
    return isSource(e.name) ? [full] : [];
  });
}

const distOf = (srcFile) => {
  const rel = relative(root, srcFile).split(sep);
  const at = rel.indexOf('src');
  if (rel[0] !== 'packages' || at !== 2) throw new Error(`${srcFile} is not in a package's src/`);
  rel[at] = 'dist';
  return join(root, ...rel).replace(/\.ts$/, '.js');
};

/** The source file an extensionless relative import names, as TypeScript's bundler resolution finds it. */
function sourceFile(spec, importer) {
  const base = resolve(dirname(importer), spec);
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(c) && statSync(c).isFile()) return c;
  throw new Error(`${relative(root, importer)}: cannot find "${spec}"`);
}

/** The source file behind `@mch/<p>` or `@mch/<p>/<subpath>`, from that package's exports. */
function workspaceFile(spec) {
  const [, name, ...sub] = spec.split('/');
  if (!PACKAGES.includes(name)) throw new Error(`"${spec}" is not one of the built packages (${PACKAGES.join(', ')}): add it to PACKAGES in scripts/build-state.mjs`);
  const exports = JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).exports ?? {};
  const target = exports[sub.length ? `./${sub.join('/')}` : '.'];
  const file = typeof target === 'string' ? target : target?.default;
  if (!file) throw new Error(`@mch/${name} exports no "${spec}"`);
  return join(pkgDir(name), file);
}

const relativeImport = (fromFile, toFile) => {
  const rel = relative(dirname(fromFile), toFile).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

/** Keeps every import outside the file being compiled, rewritten to the compiled file it will find. */
const rewriteImports = {
  name: 'mch-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const { path: spec, importer } = args;
      if (spec.startsWith('.')) {
        const file = sourceFile(spec, importer);
        return { path: relativeImport(distOf(importer), file.endsWith('.ts') ? distOf(file) : file), external: true };
      }
      if (spec.startsWith('@mch/')) return { path: relativeImport(distOf(importer), distOf(workspaceFile(spec))), external: true };
      return { path: spec, external: true };
    });
  },
};

const started = Date.now();
const newest = newestSource(root);
const entries = PACKAGES.flatMap((p) => sources(join(pkgDir(p), 'src'))).sort();
const result = await build({
  // the path comment esbuild puts atop each file is relative to this: the repository root, so
  // a build started from any folder (a package's tests, a CLI run elsewhere) gives the same bytes
  absWorkingDir: root,
  entryPoints: entries,
  outbase: join(root, 'packages'),
  outdir: join(root, 'packages'),
  // outbase/outdir keep packages/<p>/src/x.ts at packages/<p>/src/x.js: moved to dist below
  write: false,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  legalComments: 'inline',
  logLevel: 'warning',
  plugins: [rewriteImports],
});

let written = 0;
const wanted = new Set();
for (const out of result.outputFiles) {
  const file = distOf(out.path.replace(/\.js$/, '.ts'));
  wanted.add(file);
  if (existsSync(file) && readFileSync(file).equals(out.contents)) continue;
  mkdirSync(dirname(file), { recursive: true });
  // a whole file or none: a CLI started during a build never reads half of one
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, out.contents, { mode: file.endsWith('bin.js') ? 0o755 : 0o644 });
  renameSync(temporary, file);
  written++;
}
let removed = 0;
for (const p of PACKAGES) removed += prune(join(pkgDir(p), 'dist'), wanted);
// the stamp's time is when this build read its sources (an edit during the build is newer); it
// holds no bytes, so builds stay identical
const stamp = join(root, BUILT);
if (!existsSync(stamp)) writeFileSync(stamp, '');
// (or the newest source's, when one is dated later than this clock: the next start would build again, forever)
const at = new Date(Math.max(started, newest));
utimesSync(stamp, at, at);
console.log(`built ${entries.length} files of ${PACKAGES.length} packages into packages/*/dist (${written} changed, ${removed} removed) in ${Date.now() - started} ms`);

/** Removes what an earlier build left for a source that is gone. */
function prune(dir, keep) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      n += prune(full, keep);
      if (!readdirSync(full).length) rmSync(full, { recursive: true });
    } else if (full !== join(root, BUILT) && !keep.has(full)) {
      rmSync(full);
      n++;
    }
  }
  return n;
}
