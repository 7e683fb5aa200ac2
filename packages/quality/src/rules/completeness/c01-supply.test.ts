import { describe, expect, it } from 'vitest';
import { o, slice } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const supply = { countries: { ARM: { supply: { tables: ['T04'], years: [2012], migr_types: ['LT' as const] } } } };

describe('MCH-C01 completeness', () => {
  it('warns on a table, year and type declared in the supply matrix but not received', () => {
    const { findings } = runRule('MCH-C01', [o('ARM|T04|2012|NAT|_T||RUS', 5)], { config: supply });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('T04 ARM 2012 long-term: declared in the supply matrix but not received');
  });

  it('passes what was declared and received', () => {
    const { findings, summary } = runRule('MCH-C01', [o('ARM|T04|2012|LT|_T||RUS', 5)], { config: supply });
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(2);
  });

  it('warns when the share of missing or impossible cells passes the threshold', () => {
    const cells = slice('ARM|T05|2012|LT', { '_T||_T': null, '_T||RUS': null, '_T||KAZ': 3 });
    expect(runRule('MCH-C01', cells).findings[0]!.message).toBe('T05 ARM 2012: 2 of 3 cells (66.7 %) are missing (..) or cannot exist (x)');
    expect(runRule('MCH-C01', cells, { config: { rules: { 'MCH-C01': { threshold: 0.7 } } } }).findings).toEqual([]);
  });
});
