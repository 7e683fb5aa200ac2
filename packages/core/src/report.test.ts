import { describe, expect, it } from 'vitest';
import { type MirrorRow, exactQuotient, mirrorLegend, mirrorMatrices, ratioText } from './report';

const band = { band_low: 0.5, band_high: 2, min_size: 50 };
function row(receiving: string, sending: string, immigration: number | null, emigration: number | null, flagged: boolean, extra: Partial<MirrorRow> = {}) {
  const ratio = immigration !== null && emigration ? immigration / emigration : null;
  return { time_period: 2012, receiving, sending, sex: '_T', immigration, emigration, ratio, asymmetry: null, flagged, migr_type_in: 'LT', migr_type_out: 'NAT', basis_in: '', basis_out: '', ...extra };
}

describe('the mirror matrix of a year', () => {
  it('puts every country on both axes and colours each pair by its ratio against the band', () => {
    const [m] = mirrorMatrices(
      [
        row('ARM', 'KAZ', 120, 100, false),
        row('ARM', 'RUS', 900, 100, true),
        row('KAZ', 'ARM', 20, 100, true),
        row('KAZ', 'RUS', 20, 60, true),
        row('RUS', 'ARM', 30, 10, false),
        row('RUS', 'KAZ', null, 40, false),
        row('RUS', 'KAZ', 5, 1, false, { sex: 'M' }),
      ],
      ['ARM', 'KAZ', 'RUS'],
      band,
    );
    expect(m!.year).toBe(2012);
    expect(m!.rows.map((r) => r.map((c) => c.cls))).toEqual([
      ['self', 'inside', 'far-above'],
      ['far-below', 'self', 'below'],
      ['small', 'none', 'self'],
    ]);
    expect(m!.rows[0]![1]!.row).toMatchObject({ immigration: 120, emigration: 100 });
  });

  it('keeps short-term pairs out: they are their own comparison', () => {
    expect(mirrorMatrices([row('ARM', 'KAZ', 1, 1, false, { migr_type_in: 'ST' })], ['ARM', 'KAZ'], band)).toEqual([]);
  });
});

describe('what a matrix cell and its legend say', () => {
  it('gives the ratio to two decimals, ∞ where no emigration is reported, – where one side is missing', () => {
    expect(ratioText(11.70123, 16054, 1372)).toBe('11.7');
    expect(ratioText(0.6154, 48, 78)).toBe('0.62');
    expect(ratioText(null, 30, 0)).toBe('∞');
    expect(ratioText(null, 30, null)).toBe('–');
    expect(ratioText(null, null, null)).toBe('');
  });

  it('states the band and the minimum flow the colours rest on', () => {
    const legend = mirrorLegend({ band_low: 0.5, band_high: 2, min_size: 1000 });
    expect(legend.find((l) => l.cls === 'inside')!.en).toBe('inside the band 0.5–2');
    expect(legend.find((l) => l.cls === 'small')!.en).toBe('outside the band, both flows under 1 000 persons: not flagged');
    expect(legend.find((l) => l.cls === 'far-above')!.ru).toBe('выше 4 или ∞ (эмиграция не указана)');
  });
});

describe('ratios and shares as shown', () => {
  it('are rounded once, from the counts: a share stored to four places is not rounded again', () => {
    // 20 711 / 26 166 = 0.791523…: stored 0.7915, which shows as 79.1 % where the share is 79.2 %
    const stored = Math.round((20711 / 26166) * 10000) / 10000;
    expect((stored * 100).toFixed(1)).toBe('79.1');
    expect((exactQuotient(20711, 26166, stored)! * 100).toFixed(1)).toBe('79.2');
    // 1 234 996 / 1 000 000: stored 1.235, which rounds to 1.24; the ratio is 1.23 to two places
    expect(ratioText(1.235, 1234996, 1000000)).toBe('1.23');
    expect(ratioText(11.7012, 16054, 1372)).toBe('11.7');
  });

  it('keep what was withheld withheld, and the stored value where a count is missing', () => {
    expect(exactQuotient(20711, 26166, null)).toBeNull();
    expect(exactQuotient(null, 26166, 0.8)).toBe(0.8);
    expect(exactQuotient(5, 0, 0.8)).toBe(0.8);
  });
});
