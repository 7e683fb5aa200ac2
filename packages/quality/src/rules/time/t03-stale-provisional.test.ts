import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const p = { obs_status: 'P' as const };
const key = 'ARM|T04|2011|LT|_T||RUS';
const release = (version: string, provisional: boolean) => ({ version, observations: [o(key, 90, provisional ? p : {})] });

describe('MCH-T03 stale provisional values', () => {
  it('warns on a value still provisional two releases after it first appeared as provisional', () => {
    const { findings } = runRule('MCH-T03', [o(key, 95, p)], { previous: release('2012.1', true), history: [release('2011.1', true)] });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      'T04 ARM 2011 long-term, partner RUS: 95 is still provisional (p) in release 2013.1, 2 releases after it first appeared as provisional in 2011.1 (provisional in 2011.1, 2012.1, 2013.1)',
    );
    expect(findings[0]!.values).toEqual({ value: 95, releases_provisional: 3 });
    expect(findings[0]!.sources).toEqual([{ file: 'ARM.xlsx', sheet: 'T04', cell: 'C2011' }]);
  });

  it('passes a value provisional for one release only, or final in between', () => {
    const once = runRule('MCH-T03', [o(key, 95, p)], { previous: release('2012.1', true), history: [] });
    expect(once.findings).toEqual([]);
    expect(once.summary).toMatchObject({ checked: 1, skipped: 0 });
    const between = runRule('MCH-T03', [o(key, 95, p)], { previous: release('2012.1', false), history: [release('2011.1', true)] });
    expect(between.findings).toEqual([]);
  });

  it('skips where the earlier releases are not known far enough back', () => {
    expect(runRule('MCH-T03', [o(key, 95, p)]).summary).toMatchObject({ checked: 0, skipped: 1 });
    expect(runRule('MCH-T03', [o(key, 95, p)], { previous: release('2012.1', true) }).summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});
