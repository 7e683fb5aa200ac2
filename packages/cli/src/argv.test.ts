import type { ArgsDef } from 'citty';
import { describe, expect, it } from 'vitest';
import { checkArgv, closest } from './argv';

const DIFF: ArgsDef = {
  old: { type: 'positional', required: true, description: 'the earlier release folder' },
  new: { type: 'positional', required: true, description: 'the later release folder' },
  out: { type: 'string', description: 'write every change to this CSV file' },
};
const INGEST: ArgsDef = {
  files: { type: 'positional', required: true, description: 'one or more country files' },
  country: { type: 'string', required: true, description: 'ISO alpha-3 code' },
  out: { type: 'string', required: true, description: 'output folder' },
};

const STATUS: ArgsDef = {
  config: { type: 'positional', required: true, description: 'release configuration' },
  cache: { type: 'boolean', default: true, description: 'reuse what is unchanged' },
};

function problems(def: ArgsDef, argv: string[], variadic?: string, help = false): string[] {
  try {
    checkArgv('diff', def, argv, variadic, help);
    return [];
  } catch (e) {
    const err = e as { message: string; details: string[] };
    return [err.message, ...err.details.slice(0, -1)];
  }
}

describe('checkArgv: what citty lets through', () => {
  it('passes a well-formed command line, with values given either way', () => {
    expect(problems(DIFF, ['a', 'b', '--out', 'x.csv'])).toEqual([]);
    expect(problems(DIFF, ['a', 'b', '--out=x.csv'])).toEqual([]);
    expect(problems(INGEST, ['f1.xlsx', 'f2.csv', '--country', 'ARM', '--out', 'o'], 'files')).toEqual([]);
    expect(problems(DIFF, ['a', '--', '-b'])).toEqual([]);
  });

  it('refuses a misspelt option and suggests the one meant, without taking its value for an argument', () => {
    expect(problems(DIFF, ['a', 'b', '--output', 'x.csv'])).toEqual(['diff: unknown option --output; did you mean --out?']);
    expect(problems(DIFF, ['a', 'b', '-o', 'x.csv'])).toEqual(['diff: unknown option -o; did you mean --out?']);
  });

  it('names the options there are when nothing is close', () => {
    expect(problems(DIFF, ['a', 'b', '--strict'])).toEqual(['diff: unknown option --strict; mch diff has none like it (its options: --out)']);
  });

  it('refuses an option without its value, given twice, or an argument too many', () => {
    expect(problems(DIFF, ['a', 'b', '--out'])).toEqual(['diff: --out needs a value: write every change to this CSV file']);
    expect(problems(DIFF, ['a', 'b', '--out='])).toEqual(['diff: --out needs a value: write every change to this CSV file']);
    expect(problems(DIFF, ['a', 'b', '--out', '--out', 'y'])[0]).toContain('--out needs a value');
    expect(problems(DIFF, ['a', 'b', '--out', 'x', '--out', 'y'])).toEqual(['diff: --out is given twice; give it once']);
    expect(problems(DIFF, ['a', 'b', 'c'])).toEqual(['diff: unexpected argument "c": mch diff takes OLD NEW']);
  });

  it('names a switch as it was typed: --no-cache suggested, and given twice', () => {
    expect(problems(STATUS, ['c', '--no-cache'])).toEqual([]);
    expect(problems(STATUS, ['c', '--no-cach'])).toEqual(['diff: unknown option --no-cach; did you mean --no-cache?']);
    expect(problems(STATUS, ['c', '--cahce'])).toEqual(['diff: unknown option --cahce; did you mean --cache?']);
    expect(problems(STATUS, ['c', '--no-cache', '--no-cache'])).toEqual(['diff: --no-cache is given twice; give it once']);
    expect(problems(STATUS, ['c', '--cache', '--no-cache'])).toEqual(['diff: --cache and --no-cache are both given; give one']);
    expect(problems(STATUS, ['c', '--strict'])).toEqual(['diff: unknown option --strict; mch diff has none like it (its options: --cache, --no-cache)']);
  });

  it('with --help, requires nothing but still refuses what is unknown or too many', () => {
    expect(problems(INGEST, [], 'files', true)).toEqual([]);
    expect(problems(DIFF, ['a'], undefined, true)).toEqual([]);
    expect(problems(DIFF, ['--bogus'], undefined, true)).toEqual(['diff: unknown option --bogus; mch diff has none like it (its options: --out)']);
    expect(problems(DIFF, ['a', 'b', 'c'], undefined, true)).toEqual(['diff: unexpected argument "c": mch diff takes OLD NEW']);
  });

  it('lists every missing argument and required option at once', () => {
    expect(problems(INGEST, [], 'files')).toEqual([
      'diff: missing FILES: one or more country files',
      '--country is required: ISO alpha-3 code',
      '--out is required: output folder',
    ]);
  });
});

describe('closest', () => {
  it('finds a transposition, a prefix and an extension, and nothing far away', () => {
    expect(closest('cuontry', ['country', 'config'])).toBe('country');
    expect(closest('conf', ['country', 'config'])).toBe('config');
    expect(closest('output', ['out', 'country'])).toBe('out');
    expect(closest('verbose', ['out', 'country'])).toBeUndefined();
  });
});
