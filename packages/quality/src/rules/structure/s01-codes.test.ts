import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-S01 codes and years', () => {
  it('catches SUN as previous residence, an unknown code and an age group in a partner table', () => {
    const { findings } = runRule('MCH-S01', [o('ARM|T04|2012|LT|_T||SUN', 5), o('ARM|T04|2012|LT|_T||QQQ', 5), o('ARM|T05|2012|LT|_T|Y5-9|RUS', 5)]);
    expect(findings.map((f) => f.message)).toEqual([
      'T04 ARM 2012 long-term, partner QQQ: partner code QQQ is not known',
      'T04 ARM 2012 long-term, partner SUN: SUN (USSR, not elsewhere specified) is not allowed as previous residence in T04',
      'T05 ARM 2012 long-term, age Y5-9, partner RUS: age group Y5-9 in a partner table',
    ]);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('passes allowed codes within the reference years', () => {
    const { findings, summary } = runRule('MCH-S01', [o('ARM|T05|2012|LT|_T||SUN', 5), o('ARM|T07|2012|LT|F|Y5-9|', 5), o('ARM|T01|2011||_T||XKX', 1)]);
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(3);
  });

  it('warns on a year before the reference years and errs on one after them', () => {
    const { findings } = runRule('MCH-S01', [o('ARM|T01|2001||_T||RUS', 5), o('ARM|T01|2001||_T||DEU', 5), o('ARM|T04|2014|LT|_T||RUS', 5)]);
    expect(findings.map((f) => [f.time_period, f.severity, f.values.cells])).toEqual([
      [2001, 'warning', 2],
      [2014, 'error', 1],
    ]);
  });
});
