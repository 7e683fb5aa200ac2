import { describe, expect, it } from 'vitest';
import { type MirrorRow, mirrorLegend, mirrorMatrices, ratioText, roundedQuotient, shownCoverage } from './report';

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
    const estimate = { own_emigration_to_same_partners: 20711, own_total_emigration: 26166, coverage_share: stored };
    expect((shownCoverage(estimate)! * 100).toFixed(1)).toBe('79.2');
    // 1 234 996 / 1 000 000: stored 1.235, which rounds to 1.24; the ratio is 1.23 to two places
    expect(ratioText(1.235, 1234996, 1000000)).toBe('1.23');
    expect(ratioText(11.7012, 16054, 1372)).toBe('11.7');
  });

  it('round an exact half up, which the binary quotient is not', () => {
    // 1 583 / 2 000 is 79.15 % exactly; as a double it is 0.79149…, and toFixed says 79.1
    expect(((1583 / 2000) * 100).toFixed(1)).toBe('79.1');
    expect(roundedQuotient(1583, 2000, 0.7915, 3)).toBe(0.792);
    // 201 / 200 = 1.005 exactly: 1.01, where Math.round of the double gives 1
    expect(Math.round((201 / 200) * 100) / 100).toBe(1);
    expect(ratioText(1.005, 201, 200)).toBe('1.01');
    for (let whole = 1; whole <= 400; whole++) {
      for (let part = 0; part <= 2 * whole; part++) {
        // k thousandths is the share rounded half up when k − ½ ≤ 1000 × part / whole < k + ½, in whole numbers
        const k = Math.round(roundedQuotient(part, whole, part / whole, 3)! * 1000);
        if (!((2 * k - 1) * whole <= 2000 * part && 2000 * part < (2 * k + 1) * whole)) throw new Error(`${part} / ${whole}: ${k} thousandths`);
      }
    }
  });

  it('keep what was withheld withheld, and round the stored value where a count is missing', () => {
    expect(roundedQuotient(20711, 26166, null, 3)).toBeNull();
    expect(roundedQuotient(null, 26166, 0.8123, 3)).toBe(0.812);
    expect(roundedQuotient(5, 0, 0.8, 2)).toBe(0.8);
  });
});
