import { describe, expect, it } from 'vitest';
import { slice } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

describe('MCH-C02 share of unknown partner', () => {
  it('warns above 5 %', () => {
    const { findings } = runRule('MCH-C02', slice('KAZ|T04|2012|LT', { '_T||_T': 1000, '_T||RUS': 900, '_T||UNK': 100 }));
    expect(findings[0]!.message).toBe('T04 KAZ 2012 long-term: partner unknown 100 of total 1 000 = 10 %, above 5 %');
  });

  it('passes at or below the threshold', () => {
    const { findings, summary } = runRule('MCH-C02', slice('KAZ|T04|2012|LT', { '_T||_T': 1000, '_T||RUS': 950, '_T||UNK': 50 }));
    expect(findings).toEqual([]);
    expect(summary.checked).toBe(1);
  });
});
