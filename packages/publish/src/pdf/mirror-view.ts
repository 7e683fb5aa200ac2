import { type Observation, type ReleaseConfig, type TableSet, cmp, observationKey, roundedQuotient } from '@mch/core';
import { inScope, releaseScope } from '../published/scope';
import { type PublicMirrorRow, type PublicQualitySummary, mirrorObservationKeys } from '../quality-summary';
import { type Lang, formatDecimal, formatInt, publishedFigure } from './format';
import { escapeMarkup as esc } from './markup';
import { OncePerList } from './once';

/** Mirror rows listed in the notes at most; the full matrix is in quality/report.json. */
export const MIRROR_ROWS_SHOWN = 60;

/** The band and minimum size of MCH-M01 (quality's defaults unless the configuration sets them). */
const DEFAULTS = { band_low: 0.5, band_high: 2, min_size: 50 };

/** One flagged pair of the latest year: the row of the table and the bar of the chart, the same list. */
export interface MirrorViewRow {
  year: number;
  receiving: string;
  sending: string;
  /** the pair's codes, for the chart's labels (which are not markup) */
  pair: { receiving: string; sending: string };
  types: string;
  bases: string;
  immigration: string;
  emigration: string;
  ratio: string;
  /** the ratio I / E itself, for the chart's bar */
  value: number;
  /** whether the ratio lies inside the band (never, for a flagged pair: the chart's colour says so) */
  inside: boolean;
}

/**
 * The mirror comparison for the notes: counts over every year of the release, and the pairs of
 * the latest year that leave the band (the ones a reader asks about), largest departure from 1
 * first. The chart draws exactly these rows, in this order.
 */
export function mirrorView(
  summary: PublicQualitySummary,
  config: ReleaseConfig,
  lang: Lang,
  name: (code: string) => string,
  /** the territory a country's figures of a year cover, in the notes' language, escaped; '' if none is recorded */
  territory: (code: string, year: number) => string,
  /** the published observations, for the marks of the figures shown ([p], [e] …), as the tables give them */
  published: readonly Observation[],
  tableSet: Pick<TableSet, 'mirror'>,
) {
  const scope = releaseScope(config);
  const mirror = summary.mirror.filter((m) => m.sex === '_T' && inScope(scope, m.time_period) && (m.immigration !== null || m.emigration !== null));
  const year = mirror.reduce((latest, m) => Math.max(latest, m.time_period), 0);
  const rule = config.rules['MCH-M01'] ?? {};
  const band = { low: rule.band_low ?? DEFAULTS.band_low, high: rule.band_high ?? DEFAULTS.band_high };
  const latest = mirror.filter((m) => m.time_period === year && m.flagged && m.ratio !== null).sort(byDeparture);
  const shown = latest.slice(0, MIRROR_ROWS_SHOWN);
  const figures = shownFigures(shown, published, tableSet.mirror ?? { immigration: 'T04', emigration: 'T08' });
  const rows = shown.map(
    (m): MirrorViewRow => ({
      year: m.time_period,
      receiving: name(m.receiving),
      sending: name(m.sending),
      pair: { receiving: m.receiving, sending: m.sending },
      types: esc(`${m.migr_type_in} / ${m.migr_type_out}`),
      bases: esc(`${m.basis_in || '—'} / ${m.basis_out || '—'}`),
      ...figures(m),
      ratio: formatDecimal(roundedQuotient(m.immigration, m.emigration, m.ratio, 2)!, 2, lang),
      value: m.ratio!,
      inside: m.ratio! >= band.low && m.ratio! <= band.high,
    }),
  );
  const countries = [...new Set(shown.flatMap((m) => [m.receiving, m.sending]))].sort(cmp);
  return {
    rows,
    /** the territory each country of the table reports for, beside the comparison (definitions.md) */
    territories: countries.flatMap((c) => {
      const text = territory(c, year);
      return text ? [{ country: name(c), text }] : [];
    }),
    total: formatInt(mirror.length),
    flagged: formatInt(mirror.filter((m) => m.flagged).length),
    year,
    year_flagged: formatInt(latest.length),
    shown: formatInt(shown.length),
    all_listed: latest.length <= MIRROR_ROWS_SHOWN,
    band_low: formatDecimal(band.low, 1, lang),
    band_high: formatInt(band.high),
    band: { low: band.low, high: band.high },
    min_size: formatInt(rule.min_size ?? DEFAULTS.min_size),
  };
}

export type MirrorView = ReturnType<typeof mirrorView>;

/** The published observations of the mirror rows shown, found once for both languages. */
const SHOWN_FIGURES = new OncePerList<readonly Observation[], Map<string, Observation>>();

/**
 * The two figures of each row shown, with the marks of the published observations they come from
 * (a provisional immigration figure is "1 234 [p]" here as in its table). One pass over the
 * published observations for the few rows shown: no index of a release's millions of them.
 */
function shownFigures(shown: readonly PublicMirrorRow[], published: readonly Observation[], tables: { immigration: string; emigration: string }) {
  const keys = new Map(shown.map((m) => [m, mirrorObservationKeys(m, tables)]));
  const wanted = new Set([...keys.values()].flatMap((k) => [k.inKey, k.outKey]));
  // the same rows in both languages: one pass for both
  const found = SHOWN_FIGURES.of(published, [tables.immigration, tables.emigration, ...[...wanted].sort()].join('\n'), () => {
    const at = new Map<string, Observation>();
    for (const o of published) {
      if ((o.table !== tables.immigration && o.table !== tables.emigration) || o.sex !== '_T') continue;
      const key = observationKey(o);
      if (wanted.has(key)) at.set(key, o);
    }
    return at;
  });
  const figure = (v: number | null, key: string) => {
    const o = found.get(key);
    return v === null ? '—' : o?.obs_value === v ? publishedFigure(o) : formatInt(v);
  };
  return (m: PublicMirrorRow) => {
    const k = keys.get(m)!;
    return { immigration: figure(m.immigration, k.inKey), emigration: figure(m.emigration, k.outKey) };
  };
}

/** Largest departure from 1 first (in either direction, on the log scale), then by country codes. */
function byDeparture(a: PublicMirrorRow, b: PublicMirrorRow): number {
  const d = (m: PublicMirrorRow) => (m.ratio! > 0 && Number.isFinite(m.ratio!) ? Math.abs(Math.log2(m.ratio!)) : Number.POSITIVE_INFINITY);
  return d(b) - d(a) || cmp(a.receiving, b.receiving) || cmp(a.sending, b.sending);
}
