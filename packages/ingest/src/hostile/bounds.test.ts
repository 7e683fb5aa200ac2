import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from './corpus';
import { type Seen, judge } from './judge';

// Bombs and large files in a child process: a 2 GB heap (more is a failure, not a swap storm), a
// timeout (a hang is a failure, not a stuck CI job), peak resident memory reported per file. Then
// a few files through the `mch ingest` process, as a user runs it.
const SEED = 12;
const SCALE = process.env.MCH_HOSTILE === 'full' ? 'full' : 'ci';
const corpus = hostileCorpus(SEED, SCALE);
const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const HEAP = ['--max-old-space-size=2048', '--import', 'tsx'];
const MAX_RSS_MB = 2048;
const PER_FILE_MS = 30_000;

interface Line {
  start?: string;
  name?: string;
  seen?: Seen;
  maxRssMb?: number;
}

/** What the runner printed, and the file it was on if it died (timeout, out of memory, a crash). */
function parseRun(stdout: string, status: number | null, error?: Error, stderr = ''): { lines: Line[]; died?: string } {
  const lines = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  const last = lines.filter((l) => l.start).pop()?.start;
  const done = new Set(lines.filter((l) => l.name).map((l) => l.name));
  const why = error ? error.message : status !== 0 ? `exit ${status}: ${stderr.slice(-400)}` : '';
  if (last && !done.has(last)) return { lines, died: `${last}: ${why || 'no result'}` };
  return why ? { lines, died: why } : { lines };
}

/** One process a file, so the peak memory it reports is that file's. */
function runHeavy(name: string, timeoutMs: number): { lines: Line[]; died?: string } {
  const r = spawnSync(process.execPath, [...HEAP, join(here, 'run-heavy.ts'), String(SEED), SCALE, name], { cwd: here, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return parseRun(r.stdout, r.status, r.error, r.stderr);
}

describe('bombs and large files, in a process with a 2 GB heap', () => {
  it('end in a refusal or a full read, each within 30 s, peak memory under 2 GB', { timeout: 300_000 }, () => {
    const heavy = corpus.filter((f) => f.heavy);
    expect(heavy.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const f of heavy) {
      // building the file takes time of its own: the bound on ingest is the judge's
      const { lines, died } = runHeavy(f.name, 3 * PER_FILE_MS);
      const l = lines.find((x) => x.name === f.name);
      if (died || !l) problems.push(`${f.name}: ${died ?? 'no result'}`);
      else {
        const problem = judge(f, l.seen!, new Map(), PER_FILE_MS);
        if (problem) problems.push(`${f.name}: ${problem}`);
        if (l.maxRssMb! > MAX_RSS_MB) problems.push(`${f.name}: peak memory ${l.maxRssMb} MB`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('a file that never finishes, or kills the process, is a failure naming it', () => {
    const started = (name: string) => `${JSON.stringify({ start: name })}\n`;
    const finished = (name: string) => `${started(name)}${JSON.stringify({ name, seen: { ms: 1, kind: 'refused', message: name, where: name }, maxRssMb: 100 })}\n`;
    expect(parseRun(finished('a.xlsx') + started('b.xlsx'), null, new Error('spawnSync node ETIMEDOUT')).died).toBe('b.xlsx: spawnSync node ETIMEDOUT');
    expect(parseRun(finished('a.xlsx') + started('b.xlsx'), 134, undefined, 'FATAL ERROR: Reached heap limit').died).toBe('b.xlsx: exit 134: FATAL ERROR: Reached heap limit');
    expect(parseRun(finished('a.xlsx'), 0).died).toBeUndefined();
  });
});

describe('through the mch ingest process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mch-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const PICK = [
    'valid-questionnaire.xlsx',
    'csv-quotes-one-quote-on-line-102-of-600.csv',
    'csv-line-ends-crlf-and-lf-mixed.csv',
    corpus.find((f) => f.what.startsWith('label =HYPERLINK'))!.name,
    'merged-cells-two-value-cells-merged.xlsx',
    'relationships-a-sheet-relationship-dangling.xlsx',
    'cell-xml-a-row-numbered-0.xlsx',
    'zip-bomb-billion-laughs.xlsx',
    'encrypted-an-encrypted-xlsx.xlsx',
    'not-a-workbook-empty.xlsx',
    'csv-size-320000-rows.csv',
  ];

  it('exits 0, 1 or 2, names every refused file, and accounts for every value cell of the others', { timeout: 180_000 }, () => {
    const files = PICK.map((name) => corpus.find((f) => f.name === name)!);
    expect(files.every(Boolean)).toBe(true);
    const paths = files.map((f) => {
      const p = join(dir, f.name);
      writeFileSync(p, f.bytes());
      return p;
    });
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [...HEAP, join(repo, 'packages/cli/src/bin.ts'), 'ingest', ...paths, '--country', 'ARM', '--out', out], { cwd: repo, encoding: 'utf8', timeout: 150_000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.error).toBeUndefined();
    expect(r.stderr).not.toMatch(/internal error|RangeError|at .+\.ts:\d+/u);
    expect(r.status).toBe(2);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { files: { file: string; value_cells: number; accounted: boolean }[] };
    for (const f of files) {
      if (f.expect.outcome === 'refused') {
        expect(r.stderr, f.name).toContain(f.name);
        continue;
      }
      const read = summary.files.find((s) => s.file.endsWith(f.name));
      expect(read?.accounted, f.name).toBe(true);
      if (f.expect.outcome === 'read') expect(read?.value_cells, f.name).toBe(f.expect.valueCells);
    }
    expect(existsSync(join(out, 'observations.csv'))).toBe(true);
  });
});
