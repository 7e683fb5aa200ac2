import { describe, expect, it } from 'vitest';
import { o, slice } from '../../testing/fixtures';
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

  describe('"of which" rows («из них»)', () => {
    // «страны СНГ 600, из них Российская Федерация 400»; «Прочие страны 100, из них Иран 30»
    const table = (rus: number, irn: number) => [
      ...slice('ARM|T04|2012|LT', { '_T||_T': 1000, '_T||CIS': 600, '_T||KAZ': 200, '_T||DEU': 100, '_T||OTH': 100 }),
      o('ARM|T04|2012|LT|_T||RUS', rus, { parent: 'CIS', source: { file: 'ARM.xlsx', sha256: 'f'.repeat(64), sheet: 'T04', cell: 'C9', raw: String(rus) } }),
      o('ARM|T04|2012|LT|_T||IRN', irn, { parent: 'OTH', source: { file: 'ARM.xlsx', sha256: 'f'.repeat(64), sheet: 'T04', cell: 'C14', raw: String(irn) } }),
    ];
    const config = { config: { countries: { ARM: { cis_members: ['RUS', 'KAZ'] } } } };

    it('passes rows within their parent, and counts each row once in the partner total', () => {
      // RUS under CIS (not summed) is counted; IRN under OTH (summed) is not: 400 + 200 + 100 + 100 + 300 … = 1 000
      const { findings, summary } = runRule('MCH-A03', [...table(400, 30), ...slice('ARM|T04|2012|LT', { '_T||TUR': 200 })], config);
      expect(findings).toEqual([]);
      // the partner total, CIS against its members, and the two "of which" parents
      expect(summary.checked).toBe(4);
    });

    it('catches a row larger than its parent, naming both cells, in both languages', () => {
      const { findings } = runRule('MCH-A03', [...table(400, 130), ...slice('ARM|T04|2012|LT', { '_T||TUR': 200 })], config);
      expect(findings.map((f) => f.partner)).toEqual(['OTH']);
      const f = findings[0]!;
      expect(f.severity).toBe('error');
      expect(f.message).toBe('T04 ARM 2012 long-term: the "of which" row IRN 130 (ARM.xlsx T04!C14) > its parent row OTH 100 (ARM.xlsx T04!B6), by 30');
      expect(f.message_ru).toBe(
        'T04 ARM 2012 долгосрочные: строка «из них» IRN 130 (ARM.xlsx T04!C14) больше строки, частью которой она является, OTH 100 (ARM.xlsx T04!B6), на 30',
      );
      expect(f.sources.map((s) => s.cell)).toEqual(['B6', 'C14']);
    });

    it('adds up several rows under one parent', () => {
      const rows = [
        ...slice('ARM|T04|2012|LT', { '_T||FAR': 100 }),
        o('ARM|T04|2012|LT|_T||DEU', 70, { parent: 'FAR', source: null }),
        o('ARM|T04|2012|LT|_T||USA', 50, { parent: 'FAR', source: null }),
      ];
      expect(runRule('MCH-A03', rows).findings[0]!.message).toBe('T04 ARM 2012 long-term: the "of which" rows under FAR: DEU 70 + USA 50 = 120 > the parent row FAR 100 (ARM.xlsx T04!B2), by 20');
    });

    it('skips the partner total and the row when the counted parent row is missing', () => {
      const rows = [...slice('ARM|T04|2012|LT', { '_T||_T': 1000, '_T||KAZ': 200 }), o('ARM|T04|2012|LT|_T||IRN', 30, { parent: 'OTH' })];
      const { findings, summary } = runRule('MCH-A03', rows);
      expect(findings).toEqual([]);
      expect(summary).toMatchObject({ checked: 0, skipped: 2 });
    });

    it('would double count without the parent: the same rows with IRN as a row of its own fail the total', () => {
      const flat = [...table(400, 30), ...slice('ARM|T04|2012|LT', { '_T||TUR': 200 })].map(({ parent: _, ...rest }) => rest);
      expect(runRule('MCH-A03', flat, config).findings[0]!.message).toBe('T04 ARM 2012 long-term: total 1 000 ≠ sum of 6 partner rows 1 030, difference -30');
    });
  });
});
