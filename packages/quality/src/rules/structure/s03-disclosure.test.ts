import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const conf = { conf_status: 'C' as const, obs_status: 'Q' as const };

describe('MCH-S03 secondary confidentiality', () => {
  it('catches a published total whose only confidential part can be recovered by subtraction', () => {
    const { findings } = runRule('MCH-S03', [o('ARM|T05|2012|LT|_T||KAZ', 100), o('ARM|T05|2012|LT|M||KAZ', null, conf), o('ARM|T05|2012|LT|F||KAZ', 58)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      'T05 ARM 2012 long-term, partner KAZ: published total 100 minus the other parts (58) discloses the confidential cell men, partner KAZ (ARM.xlsx T05!C2012)',
    );
    expect(findings[0]!.severity).toBe('error');
  });

  it('catches two confidential parts where the other is given away by another total', () => {
    // men and women from KAZ are both confidential, but the men's partner total gives men from KAZ away
    const cells = [
      o('ARM|T05|2012|LT|_T||KAZ', 100),
      o('ARM|T05|2012|LT|M||KAZ', null, conf),
      o('ARM|T05|2012|LT|F||KAZ', null, conf),
      o('ARM|T05|2012|LT|M||_T', 300),
      o('ARM|T05|2012|LT|M||RUS', 258),
    ];
    const { findings } = runRule('MCH-S03', cells);
    expect(findings.map((f) => f.message)).toEqual([
      'T05 ARM 2012 long-term, men: published total 300 minus the other parts (258) discloses the confidential cell men, partner KAZ (ARM.xlsx T05!C2012)',
      'T05 ARM 2012 long-term, partner KAZ: published total 100 minus the other parts (42) discloses the confidential cell women, partner KAZ (ARM.xlsx T05!C2012), where the other confidential part men, partner KAZ is itself disclosed by another total',
    ]);
  });

  it('passes when two parts are confidential and nothing else gives either away, or the total is suppressed too', () => {
    const two = [o('ARM|T05|2012|LT|_T||KAZ', 100), o('ARM|T05|2012|LT|M||KAZ', null, conf), o('ARM|T05|2012|LT|F||KAZ', null, conf)];
    const r = runRule('MCH-S03', two);
    expect(r.findings).toEqual([]);
    expect(r.summary.checked).toBe(1);
    const hidden = [o('ARM|T05|2012|LT|_T||KAZ', null, conf), o('ARM|T05|2012|LT|M||KAZ', null, conf), o('ARM|T05|2012|LT|F||KAZ', 58)];
    expect(runRule('MCH-S03', hidden).findings).toEqual([]);
  });
});
