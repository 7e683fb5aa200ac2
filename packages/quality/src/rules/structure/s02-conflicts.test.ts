import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-S02 files that disagree', () => {
  it('reports each conflict with both files and values', () => {
    const a = o('ARM|T04|2012|LT|_T||RUS', 1200, { source: { file: 'a.xlsx', sha256: 'x', sheet: 'T04', cell: 'C5', raw: '1200' } });
    const b = o('ARM|T04|2012|LT|_T||RUS', 1250, { source: { file: 'b.csv', sha256: 'y', sheet: '', cell: '17', raw: '1250' } });
    const { findings } = runRule('MCH-S02', [a], { data: { conflicts: [{ key: 'ARM|T04|2012|LT|_T||RUS', observations: [a, b] }] } });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.values).toEqual({ value_1: 1200, value_2: 1250 });
    expect(findings[0]!.message).toBe('T04 ARM 2012 long-term, partner RUS: a.xlsx T04!C5 says 1 200; b.csv 17 says 1 250; neither file supersedes the other');
  });

  it('passes a release without conflicts', () => {
    const { findings, summary } = runRule('MCH-S02', [o('ARM|T04|2012|LT|_T||RUS', 1200)]);
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(1);
  });
});
