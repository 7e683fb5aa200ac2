import { describe, expect, it } from 'vitest';
import { slice } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-A03 partner additivity and reported aggregates', () => {
  it('catches a total that is not the sum of the partner rows, aggregates excluded', () => {
    const { findings } = runRule('MCH-A03', slice('ARM|T04|2012|LT', { '_T||_T': 500, '_T||RUS': 300, '_T||UNK': 150, '_T||CIS': 300 }));
    const total = findings.find((f) => f.partner === '_T')!;
    expect(total.message).toBe('T04 ARM 2012 long-term: total 500 ≠ sum of 2 partner rows 450, difference 50');
  });

  it('passes a table that adds up, with CIS + FAR = total', () => {
    const cells = slice('ARM|T04|2012|LT', { '_T||_T': 500, '_T||RUS': 300, '_T||DEU': 150, '_T||UNK': 50, '_T||CIS': 300, '_T||FAR': 200 });
    const { findings, summary } = runRule('MCH-A03', cells, { config: { countries: { ARM: { cis_members: ['RUS', 'KAZ'] } } } });
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(3);
  });

  it('checks a reported aggregate against its members: equal when all are listed, at least their sum otherwise', () => {
    const all = slice('ARM|T05|2012|LT', { '_T||_T': 60, '_T||EST': 10, '_T||LVA': 20, '_T||LTU': 30, '_T||BALT': 70 });
    expect(runRule('MCH-A03', all).findings.map((f) => f.partner)).toEqual(['BALT']);
    const some = slice('ARM|T05|2012|LT', { '_T||_T': 30, '_T||EST': 10, '_T||LVA': 20, '_T||BALT': 40 });
    expect(runRule('MCH-A03', some).findings).toEqual([]);
    const short = slice('ARM|T05|2012|LT', { '_T||_T': 30, '_T||EST': 10, '_T||LVA': 20, '_T||BALT': 25 });
    expect(runRule('MCH-A03', short).findings[0]!.message).toContain('aggregate BALT 25 < the members listed EST 10 + LVA 20 = 30, short by 5');
  });

  it('skips an aggregate whose membership is unknown for the country', () => {
    const { findings, summary } = runRule('MCH-A03', slice('ARM|T05|2012|LT', { '_T||RUS': 10, '_T||CIS': 99 }));
    expect(findings).toEqual([]);
    expect(summary.skipped).toBe(1);
  });
});
