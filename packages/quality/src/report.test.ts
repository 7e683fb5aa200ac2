import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QualityReport, Waiver, parseYamlWith } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './report-html';
import { reportJson } from './report-json';
import { runQuality } from './run';
import { input, o } from './testing/fixtures';
import { noisyReport } from './testing/noisy-report';
import { waiverFromFinding } from './waive';
import { readReportTemplates, writeInternalReports } from './write';

const hostile = '<script>alert(1)</script>=HYPERLINK("http://x")';
const cells = () => [
  o('ARM|T05|2012|LT|_T||_T', 5210, { source: { file: hostile, sha256: 'x', sheet: 'T05', cell: 'C5', raw: '5210' } }),
  o('ARM|T05|2012|LT|M||_T', 2400),
  o('ARM|T05|2012|LT|F||_T', 2790),
  o('KAZ|T04|2012|LT|_T||RUS', 300),
  o('RUS|T08|2012|NAT|_T||KAZ', 100),
];

describe('the report model and its forms', () => {
  it('is deterministic and independent of input order', () => {
    const a = runQuality(input(cells()));
    const b = runQuality(input([...cells()].reverse()));
    expect(reportJson(a)).toBe(reportJson(b));
  });

  it('writes report.json with the keys of quality.md in order, numbers as numbers, and a trailing newline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mch-quality-'));
    try {
      const written = await writeInternalReports(runQuality(input(cells())), dir);
      expect(written.map((p) => p.slice(dir.length + 1))).toEqual(['report.json', 'report.html', 'report.pdf', 'feedback/ARM.xlsx', 'feedback/KAZ.xlsx', 'feedback/RUS.xlsx']);
      const text = readFileSync(join(dir, 'report.json'), 'utf8');
      expect(text.endsWith('}\n')).toBe(true);
      const json = JSON.parse(text);
      expect(Object.keys(json)).toEqual([
        'version', 'release_date', 'rules', 'findings', 'mirror', 'emigration_estimates', 'completeness', 'gate', 'series', 'submissions', 'run_warnings', 'changes', 'mirror_band', 'groups',
      ]);
      const f = json.findings.find((x: { rule: string }) => x.rule === 'MCH-A01');
      expect(Object.keys(f).slice(0, 16)).toEqual([
        'id', 'rule', 'severity', 'ref_area', 'table', 'time_period', 'migr_type', 'sex', 'age', 'partner', 'values', 'sources', 'message', 'message_ru', 'waived', 'waiver',
      ]);
      expect(f.values.total).toBe(5210);
      expect(json.rules.map((r: { id: string }) => r.id)).toContain('MCH-W01');
      // what mch waive and mch status read back: the model's own schema
      expect(() => QualityReport.parse(json)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders a self-contained HTML page with hostile text escaped and no network reference', async () => {
    const html = renderReportHtml(runQuality(input(cells())), await readReportTemplates());
    expect(html).not.toContain('<script>alert');
    // inside the data block nothing can close the element or start markup
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain("default-src 'none'");
    // the one inline script runs by its hash: no 'unsafe-inline' for scripts
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(html).toMatch(/<td class="r-above" title="[^"]*">3<\/td>/); // KAZ from RUS: 300 / 100
    expect(html).toContain('T05 ARM 2012 long-term: total 5 210 ≠ men 2 400 + women 2 790 &#x3D; 5 190, difference 20');
    const data = JSON.parse(/<script type="application\/json" id="report-data" data-encoding="json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(data.findings.map((f: string[]) => f[2])).toContain('T05 ARM 2012 long-term: total 5 210 ≠ men 2 400 + women 2 790 = 5 190, difference 20');
  });

  it('gives the same page twice, its data plain while small and gzipped when large', async () => {
    const templates = await readReportTemplates();
    const small = runQuality(input(cells()));
    expect(renderReportHtml(small, templates)).toBe(renderReportHtml(small, templates));
    const large = noisyReport(20_000);
    const page = renderReportHtml(large, templates);
    expect(renderReportHtml(large, templates)).toBe(page);
    expect(page).toContain('data-encoding="gzip-base64"');
    // the page stays the size of a summary, whatever the number of findings
    expect(Buffer.byteLength(page)).toBeLessThan(4_000_000);
  });

  it('turns a finding into a waiver that, pasted into the configuration, waives it', () => {
    const report = runQuality(input(cells()));
    const id = report.findings.find((f) => f.rule === 'MCH-A01')!.id;
    const yaml = waiverFromFinding(report, id, 'confirmed: "men" excludes 20\nof unknown sex', 'J. Smith', '2013-10-01');
    const [entry] = parseYamlWith(Waiver.array(), yaml, 'waiver.yaml');
    expect(entry!).toMatchObject({ rule: 'MCH-A01', ref_area: 'ARM', table: 'T05', time_period: 2012, key: 'ARM|T05|2012|LT|_T||_T', expires: '2014.1' });
    expect(entry!.justification).toBe('confirmed: "men" excludes 20\nof unknown sex');
    const again = runQuality(input(cells(), { config: { waivers: [entry!] } }));
    expect(again.findings.find((f) => f.id === id)!.waived).toBe(true);
    expect(() => waiverFromFinding(report, 'MCH-A01:nothing', 'r', 'a', '2013-10-01')).toThrow(/not in the report/);
  });
});
