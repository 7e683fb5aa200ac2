import { describe, expect, it } from 'vitest';
import { o } from '../../testing/fixtures';
import { runRule } from '../../testing/select';

const flagged = [o('RUS|T04|2011|NAT|_T||KAZ', 100, { obs_status: 'B' }), o('RUS|T04|2011|NAT|_T||ARM', 50, { obs_status: 'B' })];

describe('MCH-T02 every break explained', () => {
  it('warns on break flags that no register or metadata explains', () => {
    const { findings } = runRule('MCH-T02', flagged);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('2 cells marked as a break in series (b)');
  });

  it('passes breaks in the register or in the country metadata', () => {
    const breaks = [{ ref_area: 'RUS', first_year: 2011, tables: ['T04'], text_en: '9-month rule', text_ru: 'правило 9 месяцев' }];
    expect(runRule('MCH-T02', flagged, { breaks }).findings).toEqual([]);
    const metadata = [{ ref_area: 'RUS', table: 'T04', source_kind: '', definition_basis: '' as const, reference_date: '', territory: '', breaks: [{ year: 2011, text: 'new rule' }], notes: '', from: '' }];
    expect(runRule('MCH-T02', flagged, { data: { metadata } }).findings).toEqual([]);
  });
});
