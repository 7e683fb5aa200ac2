import { type Observation, type ReleaseConfig, type TableSet, cmp } from '@mch/core';
import { symbolOf } from '../symbols';
import { type Lang, formatDecimal, publishedFigure } from './format';
import { escapeMarkup as esc } from './markup';
import { OncePerList } from './once';

/** Definition bases already on a 12-month basis: they need no coefficient. */
const TWELVE_MONTHS = new Set(['UN_LT12', 'REG_LT12']);
/** Definition bases with a 9-month rule, for which Raymer et al. estimated no coefficient. */
const NINE_MONTHS = new Set(['STAY_REG_9M']);

/** The published total flows of the mirror tables, found once for both languages. */
const TOTAL_FLOWS = new OncePerList<readonly Observation[], Observation[]>();

/** One row of the annex: a country and year, what it reported and the 12-month estimate beside it. */
export interface ImemRow {
  country: string;
  year: number;
  immigration: string;
  immigration_12m: string;
  emigration: string;
  emigration_12m: string;
  coefficient: string;
}

interface Side {
  reported: Observation | undefined;
  estimate: Observation | undefined;
}

/**
 * The IMEM annex (definitions.md "optional derived series"): per country and year the reported
 * total immigration and emigration (both sexes, all partners) beside the 12-month estimate
 * harmonise derived, with the coefficient used or why there is none. The estimates come from
 * `data.analytical` and appear nowhere else in a release.
 */
export function imemView(
  config: ReleaseConfig,
  tableSet: TableSet,
  published: readonly Observation[],
  analytical: readonly Observation[],
  lang: Lang,
  name: (code: string) => string,
) {
  const pair = tableSet.mirror ?? { immigration: 'T04', emigration: 'T08' };
  const total = (o: Observation) => o.sex === '_T' && o.partner === '_T' && o.migr_type !== 'ST';
  const sides = new Map<string, { ref_area: string; year: number; basis: string; in: Side; out: Side }>();
  const sideOf = (o: Observation) => {
    const key = `${o.ref_area}|${o.time_period}|${o.definition_basis}`;
    const row = sides.get(key) ?? { ref_area: o.ref_area, year: o.time_period, basis: o.definition_basis, in: { reported: undefined, estimate: undefined }, out: { reported: undefined, estimate: undefined } };
    sides.set(key, row);
    return o.table === pair.immigration ? row.in : row.out;
  };
  const flows = (o: Observation) => (o.table === pair.immigration || o.table === pair.emigration) && total(o);
  for (const o of TOTAL_FLOWS.of(published, `${pair.immigration}|${pair.emigration}`, () => published.filter(flows))) sideOf(o).reported ??= o;
  for (const o of analytical.filter(flows)) sideOf(o).estimate ??= o;
  const rows = [...sides.values()].sort((a, b) => cmp(a.ref_area, b.ref_area) || a.year - b.year || cmp(a.basis, b.basis));
  // each figure with the marks the tables would give it: [p], [e], [d] … of a reported one, [e] [d] of an estimate (ESTIMATE)
  const estimated = (o: Observation | undefined) => (o?.obs_value == null ? '—' : publishedFigure(o));
  const reported = (o: Observation | undefined) => (o ? publishedFigure(o) : '—');
  const reasoned = rows.map((r) => {
    const estimate = r.in.estimate ?? r.out.estimate;
    return { ...r, estimate, reason: noEstimateReason(estimate, r.basis, config.countries[r.ref_area]?.imem_duration) };
  });
  const named = (reason: NoEstimate) => groupYears(reasoned.filter((r) => r.reason === reason), name);
  return {
    enabled: config.imem.enabled,
    estimate_mark: esc(ESTIMATE),
    rows: reasoned.map(
      (r): ImemRow => {
        const coefficient = coefficientOf(r.estimate);
        return {
          country: name(r.ref_area),
          year: r.year,
          immigration: reported(r.in.reported),
          immigration_12m: estimated(r.in.estimate),
          emigration: reported(r.out.reported),
          emigration_12m: estimated(r.out.estimate),
          coefficient: coefficient === null ? '—' : formatDecimal(coefficient, 2, lang),
        };
      },
    ),
    /** countries and years without an estimate, by reason: named in the caveats */
    nine_months: named('nine_months'),
    twelve_months: named('twelve_months'),
    no_duration: named('no_duration'),
    coefficients: Object.entries(config.imem.coefficients)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([duration, c]) => ({ duration: esc(durationText(duration, lang)), value: formatDecimal(c, 2, lang) })),
  };
}

/** The marks of an estimate, the tables' own (symbols.ts), which the annex's caveats name: estimated [e], and derived by the Clearing House [d]. */
export const ESTIMATE = `${symbolOf('E').excel} ${symbolOf('DERIVED').excel}`;

/** Why a row has no estimate, so the annex can name the countries and years of each reason. */
export type NoEstimate = 'twelve_months' | 'nine_months' | 'no_duration' | null;

/** The coefficient harmonise used, read from the estimate's note ("IMEM permanent × 2.26"). */
export function coefficientOf(estimate: Observation | undefined): number | null {
  const note = estimate?.note_refs.map((n) => /^IMEM (?:permanent|\d+ months) × ([\d.]+)$/.exec(n)).find(Boolean);
  return note ? Number(note[1]) : null;
}

export function noEstimateReason(estimate: Observation | undefined, basis: string, declared: string | undefined): NoEstimate {
  if (estimate) return null;
  if (declared === '12' || (declared === undefined && TWELVE_MONTHS.has(basis))) return 'twelve_months';
  if (declared === undefined && NINE_MONTHS.has(basis)) return 'nine_months';
  return 'no_duration';
}

function durationText(duration: string, lang: Lang): string {
  if (duration === 'permanent') return lang === 'en' ? 'permanent' : 'постоянная';
  return lang === 'en' ? `${duration} months` : `${duration} мес.`;
}

function order(duration: string): number {
  return duration === 'permanent' ? Number.POSITIVE_INFINITY : Number(duration);
}

/** "Russian Federation (2011–2012)" per country, years as a range when they follow each other. */
function groupYears(rows: readonly { ref_area: string; year: number }[], name: (code: string) => string): string {
  const byCountry = new Map<string, number[]>();
  for (const r of rows) byCountry.set(r.ref_area, [...new Set([...(byCountry.get(r.ref_area) ?? []), r.year])].sort((a, b) => a - b));
  return [...byCountry]
    .map(([country, years]) => {
      const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
      const span = consecutive && years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
      return `${name(country)} (${span})`;
    })
    .join('; ');
}
