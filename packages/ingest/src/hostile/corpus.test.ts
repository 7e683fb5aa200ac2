import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findSoffice } from '../xls/convert';
import { hostileCorpus } from './corpus';
import { type Seen, judge, look } from './judge';
import { CATEGORIES } from './types';

// The CI slice of the hostile corpus through ingest's API; MCH_HOSTILE=full runs all of it.
// Bombs and very large files run in a child process with a 2 GB heap (bounds.test.ts).
const SEED = 12;
const corpus = hostileCorpus(SEED, process.env.MCH_HOSTILE === 'full' ? 'full' : 'ci');
const soffice = findSoffice();

async function judged(files: typeof corpus): Promise<string[]> {
  const bases = new Map<string, Seen>();
  const problems: string[] = [];
  // the undamaged files first: damaged copies are held to them
  const baseNames = new Set(files.flatMap((f) => ('base' in f.expect ? [f.expect.base] : [])));
  for (const f of [...files.filter((x) => baseNames.has(x.name)), ...files.filter((x) => !baseNames.has(x.name))]) {
    const seen = await look(f);
    bases.set(f.name, seen);
    const problem = judge(f, seen, bases);
    if (problem) problems.push(`${f.name} (${f.what}): ${problem}`);
  }
  return problems;
}

const digest = (files: typeof corpus) =>
  createHash('sha256')
    .update(files.filter((f) => !f.heavy).map((f) => `${f.name}:${createHash('sha256').update(f.bytes()).digest('hex')}`).join('\n'))
    .digest('hex');

describe('the hostile corpus', () => {
  it('holds several hundred files over every category of bad input, the same bytes for the same seed', () => {
    expect(corpus.length).toBeGreaterThan(300);
    expect(CATEGORIES.filter((c) => !corpus.some((f) => f.category === c))).toEqual([]);
    expect(digest(hostileCorpus(SEED))).toBe(digest(hostileCorpus(SEED)));
    expect(digest(hostileCorpus(SEED + 1))).not.toBe(digest(hostileCorpus(SEED)));
  });

  it('every file is refused naming the file and place, or read with every value cell an observation or a rejection', { timeout: 120_000 }, async () => {
    expect(await judged(corpus.filter((f) => !f.heavy && !f.soffice))).toEqual([]);
  });

  const xls = `old .xls workbooks and damaged copies, through LibreOffice${soffice ? '' : ' (skipped: soffice is not on PATH)'}`;
  it.skipIf(!soffice)(xls, { timeout: 180_000 }, async () => {
    expect(await judged(corpus.filter((f) => f.soffice))).toEqual([]);
  });
});
