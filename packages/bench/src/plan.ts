import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Workspace } from './workspace';

/** The parts of a bench run, in the order they run; `--only` picks some. */
export const SECTIONS = ['stages', 'one', 'whole', 'incremental'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  stages: 'Stages, every country (library calls as the chain makes them, one process per stage)',
  one: 'One country (the largest file): the commands and the pandas scripts',
  whole: 'Every country: the commands end to end (`--no-cache`) and the pandas + openpyxl script',
  incremental: 'Incremental: one country resubmits (a fresh cache filled by a first run, then that country\'s file regenerated with another seed)',
};

/** One process the bench runs and times. */
export interface Step {
  id: string;
  section: Section;
  label: string;
  argv: string[];
  /** the rows it processes: a fixed count (input rows), or what the stage process reports */
  rows: number | 'reported';
  /** ids of the steps whose seconds add up to its floor (a stage's per-country seconds where `floorCountry` is set) */
  floor?: string[];
  floorCountry?: string;
  /** id of the pandas step doing the same work */
  pandas?: string;
  /** id of the full run an incremental one is a share of */
  share?: string;
  env?: Record<string, string>;
  /** output folders of the step, removed before and after it */
  outputs?: string[];
  /** what must happen just before it (a resubmission), and after the section */
  before?: 'resubmit';
}

export interface Tools {
  /** how to start the mch CLI: compiled JavaScript where it is built, else the sources through tsx */
  mch: string[];
  mchKind: 'compiled' | 'tsx';
  /** how to start a bench stage process */
  stage: string[];
  python: string | undefined;
}

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The compiled CLI when packages/cli/dist/bin.js exists (it rebuilds itself when older than its
 * sources), else tsx; with the Node.js options the README's `npm run mch` gives it, so the bench
 * times mch as a user runs it.
 */
export function tools(repo: string, python: string | undefined): Tools {
  const compiled = join(repo, 'packages', 'cli', 'dist', 'bin.js');
  const tsx = fileURLToPath(import.meta.resolve('tsx'));
  const heap = '--max-old-space-size=20000';
  const flags = mchNodeOptions(repo);
  return {
    mch: existsSync(compiled) ? ['node', ...flags, compiled] : ['node', ...flags, '--import', tsx, join(repo, 'packages', 'cli', 'src', 'bin.ts')],
    mchKind: existsSync(compiled) ? 'compiled' : 'tsx',
    stage: ['node', heap, '--import', tsx, join(here, 'stage.ts')],
    python,
  };
}

/** The Node.js options of the root package.json's `mch` script (`node <options> packages/cli/dist/bin.js`). */
export function mchNodeOptions(repo: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts.mch ?? '').split(/\s+/).filter(Boolean);
  if (words[0] !== 'node' || words.at(-1) !== 'packages/cli/dist/bin.js') throw new Error(`package.json: the mch script "${scripts.mch ?? ''}" is not "node [options] packages/cli/dist/bin.js"`);
  return words.slice(1, -1);
}

/** Every step of a run on a workspace. */
export function plan(ws: Workspace, t: Tools, repo: string): Step[] {
  const all = ws.files.reduce((n, f) => n + f.rows, 0);
  const one = ws.largest;
  const out = (name: string) => join(ws.root, '.bench', 'out', name);
  const stage = (name: string, country?: string) => [...t.stage, name, ws.root, ws.config, ...(country ? [country] : [])];
  const pandas = (script: string, ...args: string[]) => (t.python ? [t.python, join(repo, 'packages', 'bench', 'pandas', script), ...args] : []);
  const cache = { MCH_CACHE_DIR: join(ws.root, '.bench', 'cache') };
  const steps: Step[] = [
    { id: 'csv-floor', section: 'stages', label: 'floor: csv-parse alone on the same bytes (arrays, 1 MB chunks)', argv: stage('csv-floor'), rows: 'reported', floor: ['csv-floor'] },
    { id: 'ingest', section: 'stages', label: 'ingest (`ingestFile`, country by country)', argv: stage('ingest'), rows: 'reported', floor: ['csv-floor'] },
    { id: 'harmonise', section: 'stages', label: 'harmonise, into the columnar store', argv: stage('harmonise'), rows: 'reported' },
    { id: 'quality', section: 'stages', label: 'quality: every rule (`checkCountry` each, `finishQuality`)', argv: stage('quality'), rows: 'reported' },
    { id: 'xlsx-floor', section: 'stages', label: 'floor: exceljs streaming writer alone, the published cells', argv: stage('xlsx-floor'), rows: 'reported', floor: ['xlsx-floor'] },
    { id: 'csv-floor-one', section: 'one', label: `floor: csv-parse alone, ${one.path}`, argv: stage('csv-floor', one.ref_area), rows: 'reported', floor: ['csv-floor-one'] },
    {
      id: 'mch-ingest-one', section: 'one', label: `\`mch ingest ${one.path} --country ${one.ref_area}\``,
      argv: [...t.mch, 'ingest', one.path, '--country', one.ref_area, '--out', out('ingest-one')], rows: one.rows, floor: ['csv-floor-one'], pandas: 'pandas-ingest-one', outputs: [out('ingest-one')],
    },
    { id: 'pandas-ingest-one', section: 'one', label: 'pandas: `ingest_long_csv.py`, the same file', argv: pandas('ingest_long_csv.py', one.path, one.ref_area, out('pandas-ingest-one')), rows: one.rows, floor: ['csv-floor-one'], outputs: [out('pandas-ingest-one')] },
    {
      id: 'mch-check-one', section: 'one', label: `\`mch check --no-cache\`, ${one.ref_area} alone`,
      argv: [...t.mch, 'check', ws.oneCountryConfig, '--no-cache', '--out', out('check-one')], rows: one.rows, floor: ['csv-floor-one'], outputs: [out('check-one')],
    },
    {
      id: 'mch-release-one', section: 'one', label: `\`mch release --no-cache\`, ${one.ref_area} alone (every format)`,
      argv: [...t.mch, 'release', ws.oneCountryConfig, '--no-cache', '--out', out('release-one')], rows: one.rows, floor: ['csv-floor-one', 'xlsx-floor'], floorCountry: one.ref_area, pandas: 'pandas-chain-one', outputs: [out('release-one')],
    },
    { id: 'pandas-chain-one', section: 'one', label: `pandas + openpyxl: \`chain.py\`, ${one.ref_area} alone (to the Excel tables)`, argv: pandas('chain.py', ws.oneCountryConfig, out('pandas-chain-one')), rows: one.rows, floor: ['csv-floor-one', 'xlsx-floor'], floorCountry: one.ref_area, outputs: [out('pandas-chain-one')] },
    { id: 'mch-check', section: 'whole', label: '`mch check --no-cache` (ingest, harmonise, every rule, the internal reports)', argv: [...t.mch, 'check', ws.config, '--no-cache', '--out', out('check')], rows: all, floor: ['csv-floor'], outputs: [out('check')] },
    { id: 'mch-release', section: 'whole', label: '`mch release --no-cache` (every format)', argv: [...t.mch, 'release', ws.config, '--no-cache', '--out', out('release')], rows: all, floor: ['csv-floor', 'xlsx-floor'], pandas: 'pandas-chain', outputs: [out('release')] },
    { id: 'pandas-chain', section: 'whole', label: 'pandas + openpyxl: `chain.py` (to the Excel tables)', argv: pandas('chain.py', ws.config, out('pandas-chain')), rows: all, floor: ['csv-floor', 'xlsx-floor'], outputs: [out('pandas-chain')] },
    { id: 'check-cold', section: 'incremental', label: '`mch check`, empty cache (fills it)', argv: [...t.mch, 'check', ws.config, '--out', out('check-cold')], rows: all, env: cache, outputs: [out('check-cold')], share: 'mch-check' },
    { id: 'release-cold', section: 'incremental', label: '`mch release`, after it (reuses its checks)', argv: [...t.mch, 'release', ws.config, '--out', out('release-cold')], rows: all, env: cache, outputs: [out('release-cold')], share: 'mch-release' },
    // each after a resubmission of its own, so neither finds the new file's country cached by the other
    { id: 'release-one-changed', section: 'incremental', label: `\`mch release\`, ${ws.files[0]!.ref_area} resubmitted`, argv: [...t.mch, 'release', ws.config, '--out', out('release-inc')], rows: all, env: cache, outputs: [out('release-inc')], share: 'mch-release', before: 'resubmit' },
    { id: 'check-one-changed', section: 'incremental', label: `\`mch check\`, ${ws.files[0]!.ref_area} resubmitted again`, argv: [...t.mch, 'check', ws.config, '--out', out('check-inc')], rows: all, env: cache, outputs: [out('check-inc')], share: 'mch-check', before: 'resubmit' },
  ];
  return steps.filter((s) => s.argv.length > 0);
}
