import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@mch/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { mch } from './testing';


const CONFIG = 'packages/cli/src/fixtures/gate-release.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'mch-gate-'));
// configurations must lie inside the repository: the gitignored tmp/ at its root
mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
const inRepo = mkdtempSync(join(REPO_ROOT, 'tmp', 'mch-gate-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(inRepo, { recursive: true, force: true });
  rmSync(join(REPO_ROOT, 'data', 'reports', '2099.1'), { recursive: true, force: true });
});

const FINDING = 'MCH-A01:ARM|T05|2012|LT|_T||_T';

describe('the quality gate, waivers and status through the real command', { timeout: 180_000 }, () => {
  it('refuses a release with an unwaived error: exit 1, what blocks it, and no release folder', () => {
    const target = join(scratch, 'release');
    const r = mch('release', CONFIG, '--out', target);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('T05 ARM 2012 long-term: total 3 210 ≠ men 1 500 + women 1 690 = 3 190, difference 20');
    expect(r.stderr).toContain('packages/cli/src/fixtures/gate/ARM_gate.csv:2');
    expect(r.stderr).toContain('nothing was published');
    expect(existsSync(target)).toBe(false);
    const check = mch('check', CONFIG, '--out', join(scratch, 'check'));
    expect(check.code).toBe(1);
  });

  it('turns the finding into a waiver that, pasted into the configuration, opens the gate', () => {
    const out = join(scratch, 'check-1');
    expect(mch('check', CONFIG, '--out', out).code).toBe(1);
    const w = mch('waive', join(out, 'report.json'), FINDING, '--reason', 'office confirmed 20 of unknown sex', '--approved-by', 'J. Smith');
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/^- rule: MCH-A01\n {2}ref_area: ARM\n/);
    expect(w.stdout).toContain('fingerprint: "');
    const config = join(inRepo, 'waived.yaml');
    writeFileSync(config, `${readFileSync(join(REPO_ROOT, CONFIG), 'utf8')}waivers:\n${w.stdout}`);
    const rel = relative(REPO_ROOT, config);
    const out2 = join(scratch, 'check-2');
    const again = mch('check', rel, '--out', out2);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out2, 'report.json'), 'utf8'));
    const f = report.findings.find((x: { id: string }) => x.id === FINDING);
    expect(f).toMatchObject({ waived: true, waiver: { justification: 'office confirmed 20 of unknown sex', approved_by: 'J. Smith' } });
    expect(report.gate).toEqual({ passed: true, blocking: 0 });
    const html = readFileSync(join(out2, 'report.html'), 'utf8');
    expect(html).toContain('waived / исключение: office confirmed 20 of unknown sex');
    // a waiver for a value that changed no longer applies: the finding returns and the waiver is reported
    const changed = join(inRepo, 'changed.yaml');
    writeFileSync(changed, `${readFileSync(config, 'utf8')}`.replace(/fingerprint: "[0-9a-f]+"/, `fingerprint: "${'0'.repeat(64)}"`));
    const third = mch('check', relative(REPO_ROOT, changed), '--out', join(scratch, 'check-3'));
    expect(third.code).toBe(1);
    const r3 = JSON.parse(readFileSync(join(scratch, 'check-3', 'report.json'), 'utf8'));
    expect(r3.findings.find((x: { rule: string }) => x.rule === 'MCH-W01').message).toContain('fingerprint differs');
    // and said on stdout, where the summary is, not only in the report
    expect(third.stdout).toMatch(/warnings about the run \(MCH-W01\): 1\b/);
    expect(third.stdout).toContain('warning ARM Waiver MCH-A01 ARM');
  });

  it('shows who has sent what, with open errors', () => {
    const r = mch('status', CONFIG);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ARM  2099-06-30  packages/cli/src/fixtures/gate/ARM_gate.csv');
    const row = r.stdout.split('\n').find((l) => l.startsWith('ARM     2012'))!;
    const cells = row.slice(16).match(/.{14}/g)!.map((c) => c.trim());
    // T01 … T11: only T05 received, 3 observations and 1 open error; T05 was the only table declared
    expect(cells).toEqual(['—', '—', '—', '—', '3 1e', '—', '—', '—', '—', '—', '—']);
  });
});
