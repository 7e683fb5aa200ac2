import { z } from 'zod';
import { Severity } from './codes';
import { Finding, RuleId, RuleSummary } from './finding';

/** One cell of the mirror comparison: A's immigration from B against B's emigration to A. */
export const MirrorRow = z.object({
  time_period: z.number().int(),
  /** A: the receiving country, reporting immigration from B (its T04) */
  receiving: z.string(),
  /** B: the sending country, reporting emigration to A (its T08) */
  sending: z.string(),
  sex: z.string(),
  immigration: z.number().nullable(),
  emigration: z.number().nullable(),
  migr_type_in: z.string(),
  migr_type_out: z.string(),
  basis_in: z.string(),
  basis_out: z.string(),
  territory_in: z.string(),
  territory_out: z.string(),
  /** I / E */
  ratio: z.number().nullable(),
  /** (I − E) / (I + E) */
  asymmetry: z.number().nullable(),
  /** ratio outside the band for flows of at least the minimum size */
  flagged: z.boolean(),
  sources: z.array(z.object({ file: z.string(), sheet: z.string(), cell: z.string() })),
});
export type MirrorRow = z.infer<typeof MirrorRow>;

/** The emigration of B as its partners see it, beside B's own figures. */
export const EmigrationEstimate = z.object({
  sending: z.string(),
  time_period: z.number().int(),
  /** the partners whose immigration from B is known */
  partners: z.array(z.string()),
  partner_reported_immigration: z.number(),
  own_emigration_to_same_partners: z.number().nullable(),
  own_total_emigration: z.number().nullable(),
  /** share of B's total emigration that goes to those partners, by B's own figures */
  coverage_share: z.number().nullable(),
});
export type EmigrationEstimate = z.infer<typeof EmigrationEstimate>;

/** Completeness: country × table × year, observations received against expected. */
export const CompletenessCell = z.object({
  ref_area: z.string(),
  table: z.string(),
  time_period: z.number().int(),
  expected: z.boolean(),
  observations: z.number().int(),
  missing_values: z.number().int(),
  rejected: z.number().int(),
  /** observations with a figure or `x` (cannot exist): what the matrix colours by, against observations + rejected */
  present: z.number().int().optional(),
});
export type CompletenessCell = z.infer<typeof CompletenessCell>;

/** One series a finding flags (MCH-T01), year by year, for the report's time-series charts. */
export const FlaggedSeries = z.object({
  /** the finding it illustrates */
  finding: z.string(),
  ref_area: z.string(),
  table: z.string(),
  migr_type: z.string(),
  sex: z.string(),
  age: z.string(),
  partner: z.string(),
  points: z.array(z.object({ time_period: z.number().int(), value: z.number() })),
  /** the years the finding is about */
  flagged_years: z.array(z.number().int()),
});
export type FlaggedSeries = z.infer<typeof FlaggedSeries>;

/** One file a country sent, as ingest accounted for it: the "what was sent" of the country's scorecard. */
export const Submission = z.object({
  ref_area: z.string(),
  file: z.string(),
  format: z.enum(['xlsx', 'csv']),
  /** the date the configuration records, '' when it records none */
  received: z.string(),
  supersedes: z.boolean(),
  value_cells: z.number().int(),
  observations: z.number().int(),
  rejections: z.number().int(),
  tables: z.array(z.string()),
  hidden_sheets: z.array(z.string()),
  ignored_sheets: z.array(z.string()),
  /** what ingest said about the file (a sheet not read, a status ignored), in English */
  warnings: z.array(z.string()),
});
export type Submission = z.infer<typeof Submission>;

export const RUN_WARNING_KINDS = ['waiver-expired', 'waiver-values-changed', 'waiver-unmatched', 'benchmark-vintage', 'metadata-basis', 'previous-report-missing'] as const;

/** A warning about the run itself, not the data (one per MCH-W01 finding), as `mch check` prints it. */
export const RunWarning = z.object({
  /** the id of the MCH-W01 finding that carries it */
  finding: z.string(),
  kind: z.enum(RUN_WARNING_KINDS),
  /** '' when it concerns the whole run (a benchmark series) */
  ref_area: z.string(),
  message: z.string(),
  message_ru: z.string(),
});
export type RunWarning = z.infer<typeof RunWarning>;

/** A finding of the previous release that this round no longer raises. */
export const ResolvedFinding = Finding.pick({ id: true, rule: true, severity: true, ref_area: true, table: true, time_period: true, message: true, message_ru: true });
export type ResolvedFinding = z.infer<typeof ResolvedFinding>;

/** This round's findings against the previous release's, by finding id (revisions and run warnings left out). */
export const FindingChanges = z.object({
  previous_version: z.string(),
  /** ids of findings the previous release did not have */
  new: z.array(z.string()),
  /** ids of findings the previous release had too */
  still_open: z.array(z.string()),
  resolved: z.array(ResolvedFinding),
});
export type FindingChanges = z.infer<typeof FindingChanges>;

/** The mirror band and minimum flow of the release (MCH-M01 settings; a country may set its own). */
export const MirrorBand = z.object({ band_low: z.number(), band_high: z.number(), min_size: z.number() });
export type MirrorBand = z.infer<typeof MirrorBand>;

/**
 * Findings of one rule on one series — the same key but for the year (one partner's year-on-year
 * warnings over many years) — as the reports list them, with the count, the years and the worst.
 * Written by the report writers from the findings; a reader wanting one finding uses its id.
 */
export const FindingGroup = z.object({
  /** the rule and the findings' key with the year left out ("MCH-T01:ARM|T04||NAT|F||LIE") */
  id: z.string(),
  rule: RuleId,
  severity: Severity,
  ref_area: z.string(),
  table: z.string(),
  migr_type: z.string(),
  sex: z.string(),
  age: z.string(),
  partner: z.string(),
  count: z.number().int(),
  waived: z.number().int(),
  /** the distinct years of its findings, ascending */
  years: z.array(z.number().int()),
  /** the finding with the largest absolute `measure` among its values (the first finding when none has one) */
  worst: z.object({ finding: z.string(), time_period: z.number().int().nullable(), measure: z.string().nullable(), value: z.number().nullable() }),
  /** the ids of its findings, by year */
  findings: z.array(z.string()),
});
export type FindingGroup = z.infer<typeof FindingGroup>;

/** The one result model every quality report form is written from (quality.md "Reports"). */
export const QualityReport = z.object({
  version: z.string(),
  release_date: z.string(),
  rules: z.array(RuleSummary),
  findings: z.array(Finding),
  mirror: z.array(MirrorRow),
  emigration_estimates: z.array(EmigrationEstimate),
  completeness: z.array(CompletenessCell),
  gate: z.object({ passed: z.boolean(), blocking: z.number().int() }),
  /** the series behind the time-series findings, for charts; absent in reports written before it existed */
  series: z.array(FlaggedSeries).optional(),
  /** what each country sent, file by file (absent in older reports) */
  submissions: z.array(Submission).optional(),
  /** the MCH-W01 findings as warnings about the run, for the terminal (absent in older reports) */
  run_warnings: z.array(RunWarning).optional(),
  /** the findings against the previous release's internal report; null when it was not given */
  changes: FindingChanges.nullable().optional(),
  mirror_band: MirrorBand.nullable().optional(),
  /** the findings grouped by series, as report.json lists them after the rest (absent in older reports) */
  groups: z.array(FindingGroup).optional(),
});
export type QualityReport = z.infer<typeof QualityReport>;

/** How a mirror cell reads against the band: what the matrices of every report colour it by. */
export type MirrorClass = 'self' | 'none' | 'small' | 'inside' | 'above' | 'far-above' | 'below' | 'far-below';

export interface MirrorMatrixCell {
  receiving: string;
  sending: string;
  cls: MirrorClass;
  row: Pick<MirrorRow, 'immigration' | 'emigration' | 'ratio' | 'asymmetry' | 'flagged' | 'migr_type_in' | 'migr_type_out' | 'basis_in' | 'basis_out'> | undefined;
}

/** One year's origin–destination matrix: rows receive (their immigration), columns send (their emigration). */
export interface MirrorMatrix {
  year: number;
  countries: string[];
  rows: MirrorMatrixCell[][];
}

type MatrixRow = Pick<MirrorRow, 'time_period' | 'receiving' | 'sending' | 'sex' | 'immigration' | 'emigration' | 'ratio' | 'asymmetry' | 'flagged' | 'migr_type_in' | 'migr_type_out' | 'basis_in' | 'basis_out'>;

/**
 * The mirror matrix of each year, both sexes, best types (short-term pairs are their own
 * comparison), every reporting country on both axes. A flagged pair is above or below the band,
 * "far" beyond twice its edge; an unflagged pair outside it is a small flow.
 */
export function mirrorMatrices(mirror: readonly MatrixRow[], countries: readonly string[], band: MirrorBand): MirrorMatrix[] {
  const rows = mirror.filter((m) => m.sex === '_T' && m.migr_type_in !== 'ST');
  const years = [...new Set(rows.map((m) => m.time_period))].sort((a, b) => a - b);
  return years.map((year) => {
    const at = new Map(rows.filter((m) => m.time_period === year).map((m) => [`${m.receiving}|${m.sending}`, m]));
    return {
      year,
      countries: [...countries],
      rows: countries.map((a) =>
        countries.map((b): MirrorMatrixCell => {
          const m = a === b ? undefined : at.get(`${a}|${b}`);
          return { receiving: a, sending: b, cls: a === b ? 'self' : mirrorClass(m, band), row: m };
        }),
      ),
    };
  });
}

function mirrorClass(m: MatrixRow | undefined, band: MirrorBand): MirrorClass {
  if (!m || m.immigration === null || m.emigration === null) return 'none';
  const ratio = m.ratio ?? Number.POSITIVE_INFINITY;
  if (m.flagged) {
    if (ratio > 1) return ratio > 2 * band.band_high ? 'far-above' : 'above';
    return ratio < band.band_low / 2 ? 'far-below' : 'below';
  }
  if (m.ratio === null && m.immigration === 0) return 'none';
  return ratio >= band.band_low && ratio <= band.band_high ? 'inside' : 'small';
}

/** The colours of a mirror matrix by class, the same in every report (internal and public, HTML and PDF). */
export const MIRROR_COLOURS: Record<MirrorClass, { fill: string; text: string }> = {
  'far-below': { fill: '#3d6fb4', text: '#ffffff' },
  below: { fill: '#a9c8f0', text: '#1f1f1f' },
  inside: { fill: '#cfead4', text: '#1f1f1f' },
  above: { fill: '#f4a09a', text: '#1f1f1f' },
  'far-above': { fill: '#c8322b', text: '#ffffff' },
  small: { fill: '#f3efe0', text: '#7a7a7a' },
  none: { fill: '#f7f7f7', text: '#9a9a9a' },
  self: { fill: '#bdbdbd', text: '#bdbdbd' },
};

const num = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** What each colour of the matrix means, with the band and minimum flow of the release, in both languages. */
export function mirrorLegend(band: MirrorBand): { cls: MirrorClass; en: string; ru: string }[] {
  const [lo, hi, half, twice, min] = [num(band.band_low), num(band.band_high), num(band.band_low / 2), num(band.band_high * 2), num(band.min_size)];
  return [
    { cls: 'far-below', en: `below ${half}`, ru: `ниже ${half}` },
    { cls: 'below', en: `${half} to ${lo}`, ru: `от ${half} до ${lo}` },
    { cls: 'inside', en: `inside the band ${lo}–${hi}`, ru: `в пределах ${lo}–${hi}` },
    { cls: 'above', en: `${hi} to ${twice}`, ru: `от ${hi} до ${twice}` },
    { cls: 'far-above', en: `above ${twice}, or ∞ (no emigration reported)`, ru: `выше ${twice} или ∞ (эмиграция не указана)` },
    { cls: 'small', en: `outside the band, both flows under ${min} persons: not flagged`, ru: `вне диапазона, оба потока меньше ${min} чел.: не отмечается` },
    { cls: 'none', en: 'not reported by both countries', ru: 'нет данных одной из стран' },
  ];
}

/** I ÷ E as a matrix cell shows it: two decimals at most, ∞ where the partner reports no emigration. */
export function ratioText(ratio: number | null, immigration: number | null, emigration: number | null): string {
  if (immigration === null || emigration === null) return immigration === null && emigration === null ? '' : '–';
  if (ratio === null) return immigration > 0 ? '∞' : '';
  return String(roundedQuotient(immigration, emigration, ratio, 2));
}

/**
 * A ratio or share as shown to `places` decimals: rounded once, half up, from the whole counts it
 * is made of where both are known, else from the stored one. Ratios and shares are stored rounded
 * to four places (report.json), and one shown to fewer places from the stored value is rounded
 * twice: a coverage of 20 711 / 26 166 (79.152… %) is stored as 0.7915 and showed as 79.1 %. And
 * the binary quotient is no exact decimal: 1 583 / 2 000 is 79.15 % exactly, which toFixed takes
 * for 79.149… and shows as 79.1. Null stays null: a value withheld is never worked out again.
 */
export function roundedQuotient(part: number | null, whole: number | null, stored: number | null, places: number): number | null {
  if (stored === null) return null;
  const scale = 10 ** places;
  if (part === null || whole === null || whole === 0 || !Number.isInteger(part) || !Number.isInteger(whole) || !Number.isSafeInteger(2 * Math.abs(part) * scale + Math.abs(whole))) {
    return Math.round(stored * scale) / scale;
  }
  const sign = Math.sign(part) * Math.sign(whole);
  const [p, w] = [Math.abs(part) * scale, Math.abs(whole)];
  return (sign * Math.floor((2 * p + w) / (2 * w))) / scale;
}

/**
 * The value cells of a country's files that its count of cells received leaves out (cells another
 * file, or the same one, gives again; cells of years or tables outside the release): what a
 * scorecard says beside its file table, so the two never seem to disagree. 0 when none.
 */
export function cellsNotCounted(files: readonly { value_cells: number }[], counted: number): number {
  return Math.max(0, files.reduce((s, f) => s + f.value_cells, 0) - counted);
}

/** A mirror row's ratio I / E and asymmetry (I − E) / (I + E) as every report shows them, to two places, rounded once from I and E. */
export function shownMirror(m: Pick<MirrorRow, 'immigration' | 'emigration' | 'ratio' | 'asymmetry'>): { ratio: number | null; asymmetry: number | null } {
  const { immigration: i, emigration: e } = m;
  const both = i !== null && e !== null;
  return { ratio: roundedQuotient(i, e, m.ratio, 2), asymmetry: roundedQuotient(both ? i - e : null, both ? i + e : null, m.asymmetry, 2) };
}

/** An emigration estimate's coverage (a share) as every report shows it, to three places: 79.2 % of 20 711 / 26 166. */
export function shownCoverage(e: Pick<EmigrationEstimate, 'own_emigration_to_same_partners' | 'own_total_emigration' | 'coverage_share'>): number | null {
  return roundedQuotient(e.own_emigration_to_same_partners, e.own_total_emigration, e.coverage_share, 3);
}
