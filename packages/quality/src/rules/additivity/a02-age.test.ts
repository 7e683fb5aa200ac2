import { describe, expect, it } from 'vitest';
import { slice } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const broad = (total: number, u?: number) => ({ '_T|_T|': total, '_T|Y_LT15|': 100, '_T|Y15-64|': 700, '_T|Y_GE65|': 150, ...(u === undefined ? {} : { '_T|_U|': u }) });

describe('MCH-A02 age additivity', () => {
  it('catches a total that is not the sum of a complete partition plus unknown age', () => {
    const { findings } = runRule('MCH-A02', slice('KAZ|T07|2012|LT', broad(1000, 20)));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.id).toBe('MCH-A02:KAZ|T07|2012|LT|_T|_T||broad');
    expect(findings[0]!.message).toBe('T07 KAZ 2012 long-term: total 1 000 ≠ 3 age groups (broad) 950 + age unknown 20 = 970, difference 30');
    expect(findings[0]!.sources).toHaveLength(5);
  });

  it('passes a partition that adds up', () => {
    const { findings, summary } = runRule('MCH-A02', slice('KAZ|T07|2012|LT', broad(970, 20)));
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(1);
  });

  it('skips an incomplete partition and ignores partitions harmonise derived', () => {
    const cells = slice('KAZ|T07|2012|LT', { '_T|_T|': 1000, '_T|Y_LT15|': 100, '_T|Y15-64|': 700 });
    const derived = slice('KAZ|T03|2012|', { '_T|Y_LT15|': 10, '_T|Y15-64|': 10, '_T|Y_GE65|': 10 }, { derived: true, source: null });
    const { findings, summary } = runRule('MCH-A02', [...cells, ...slice('KAZ|T03|2012|', { '_T|_T|': 99 }), ...derived]);
    expect(findings).toEqual([]);
    expect(summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});
