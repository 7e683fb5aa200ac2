import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLists, ReleaseConfigInput } from '@mch/core';
import { TABLE_IDS, reportingCountries, writtenPartners } from './countries';
import { TIERS, type Tier, writeCountryCsv } from './generate';

/** Bench releases are dated after the last reference year, as a real one is. */
export const RELEASE = { version: '2020.1', date: '2020-11-15', lastYear: 2019 };

export interface BenchFile {
  ref_area: string;
  /** repository-relative, as the configuration names it */
  path: string;
  rows: number;
  seed: number;
  bytes: number;
}

export interface Workspace {
  root: string;
  tier: Tier;
  years: number[];
  files: BenchFile[];
  /** repository-relative path of the release configuration */
  config: string;
  /** the largest country (the first of equals): its file, and a release configuration of it alone */
  largest: BenchFile;
  oneCountryConfig: string;
  /** what the generated input is made from; saved beside it so that a later run can reuse it */
  stamp: string;
}

const STAMP = 'data/raw/bench/input.json';

/**
 * A throwaway repository for the CLI to run in: its own pnpm-workspace.yaml (so `mch` takes it for
 * the repository root and writes reports, releases and cache there, not into the shared tree),
 * copies of the table set, code lists and templates, links to the packages and lockfile (the code
 * fingerprint of the cache reads them), the generated input and a release configuration for it.
 * Input already generated with the same tier, countries and generator is reused.
 */
export async function prepareWorkspace(repo: string, root: string, tier: Tier, codelists: CodeLists, limit?: number, log = (_: string) => {}): Promise<Workspace> {
  const refAreas = reportingCountries(tier, limit);
  const years = Array.from({ length: TIERS[tier].years }, (_, i) => RELEASE.lastYear - TIERS[tier].years + 1 + i);
  mkdirSync(join(root, 'data', 'raw', 'bench'), { recursive: true });
  mkdirSync(join(root, 'pipelines', 'bench'), { recursive: true });
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
  rmSync(join(root, 'pipelines', 'mch'), { recursive: true, force: true });
  cpSync(join(repo, 'pipelines', 'mch'), join(root, 'pipelines', 'mch'), { recursive: true });
  rmSync(join(root, 'templates'), { recursive: true, force: true });
  cpSync(join(repo, 'templates'), join(root, 'templates'), { recursive: true });
  for (const link of ['packages', 'pnpm-lock.yaml']) {
    rmSync(join(root, link), { force: true, recursive: false });
    symlinkSync(join(repo, link), join(root, link));
  }
  const stamp = JSON.stringify({ tier, refAreas, years, generator: generatorHash(repo) });
  let files = reusable(root, stamp);
  if (files) log(`input: reusing ${files.length} generated files in ${join(root, 'data/raw/bench')}`);
  else {
    files = [];
    for (const [i, ref_area] of refAreas.entries()) {
      const path = `data/raw/bench/${ref_area}.csv`;
      const seed = 1000 + i;
      const rows = await writeCountryCsv(join(root, path), { ref_area, partners: writtenPartners(tier, ref_area, codelists, i * 7), years, seed });
      files.push({ ref_area, path, rows, seed, bytes: statSync(join(root, path)).size });
      log(`input: ${path} ${rows} rows`);
    }
    saveStamp(root, stamp, files);
  }
  const config = `pipelines/bench/${RELEASE.version}.yaml`;
  const largest = files.reduce((a, b) => (b.rows > a.rows ? b : a));
  const oneCountryConfig = `pipelines/bench/${RELEASE.version}-${largest.ref_area}.yaml`;
  // JSON is YAML: the configuration is written as the one and read as the other
  writeFileSync(join(root, config), `${JSON.stringify(releaseConfig(files, years), null, 1)}\n`);
  writeFileSync(join(root, oneCountryConfig), `${JSON.stringify(releaseConfig([largest], years), null, 1)}\n`);
  return { root, tier, years, files, config, largest, oneCountryConfig, stamp };
}

function saveStamp(root: string, stamp: string, files: readonly BenchFile[]): void {
  writeFileSync(join(root, STAMP), JSON.stringify({ stamp, files }, null, 1));
}

/** Regenerates one country's file with another seed: a resubmission, for the incremental runs. */
export async function resubmit(ws: Workspace, codelists: CodeLists, index: number, seed: number): Promise<BenchFile> {
  const f = ws.files[index]!;
  // the stamp no longer describes the files until restore: a run stopped in between generates them again
  rmSync(join(ws.root, STAMP), { force: true });
  const rows = await writeCountryCsv(join(ws.root, f.path), { ref_area: f.ref_area, partners: writtenPartners(ws.tier, f.ref_area, codelists, index * 7), years: ws.years, seed });
  return { ...f, rows, seed };
}

/** Writes the file `resubmit` replaced back as it was generated, and the stamp with it. */
export async function restore(ws: Workspace, codelists: CodeLists, index: number): Promise<void> {
  const f = ws.files[index]!;
  await resubmit(ws, codelists, index, f.seed);
  saveStamp(ws.root, ws.stamp, ws.files);
}

function reusable(root: string, stamp: string): BenchFile[] | undefined {
  try {
    const saved = JSON.parse(readFileSync(join(root, STAMP), 'utf8')) as { stamp: string; files: BenchFile[] };
    return saved.stamp === stamp && saved.files.every((f) => existsSync(join(root, f.path)) && statSync(join(root, f.path)).size === f.bytes) ? saved.files : undefined;
  } catch {
    return undefined;
  }
}

function generatorHash(repo: string): string {
  const hash = createHash('sha256');
  for (const f of ['generate.ts', 'countries.ts']) hash.update(readFileSync(join(repo, 'packages', 'bench', 'src', f)));
  hash.update(readFileSync(join(repo, 'pipelines', 'mch', 'codelists.yaml')));
  return hash.digest('hex').slice(0, 16);
}

/** Every country cleared, with the metadata MCH-G01 asks for, so the gate judges the data alone. */
function releaseConfig(files: readonly BenchFile[], years: readonly number[]): ReleaseConfigInput {
  const country = (f: BenchFile) => ({
    files: [{ path: f.path, round: RELEASE.lastYear + 1, supersedes: false, received: `${RELEASE.lastYear + 1}-06-30` }],
    definition_basis: { default: 'PERM_REG' as const, T01: 'REGISTER_STOCK' as const, T02: 'REGISTER_STOCK' as const, T03: 'REGISTER_STOCK' as const, T11: 'OTHER' as const },
    basis_notes: [{ basis: 'OTHER' as const, tables: ['T11'], en: 'Acquisitions of citizenship recorded during the year.', ru: 'Приобретение гражданства, зарегистрированное в течение года.' }],
    stock_reference: '01-01' as const,
    territory: 'Whole territory of the country',
    territory_ru: 'Вся территория страны',
    supply: { tables: TABLE_IDS, years: [...years], migr_types: ['LT' as const, 'ST' as const, 'NAT' as const] },
    clearance: { cleared: true, by: 'National statistical office (generated benchmark input)', date: `${RELEASE.lastYear + 1}-10-01` },
    coverage: {
      labour_migrants: 'Included when registered.',
      labour_migrants_ru: 'Учитываются при регистрации.',
      refugees: 'Included when registered.',
      refugees_ru: 'Учитываются при регистрации.',
    },
  });
  return {
    version: RELEASE.version,
    release_date: RELEASE.date,
    reference_years: [...years],
    table_set: 'pipelines/mch/tables.yaml',
    codelists: 'pipelines/mch/codelists.yaml',
    countries: Object.fromEntries(files.map((f) => [f.ref_area, country(f)])),
    metadata: {
      title_en: 'Benchmark release (generated input, not statistics)',
      title_ru: 'Контрольный выпуск (сгенерированные данные, не статистика)',
      contact: { organisation: 'mch benchmark', unit: 'bench', email: 'bench@example.org', organisation_ru: 'mch benchmark' },
    },
  };
}
