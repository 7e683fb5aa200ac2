import { describe, expect, it } from 'vitest';
import { type MirrorRow, mirrorLegend, mirrorMatrices, ratioText } from './report';

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
