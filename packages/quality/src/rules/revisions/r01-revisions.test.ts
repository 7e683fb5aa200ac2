import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-R01 revisions', () => {
  it('classifies revised, new and withdrawn values against the previous release', () => {
    const previous = { version: '2012.1', observations: [o('ARM|T04|2011|LT|_T||RUS', 90), o('ARM|T04|2011|LT|_T||DEU', 7)] };
    const { findings } = runRule('MCH-R01', [o('ARM|T04|2011|LT|_T||RUS', 95), o('ARM|T04|2012|LT|_T||RUS', 100)], { previous });
    expect(findings.map((f) => f.message)).toEqual([
      'ARM 2012: new data, 1 cell in table (T04) not in 2012.1, from ARM.xlsx',
      'T04 ARM 2011 long-term, partner DEU: withdrawn, 7 was published in 2012.1',
      'T04 ARM 2011 long-term, partner RUS: revised from 90 (A) in 2012.1 to 95 (A) in 2013.1',
    ]);
  });

  it('passes unchanged values', () => {
    const previous = { version: '2012.1', observations: [o('ARM|T04|2011|LT|_T||RUS', 90)] };
    const { findings, summary } = runRule('MCH-R01', [o('ARM|T04|2011|LT|_T||RUS', 90)], { previous });
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(1);
  });
});
