import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const series = (values: Record<number, number>, extra: Record<number, object> = {}) =>
  Object.entries(values).map(([y, v]) => o(`RUS|T04|${y}|NAT|_T||KAZ`, v, extra[Number(y)] ?? {}));

describe('MCH-T01 year-on-year change', () => {
  it('warns on a jump above 50 % for cells of at least 100 persons', () => {
    const { findings } = runRule('MCH-T01', series({ 2010: 1000, 2011: 1100, 2012: 2000 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('T04 RUS 2012 permanent residence (national definition), partner KAZ: 1 100 in 2011 → 2 000 in 2012, change 81.8 %; no break is registered');
  });

  it('names a ratio near 1000 as a likely unit error', () => {
    const { findings } = runRule('MCH-T01', series({ 2011: 12_400, 2012: 12 }));
    expect(findings[0]!.message).toContain('likely reported in thousands');
  });

  it('does not read a small row that grew as a unit error: 1 → 1 583 is a jump, not thousands', () => {
    const { findings } = runRule('MCH-T01', series({ 2011: 1, 2012: 1583 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('T04 RUS 2012 permanent residence (national definition), partner KAZ: 1 in 2011 → 1 583 in 2012, change 158 200 %; no break is registered');
    // the smallest figure the reading needs: 10 thousand-units against 10 000 persons
    expect(runRule('MCH-T01', series({ 2011: 9, 2012: 9000 })).findings[0]!.message).not.toContain('thousands');
    expect(runRule('MCH-T01', series({ 2011: 10, 2012: 10_000 })).findings[0]!.message).toContain('likely reported in thousands');
  });

  it('passes steady series, small cells and years after a registered break', () => {
    expect(runRule('MCH-T01', series({ 2010: 1000, 2011: 1100, 2012: 1200 })).findings).toEqual([]);
    expect(runRule('MCH-T01', series({ 2011: 20, 2012: 90 })).findings).toEqual([]);
    const breaks = [{ ref_area: 'RUS', first_year: 2012, tables: ['T04'], text_en: '9-month rule', text_ru: 'правило 9 месяцев' }];
    const { findings, summary } = runRule('MCH-T01', series({ 2011: 1100, 2012: 3000 }), { breaks });
    expect(findings).toEqual([]);
    expect(summary.skipped).toBe(1);
  });

  it('flags an outlier by its robust z-score against the series', () => {
    const { findings } = runRule('MCH-T01', series({ 2006: 1000, 2007: 1010, 2008: 1020, 2009: 1490, 2010: 1000, 2011: 1005 }), {
      config: { rules: { 'MCH-T01': { threshold: 0.9 } } },
    });
    expect(findings.map((f) => f.time_period)).toEqual([2009]);
    expect(findings[0]!.message).toContain('robust z-score');
  });

  it('reports men and women that move with their total in the total’s finding', () => {
    const cells = ['_T', 'M', 'F'].flatMap((sex, k) => [o(`ARM|T08|2010|ST|${sex}||UKR`, [154, 74, 80][k]!), o(`ARM|T08|2011|ST|${sex}||UKR`, [235, 112, 123][k]!)]);
    const { findings } = runRule('MCH-T01', cells);
    expect(findings.map((f) => f.message)).toEqual([
      'T08 ARM 2011 short-term, partner UKR: 154 in 2010 → 235 in 2011, change 52.6 %; likewise men 74 → 112, women 80 → 123; no break is registered',
    ]);
    expect(findings[0]!.sources).toHaveLength(6);
  });

  it('reports a whole table that moves together once, as a level shift', () => {
    const partners = ['_T', 'RUS', 'KAZ', 'UKR', 'DEU', 'ISR'];
    const cells = partners.flatMap((p, k) => [o(`KAZ|T08|2011|NAT|_T||${p}`, [4190, 2000, 900, 700, 350, 240][k]!), o(`KAZ|T08|2012|NAT|_T||${p}`, [9635, 4600, 2070, 1610, 805, 550][k]!)]);
    const { findings } = runRule('MCH-T01', cells);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.id).toBe('MCH-T01:KAZ|T08|2012|NAT|_T||_T|level-shift');
    expect(findings[0]!.message).toBe(
      'T08 KAZ 2012 permanent residence (national definition): 6 of 6 cells changed by more than 50 % since 2011, all upward; total 4 190 in 2011 → 9 635 in 2012, change 130 %; looks like an undeclared break in series or a change of source: ask the office what changed; no break is registered',
    );
    expect(findings[0]!.sources).toHaveLength(12);
    expect(findings[0]!.values).toMatchObject({ cells_checked: 6, cells_changed: 6 });
    // below the configured number of cells, each cell is its own finding
    const few = runRule('MCH-T01', cells, { config: { rules: { 'MCH-T01': { shift_cells: 10 } } } });
    expect(few.findings).toHaveLength(6);
  });

  it('reads a whole table typed 1000× too large as a unit error, whatever its small rows do', () => {
    // the total and the big rows ×1000; three rows of 1 to 3 persons ×1000 say nothing either way
    const before = [5210, 3000, 1200, 1004, 3, 2, 1];
    const partners = ['_T', 'RUS', 'KAZ', 'UKR', 'DEU', 'ISR', 'USA'];
    const cells = partners.flatMap((p, k) => [o(`TJK|T11|2009||_T||${p}`, before[k]!), o(`TJK|T11|2010||_T||${p}`, before[k]! * 1000)]);
    const [f] = runRule('MCH-T01', cells).findings;
    expect(f!.id).toBe('MCH-T01:TJK|T11|2010||_T||_T|level-shift');
    expect(f!.message).toContain('ratios near 1000: likely reported in thousands');
  });
});
