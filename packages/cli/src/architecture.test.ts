import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { describe, expect, it } from 'vitest';

/** style.md: core ← ingest | harmonise | quality | publish ← cli (office: shared PDF plumbing of the writers). No stage imports another. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  office: [],
  ingest: ['core'],
  harmonise: ['core'],
  quality: ['core', 'office'],
  publish: ['core', 'office'],
  demo: ['core'],
  bench: ['core', 'ingest', 'harmonise', 'quality'],
  cli: ['core', 'ingest', 'harmonise', 'quality', 'publish'],
};

const packagesDir = join(REPO_ROOT, 'packages');

/** The package's code: its vitest.config.ts takes the test settings every package shares (vitest.shared.ts at the root) and is none of it. */
const NOT_CODE = new Set(['vitest.config.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' || e.name === 'fixtures' ? [] : sourceFiles(join(dir, e.name))) : e.name.endsWith('.ts') && !NOT_CODE.has(e.name) ? [join(dir, e.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** Which workspace package an import reaches, by name or by a relative path. */
function packageReached(file: string, spec: string): string | undefined {
  const named = /^@mch\/([a-z-]+)/.exec(spec);
  if (named) return named[1];
  if (!spec.startsWith('.')) return undefined;
  const target = relative(packagesDir, resolve(file, '..', spec));
  return target.startsWith('..') ? '(outside packages/)' : target.split(/[\\/]/)[0];
}

describe('dependency direction', () => {
  it('knows every package', () => {
    const dirs = readdirSync(packagesDir).filter((d) => !d.startsWith('.')).sort();
    expect(dirs.filter((d) => !(d in ALLOWED))).toEqual([]);
  });

  for (const [pkg, allowed] of Object.entries(ALLOWED)) {
    it(`${pkg} imports only ${allowed.length ? allowed.join(', ') : 'no other package'}`, () => {
      const offending: string[] = [];
      for (const file of sourceFiles(join(packagesDir, pkg))) {
        for (const spec of importsOf(file)) {
          const reached = packageReached(file, spec);
          if (reached && reached !== pkg && !allowed.includes(reached)) offending.push(`${relative(REPO_ROOT, file)} imports ${spec}`);
        }
      }
      expect(offending).toEqual([]);
    });
  }

  it('keeps core free of I/O outside its test helpers', () => {
    const io = sourceFiles(join(packagesDir, 'core', 'src'))
      .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('testing.ts'))
      .filter((f) => importsOf(f).some((s) => /^(node:)?(fs|fs\/promises|child_process|net|http|https)$/.test(s)));
    expect(io.map((f) => relative(REPO_ROOT, f))).toEqual([]);
  });

  it('catches a stage importing another stage (the check itself can fail)', () => {
    const fake = join(packagesDir, 'quality', 'src', 'x.ts');
    expect(packageReached(fake, '@mch/publish')).toBe('publish');
    expect(packageReached(fake, '../../ingest/src/index')).toBe('ingest');
    expect(packageReached(fake, './rules/a01')).toBe('quality');
  });
});
