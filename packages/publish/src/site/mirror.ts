import { type CodeLists, type ReleaseConfig, type QualityReport, cmp, createPartnerResolver } from '@mch/core';
import { type Bilingual, inScope, releaseScope } from '../published/index';
import type { PublicQualitySummary } from '../quality-summary';

/** MCH-M01's band and minimum size when neither the quality run nor the configuration sets them (quality's defaults). */
const DEFAULTS = { band_low: 0.5, band_high: 2, min_size: 50 };

/**
 * The mirror matrix of the page, from the public quality summary (never the internal report, which
 * holds figures not free for publication): per year, sex and type pairing, receiving × sending.
 * One row is [year, sex, ST?, receiving, sending, I, E, ratio, flagged, types, bases].
 */
export interface SiteMirror {
  band: { low: number; high: number; min_size: number };
  countries: { code: string; name: Bilingual }[];
  rows: [number, string, 0 | 1, string, string, number | null, number | null, number | null, 0 | 1, string, string][];
}

export function siteMirror(summary: PublicQualitySummary, config: ReleaseConfig, quality: Pick<QualityReport, 'mirror_band'>, codelists: CodeLists): SiteMirror | null {
  const scope = releaseScope(config);
  const mirror = summary.mirror.filter((m) => inScope(scope, m.time_period));
  if (!mirror.length) return null;
  const names = createPartnerResolver(codelists).names;
  const codes = [...new Set(mirror.flatMap((m) => [m.receiving, m.sending]))].sort(cmp);
  const rule = config.rules['MCH-M01'] ?? {};
  const band = quality.mirror_band ?? {
    band_low: rule.band_low ?? DEFAULTS.band_low,
    band_high: rule.band_high ?? DEFAULTS.band_high,
    min_size: rule.min_size ?? DEFAULTS.min_size,
  };
  return {
    band: { low: band.band_low, high: band.band_high, min_size: band.min_size },
    countries: codes.map((code) => ({ code, name: names(code) })),
    rows: mirror.map((m) => [
      m.time_period,
      m.sex,
      m.migr_type_in === 'ST' ? 1 : 0,
      m.receiving,
      m.sending,
      m.immigration,
      m.emigration,
      m.ratio,
      m.flagged ? 1 : 0,
      `${m.migr_type_in || '—'} / ${m.migr_type_out || '—'}`,
      `${m.basis_in || '—'} / ${m.basis_out || '—'}`,
    ]),
  };
}
