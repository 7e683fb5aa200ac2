import type { FileSummary } from '@mch/core';
import { describe, expect, it } from 'vitest';
import { reportView } from './report-view';
import { runQuality } from './run';
import { input, o, slice } from './testing/fixtures';
import { tableRuns } from './view-scorecard';

const files: FileSummary[] = [
  { file: 'data/raw/ARM.xlsx', sha256: 'f', ref_area: 'ARM', format: 'xlsx', value_cells: 7, observations: 6, rejections: 1, tables: ['T05', 'T06'], ignored_sheets: ['Notes'], hidden_sheets: [], warnings: [] },
];
const arm = [
  o('ARM|T05|2012|LT|_T||_T', 5210),
  o('ARM|T05|2012|LT|M||_T', 2400),
  o('ARM|T05|2012|LT|F||_T', 2790),
  // a table sent with every cell `..`: a hole, not a complete table
  ...slice('ARM|T06|2012|LT', { '_T||_T': null, '_T||RUS': null, '_T||KAZ': null }),
];
const view = () =>
  reportView(
    runQuality(
      input(arm, {
        config: { release_date: '2013-11-15', countries: { ARM: { files: [{ path: 'data/raw/ARM.xlsx', round: 2013, received: '2013-06-28' }] }, KAZ: {}, RUS: {} } },
        data: { files },
        benchmarks: [{ series: 'wpp2024', ref_area: 'ARM', time_period: 2012, sex: '_T', value: -5000 }],
      }),
    ),
  );

describe('what the reports show', () => {
  it('lists countries only: a warning about the run (no country) is not a blank row', () => {
    const v = view();
    expect(v.runWarnings.map((w) => [w.kind, w.where])).toEqual([['benchmark-vintage', 'run']]);
    expect(v.countries).toEqual(['ARM', 'KAZ', 'RUS']);
    expect(v.byCountry.map((c) => c.ref_area)).toEqual(['ARM', 'KAZ', 'RUS']);
    expect(v.scorecards.map((c) => c.ref_area)).toEqual(['ARM', 'KAZ', 'RUS']);
  });

  it('colours completeness by the share of cells present and says how many, so an all-missing table is a hole', () => {
    const row = view().completeness.rows.find((r) => r.ref_area === 'ARM')!;
    const at = (table: string) => row.cells[view().completeness.tables.findIndex((t) => t.id === table) * 3 + 2]!;
    expect(at('T05')).toMatchObject({ text: '3', cls: 'c-full' });
    expect(at('T06')).toMatchObject({ text: '0/3', cls: 'c-empty' });
    expect(at('T06').title).toBe('ARM T06 2012: 0 of 3 cells present (0 %); 3 missing or cannot exist, 0 refused; not declared');
  });

  it('gives each country a scorecard: what it sent, what failed, what to ask', () => {
    const card = view().scorecards.find((c) => c.ref_area === 'ARM')!;
    expect(card.sent.files).toEqual([
      expect.objectContaining({ name: 'ARM.xlsx', received: '2013-06-28', cells: '7', observations: '6', refused: '1', tables: 'T05 T06', notes: ['sheets ignored: Notes'] }),
    ]);
    expect(card.counts).toMatchObject({ errors: 3, waived: 0 });
    expect(card.rules.map((r) => r.id)).toEqual(['MCH-A01', 'MCH-C01', 'MCH-G01']);
    expect(card.ask[0]).toMatchObject({ severity: 'error', rule: 'MCH-A01', message: 'T05 ARM 2012 long-term: total 5 210 ≠ men 2 400 + women 2 790 = 5 190, difference 20' });
    expect(card.ask.map((a) => a.severity)).toEqual(['error', 'error', 'error', 'warning']);
  });

  it('asks about a series once: its findings over the years as one question with the count, years and worst', () => {
    const jumps = Object.entries({ 2006: 1000, 2007: 2200, 2008: 900, 2009: 2300, 2010: 950, 2011: 2400, 2012: 1000 }).map(([y, v]) => o(`RUS|T04|${y}|NAT|_T||KAZ`, v));
    const report = runQuality(input(jumps));
    const card = reportView(report).scorecards.find((c) => c.ref_area === 'RUS')!;
    const t01 = card.ask.filter((a) => a.rule === 'MCH-T01');
    expect(t01).toHaveLength(1);
    expect(t01[0]!.message).toMatch(/^6 findings 2007–2012, largest change 155\.6 % \(2009\): T04 RUS 2009 permanent residence \(national definition\), partner KAZ: 900 in 2008 → 2 300 in 2009/);
    expect(t01[0]!.message_ru).toMatch(/^6 замечаний 2007–2012, наибольшее изменение 155\.6 % \(2009\): T04 RUS 2009/);
    expect(card.rules.find((r) => r.id === 'MCH-T01')).toMatchObject({ failed: '6', series: '1' });
  });

  it('counts the open findings in the headline and names the waived beside their severity', () => {
    const report = runQuality(input(arm, { config: { countries: { ARM: {} } } }));
    const plain = reportView(report).scorecards.find((c) => c.ref_area === 'ARM')!;
    expect(plain.headline).toBe('3 errors, 1 warning, 0 info');
    // two of the three errors waived: "1 error" alone, above a rule table with three, read as a contradiction
    let left = 2;
    const findings = report.findings.map((f) => (f.ref_area === 'ARM' && f.severity === 'error' && left-- > 0 ? { ...f, waived: true } : f));
    const card = reportView({ ...report, findings }).scorecards.find((c) => c.ref_area === 'ARM')!;
    expect(card.headline).toBe('1 error (+2 waived), 1 warning, 0 info');
  });

  it('says how many value cells of the files the completeness count leaves out, and none when it counts them all', () => {
    const card = (sent: FileSummary[]) => reportView(runQuality(input(arm, { config: { countries: { ARM: {} } }, data: { files: sent } }))).scorecards.find((c) => c.ref_area === 'ARM')!;
    const own = { ...files[0]!, value_cells: 6, rejections: 0 };
    expect(card([own]).sent.present).toBe('3 of 6 cells (50 %)');
    expect(card([own]).sent.not_counted).toBe('');
    const earlier = { ...own, file: 'data/raw/ARM_2011.xlsx', value_cells: 279 };
    expect(card([earlier, own]).sent.not_counted).toBe("279 more value cells of these files not in this count, such as cells another file (or the same one) gives again, cells of years or tables outside the release, and refused cells without a year");
  });

  it('joins runs of table numbers', () => {
    expect(tableRuns(['T03', 'T01', 'T02', 'T05', 'T07', 'T08', 'T09', 'T10', 'T11'])).toBe('T01–T03 T05 T07–T11');
    expect(tableRuns(['T04', 'T05'])).toBe('T04 T05');
  });
});
