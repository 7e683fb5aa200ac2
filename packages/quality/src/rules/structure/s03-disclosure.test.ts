import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const conf = { conf_status: 'C' as const, obs_status: 'Q' as const };

describe('MCH-S03 secondary confidentiality', () => {
  it('catches a published total whose only confidential part can be recovered by subtraction', () => {
    const { findings } = runRule('MCH-S03', [o('ARM|T05|2012|LT|_T||KAZ', 100), o('ARM|T05|2012|LT|M||KAZ', null, conf), o('ARM|T05|2012|LT|F||KAZ', 58)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('published total 100 minus the other published parts (58) discloses the confidential cell men, partner KAZ');
  });

  it('passes when two parts are confidential or the total is suppressed too', () => {
    const two = [o('ARM|T05|2012|LT|_T||KAZ', 100), o('ARM|T05|2012|LT|M||KAZ', null, conf), o('ARM|T05|2012|LT|F||KAZ', null, conf)];
    expect(runRule('MCH-S03', two).findings).toEqual([]);
    const hidden = [o('ARM|T05|2012|LT|_T||KAZ', null, conf), o('ARM|T05|2012|LT|M||KAZ', null, conf), o('ARM|T05|2012|LT|F||KAZ', 58)];
    expect(runRule('MCH-S03', hidden).findings).toEqual([]);
  });
});
