import type { CountrySettings, DefinitionBasis, Finding, Observation, QualityReport, TableMetadata } from '@mch/core';
import type { Draft, ReleaseQualityInput } from './model';
import { benchmarkVintageWarnings } from './rules/benchmarks/b01-benchmarks';
import { countryOf } from './settings';
import { getOrCreate } from './values';
import { applyWaivers, type RunNote } from './waivers';

/**
 * Every warning about the run itself, not about the data (MCH-W01): waivers that cover nothing,
 * benchmark series published after the release date, a country's Metadata sheet that gives
 * another definition basis than the configuration, a previous release whose findings could not
 * be compared. Applying the waivers marks the findings they cover.
 */
export function runWarnings(findings: Finding[], input: ReleaseQualityInput, years: ReadonlyMap<string, ReadonlySet<number>>): { notes: RunNote[]; judged: number } {
  const vintages = benchmarkVintageWarnings(input);
  const basis = metadataBasis(input, years);
  const notes: RunNote[] = [...applyWaivers(findings, input.config)];
  for (const draft of vintages.drafts) notes.push({ kind: 'benchmark-vintage', draft });
  for (const draft of basis.drafts) notes.push({ kind: 'metadata-basis', draft });
  const previous = previousMissing(input);
  if (previous) notes.push({ kind: 'previous-report-missing', draft: previous });
  return { notes, judged: input.config.waivers.length + vintages.judged + basis.judged + (input.compareWithPrevious && input.previous ? 1 : 0) };
}

const blank = (): Pick<Draft, 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner' | 'sources'> => ({ table: '', time_period: null, migr_type: '', sex: '', age: '', partner: '', sources: [] });

/** The findings of this round cannot be set against the previous release's when its report was not given. */
function previousMissing(input: ReleaseQualityInput): Draft | undefined {
  if (!input.compareWithPrevious || !input.previous || input.previousReport) return undefined;
  const v = input.previous.version;
  return {
    ...blank(),
    key: `previous-report|${v}`,
    ref_area: '',
    values: {},
    seen: { previous: v },
    message: `The findings are not compared with release ${v}: its internal quality report (data/reports/${v}/report.json) was not found, so nothing is shown as new, still open or resolved.`,
    message_ru: `Замечания не сопоставлены с выпуском ${v}: его внутренний отчёт о качестве (data/reports/${v}/report.json) не найден, поэтому новые, сохраняющиеся и устранённые замечания не показаны.`,
  };
}

/** The basis the configuration records for a table and year: the latest change in force, else the table's, else the default. */
function configuredBasis(cs: CountrySettings | undefined, table: string, year: number): DefinitionBasis | undefined {
  if (!cs) return undefined;
  let change: { first_year: number; basis: DefinitionBasis } | undefined;
  for (const c of cs.basis_changes) if (c.first_year <= year && (!c.tables || c.tables.includes(table)) && (!change || c.first_year > change.first_year)) change = c;
  return change?.basis ?? cs.definition_basis[table] ?? cs.definition_basis.default;
}

/** Metadata records "file#sheet" (or "file!sheet"): the file its values came from. */
const fileOf = (from: string): string => from.replace(/[#!][^#!/\\]*$/u, '');

/**
 * "ref_area|table|file" → the years of the values that file gave the table, for metadataBasis:
 * only for the files whose Metadata sheet gives a basis (most files have none, and then nothing
 * is gathered).
 */
export function sourceYears(observations: readonly Observation[], metadata: readonly TableMetadata[]): Map<string, Set<number>> {
  const years = new Map<string, Set<number>>();
  const files = new Set(metadata.filter((m) => m.definition_basis).map((m) => fileOf(m.from)));
  if (!files.size) return years;
  // a file's values come in runs of one table: its set is kept at hand
  let last: { o: Observation; set: Set<number> | undefined } | undefined;
  for (const o of observations) {
    if (o.derived || !o.source) continue;
    const p = last?.o;
    if (!last || !p || p.ref_area !== o.ref_area || p.table !== o.table || p.source!.file !== o.source.file) {
      last = { o, set: files.has(o.source.file) ? getOrCreate(years, `${o.ref_area}|${o.table}|${o.source.file}`, () => new Set<number>()) : undefined };
    }
    last.set?.add(o.time_period);
  }
  return years;
}

/**
 * A Metadata sheet that gives another basis than the configuration for the years of its own
 * file's values: the configuration is used (harmonise), but someone should reconcile the two.
 */
function metadataBasis(input: ReleaseQualityInput, years: ReadonlyMap<string, ReadonlySet<number>>): { judged: number; drafts: Draft[] } {
  let judged = 0;
  const drafts: Draft[] = [];
  for (const m of input.data.metadata) {
    const file = fileOf(m.from);
    const seen = years.get(`${m.ref_area}|${m.table}|${file}`);
    if (!m.definition_basis || !seen) continue;
    const cs = countryOf(input.config, m.ref_area);
    const differ = [...seen].sort((a, b) => a - b).filter((y) => {
      const c = configuredBasis(cs, m.table, y);
      return c !== undefined && c !== m.definition_basis;
    });
    judged++;
    if (!differ.length) continue;
    const configured = [...new Set(differ.map((y) => configuredBasis(cs, m.table, y)))].join(', ');
    const span = differ.length > 1 ? `${differ[0]}–${differ[differ.length - 1]}` : String(differ[0]);
    drafts.push({
      ...blank(),
      key: `metadata-basis|${m.ref_area}|${m.table}|${file}`,
      ref_area: m.ref_area,
      table: m.table,
      values: {},
      seen: { sheet: m.definition_basis, configuration: configured, file },
      message: `${m.table} ${m.ref_area}: the Metadata sheet of ${file} gives the definition basis ${m.definition_basis}, the release configuration ${configured} (${span}); the configuration is used — correct whichever is wrong.`,
      message_ru: `${m.table} ${m.ref_area}: в листе метаданных файла ${file} указана основа определения ${m.definition_basis}, в конфигурации выпуска — ${configured} (${span}); используется конфигурация — исправьте то, что неверно.`,
    });
  }
  return { judged, drafts };
}

/** Each MCH-W01 finding as the terminal prints it: its id, kind, country and message. */
export function runWarningList(notes: readonly RunNote[], findingOf: Map<Draft, Finding>): NonNullable<QualityReport['run_warnings']> {
  return notes.flatMap(({ kind, draft }) => {
    const f = findingOf.get(draft);
    return f ? [{ finding: f.id, kind, ref_area: f.ref_area, message: f.message, message_ru: f.message_ru }] : [];
  });
}
