import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const p = { obs_status: 'P' as const };

describe('MCH-T03 stale provisional values', () => {
  it('warns on a value still provisional after a release in which it already was', () => {
    const previous = { version: '2012.1', observations: [o('ARM|T04|2011|LT|_T||RUS', 90, p)] };
    const { findings } = runRule('MCH-T03', [o('ARM|T04|2011|LT|_T||RUS', 95, p)], { previous });
    expect(findings[0]!.message).toBe('T04 ARM 2011 long-term, partner RUS: 95 is still provisional (p) in release 2013.1, as it already was in 2012.1');
  });

  it('passes a value provisional for the first time, and skips without a previous release', () => {
    const previous = { version: '2012.1', observations: [o('ARM|T04|2011|LT|_T||RUS', 90)] };
    expect(runRule('MCH-T03', [o('ARM|T04|2011|LT|_T||RUS', 95, p)], { previous }).findings).toEqual([]);
    expect(runRule('MCH-T03', [o('ARM|T04|2011|LT|_T||RUS', 95, p)]).summary).toMatchObject({ checked: 0, skipped: 1 });
  });
});
