import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type Finding, type QualityReport, parseYamlWith, ReleaseConfig, RULE_IDS, TableSet } from '@mch/core';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MCH12 } from './calibration';
import { buildPlantedRound, ROUND_YEARS } from './planted-round';
import { ROUND_PLANTS, ROUND_TRAPS, type RoundPlant } from './round-plants';

// The complete planted-errors round of 12 countries, checked by the real command: every planted
// error found under its own rule with its severity, nothing at a trap, no error elsewhere.
mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
const dir = mkdtempSync(join(REPO_ROOT, 'tmp', 'mch-round-'));
const folder = relative(REPO_ROOT, dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let report: QualityReport;
let run: { status: number | null; stdout: string; stderr: string };
beforeAll(() => {
  const read = (p: string) => readFileSync(join(REPO_ROOT, p), 'utf8');
  const tableSet = parseYamlWith(TableSet, read('pipelines/mch/tables.yaml'), 'pipelines/mch/tables.yaml');
  const base = parseYamlWith(ReleaseConfig, read('pipelines/mch/2013.1.yaml'), 'pipelines/mch/2013.1.yaml');
  const round = buildPlantedRound(tableSet, folder);
  for (const f of round.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
  // JSON is YAML: the configuration is read as any other
  writeFileSync(join(dir, 'round.yaml'), JSON.stringify(round.config(base), null, 2));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/bin.ts', 'check', `${folder}/round.yaml`, '--out', join(dir, 'out')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, MCH_QUIET: '1' },
  });
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (r.status !== 0 && r.status !== 1) throw new Error(`mch check exited ${r.status}: ${r.stderr}`);
  report = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
}, 240_000);

const matches = (p: RoundPlant) => (f: Finding) =>
  f.rule === p.rule && f.ref_area === p.ref_area && (p.table === '' || f.table === p.table) && f.time_period === p.time_period && (!p.says || f.message.includes(p.says));

describe('the planted-errors round through mch check', () => {
  it('is read whole: every questionnaire of the second writer gives its cells, and the planted errors close the gate', () => {
    expect(run.status, run.stderr).toBe(1);
    const sheets = (report.submissions ?? []).filter((s) => s.format === 'xlsx' && !s.file.endsWith('_metadata.xlsx'));
    expect(sheets).toHaveLength(11);
    for (const s of sheets) {
      expect(s.observations, s.file).toBeGreaterThan(s.file.includes('second_file') ? 50 : 1000);
      expect(s.warnings, s.file).toEqual([]);
    }
    expect(new Set(report.completeness.map((c) => c.ref_area))).toEqual(new Set(MCH12));
  });

  it('plants an error for every rule of the catalogue', () => {
    expect(new Set(ROUND_PLANTS.map((p) => p.rule))).toEqual(new Set(RULE_IDS));
  });

  it.each(ROUND_PLANTS.map((p) => [`${p.rule} ${p.ref_area} ${p.table} ${p.time_period ?? ''}: ${p.what}`, p] as const))('finds %s', (_name, p) => {
    const found = report.findings.filter(matches(p));
    expect(found.length, `${p.rule} at ${p.ref_area} ${p.table} ${p.time_period}`).toBeGreaterThan(0);
    expect([...new Set(found.map((f) => f.severity))]).toEqual([p.severity]);
  });

  it('reports the impossible partners under MCH-A05, read as observations, not as cells refused at ingest (issue 11, finding 1)', () => {
    const own = report.findings.filter((f) => f.rule === 'MCH-A05' && f.partner === f.ref_area);
    expect(own.map((f) => `${f.ref_area} ${f.table} ${f.time_period} ${f.sex}`).sort()).toEqual([
      'ARM T08 2011 F', 'ARM T08 2011 M', 'ARM T08 2011 _T', 'MDA T04 2012 F', 'MDA T04 2012 M', 'MDA T04 2012 _T', 'TJK T11 2012 F', 'TJK T11 2012 M', 'TJK T11 2012 _T',
    ]);
    expect(report.findings.filter((f) => f.rule === 'MCH-I01').map((f) => `${f.ref_area} ${f.table}`)).toEqual(['AZE T05']);
  });

  it.each(ROUND_TRAPS.map((t) => [`${t.ref_area} ${t.table}${t.partner ? ` ${t.partner}` : ''}: ${t.what}`, t] as const))('raises no error or warning at the trap %s', (_name, t) => {
    const at = report.findings.filter(
      (f) =>
        f.ref_area === t.ref_area &&
        f.table === t.table &&
        f.time_period !== null &&
        t.years.includes(f.time_period) &&
        (t.partner === undefined || f.partner === t.partner) &&
        (t.rules === undefined || t.rules.includes(f.rule)) &&
        f.severity !== 'info',
    );
    expect(at.map((f) => f.message)).toEqual([]);
  });

  it('raises no error on a country and year nothing was planted in', () => {
    const planted = new Set(ROUND_PLANTS.map((p) => `${p.ref_area}|${p.time_period}`));
    const elsewhere = report.findings.filter((f) => f.severity === 'error' && !planted.has(`${f.ref_area}|${f.time_period}`));
    expect(elsewhere.map((f) => f.message)).toEqual([]);
    // and every country-year of the round was looked at
    expect(report.completeness.filter((c) => ROUND_YEARS.includes(c.time_period as (typeof ROUND_YEARS)[number]) && c.observations === 0)).toEqual([]);
  });

  it('counts the identities around the refused figure as skipped, not failed', () => {
    const a03 = report.rules.find((r) => r.id === 'MCH-A03')!;
    expect(a03.skipped).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.rule === 'MCH-A03' && f.ref_area === 'AZE')).toBe(false);
  });

  it('writes the reports a CES session works from: the matrix of every year, a scorecard per country, the run warnings', () => {
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    for (const y of ROUND_YEARS) expect(html).toContain(`id="mirror-${y}"`);
    for (const c of MCH12) expect(html).toContain(`id="scorecard-${c}"`);
    expect(html.indexOf('id="mirror-2012"')).toBeLessThan(html.indexOf('id="scorecards"'));
    expect(report.run_warnings?.map((w) => w.kind)).toEqual(expect.arrayContaining(['waiver-unmatched']));
  });
});
