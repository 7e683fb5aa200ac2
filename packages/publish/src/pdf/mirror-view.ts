import type { ReleaseConfig } from '@mch/core';
import type { PublicQualitySummary } from '../quality-summary';
import { type Lang, formatDecimal, formatInt } from './format';
import { escapeMarkup as esc } from './markup';

/** Mirror rows listed in the notes at most; the full matrix is in quality/report.json. */
const MIRROR_ROWS_SHOWN = 60;

/** The band and minimum size of MCH-M01 (quality's defaults unless the configuration sets them). */
const DEFAULTS = { band_low: 0.5, band_high: 2, min_size: 50 };

/**
 * The mirror comparison for the notes: counts over every year, and the pairs of the latest year
 * that leave the band (the ones a reader asks about), by receiving and sending country.
 */
export function mirrorView(summary: PublicQualitySummary, config: ReleaseConfig, lang: Lang, name: (code: string) => string) {
  const mirror = summary.mirror.filter((m) => m.sex === '_T' && (m.immigration !== null || m.emigration !== null));
  const year = mirror.length ? Math.max(...mirror.map((m) => m.time_period)) : 0;
  const latest = mirror.filter((m) => m.time_period === year && m.flagged);
  const rule = config.rules['MCH-M01'] ?? {};
  const num = (v: number | null) => (v === null ? '—' : formatInt(v));
  return {
    rows: latest.slice(0, MIRROR_ROWS_SHOWN).map((m) => ({
      year: m.time_period,
      receiving: name(m.receiving),
      sending: name(m.sending),
      immigration: num(m.immigration),
      emigration: num(m.emigration),
      ratio: m.ratio === null ? '—' : formatDecimal(m.ratio, 2, lang),
      types: esc(`${m.migr_type_in}/${m.migr_type_out}`),
    })),
    total: formatInt(mirror.length),
    flagged: formatInt(mirror.filter((m) => m.flagged).length),
    year,
    year_flagged: formatInt(latest.length),
    shown: formatInt(Math.min(latest.length, MIRROR_ROWS_SHOWN)),
    all_listed: latest.length <= MIRROR_ROWS_SHOWN,
    band_low: formatDecimal(rule.band_low ?? DEFAULTS.band_low, 1, lang),
    band_high: formatInt(rule.band_high ?? DEFAULTS.band_high),
    min_size: formatInt(rule.min_size ?? DEFAULTS.min_size),
  };
}
