import { type HarmonisedData, KeyColumns, type Observation, type TableMetadata, cmp, sortByKey } from '@mch/core';
import { deriveAggregates } from './aggregates';
import { referenceAnnotator } from './annotate';
import { definitionBasis } from './basis';
import { BasisSeries, breakMarker } from './breaks';
import { imemSeries } from './imem';
import { type Decided, observationOf } from './observation';
import { stockDates } from './reference-dates';
import { resolveSubmissions } from './submissions';
import type { HarmoniseInput, Remark } from './types';
import { personsStatus, personsValue } from './units';

/**
 * Table in, table out: one release's country files become one harmonised, sorted table. Pure and
 * deterministic; findings are left to the quality stage, which reads conflicts and remarks here.
 *
 * Every step after the resolution of resubmissions is a matter of one reporting country (each key,
 * setting, metadata record and break names it), so they run country by country: the working set
 * is one country's, and since the row order starts with the country, the countries' sorted tables
 * laid end to end in code order are the release's sorted table.
 */
export function harmonise(input: HarmoniseInput): HarmonisedData {
  const results = input.countries.flatMap((c) => c.files.map((f) => f.result));
  const conflicts: HarmonisedData['conflicts'] = [];
  const resubmissions: HarmonisedData['resubmissions'] = [];
  const byArea = new Map<string, Observation[]>();
  for (const country of input.countries) {
    const resolved = resolveSubmissions(country.files);
    for (const o of resolved.observations) {
      const list = byArea.get(o.ref_area);
      if (list) list.push(o);
      else byArea.set(o.ref_area, [o]);
    }
    for (const c of resolved.conflicts) conflicts.push(c);
    for (const r of resolved.resubmissions) resubmissions.push(r);
  }
  const metadata = results.flatMap((r) => r.metadata);
  const metadataOf = new Map<string, TableMetadata[]>();
  for (const m of metadata) {
    const list = metadataOf.get(m.ref_area);
    if (list) list.push(m);
    else metadataOf.set(m.ref_area, [m]);
  }

  const observations: Observation[] = [];
  const analytical: Observation[] = [];
  const remarks: Remark[] = [];
  for (const area of [...byArea.keys()].sort(cmp)) {
    const one = harmoniseArea(byArea.get(area)!, metadataOf.get(area) ?? [], input);
    for (const o of one.observations) observations.push(o);
    for (const o of one.analytical) analytical.push(o);
    for (const r of one.remarks) remarks.push(r);
  }
  return {
    observations,
    rejections: results.flatMap((r) => r.rejections),
    conflicts,
    resubmissions,
    metadata,
    notes: results.flatMap((r) => r.notes),
    files: results.flatMap((r) => r.files),
    net_migration: results.flatMap((r) => r.net_migration),
    remarks: dedupeRemarks(remarks),
    analytical,
  };
}

/**
 * One country's reported observations through units, definition basis, reference dates, breaks
 * and annotation. Each step decides one field; the observation is copied once, with every field
 * decided, instead of once per step (copies that the garbage collector then spent most of its time on).
 */
function harmoniseArea(reported: readonly Observation[], metadata: readonly TableMetadata[], input: HarmoniseInput): { observations: Observation[]; analytical: Observation[]; remarks: Remark[] } {
  const { config, tableSet, codelists } = input;
  const basis = definitionBasis(metadata, config);
  const dates = stockDates(config, tableSet);
  const series = new BasisSeries();
  const n = reported.length;
  const bases = new Array<Observation['definition_basis']>(n);
  const years = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const o = reported[i]!;
    const b = basis.basisOf(o);
    const year = dates.yearOf({ ref_area: o.ref_area, table: o.table, time_period: o.time_period, definition_basis: b });
    bases[i] = b;
    years[i] = year;
    if (!o.derived) series.note(o.ref_area, o.table, o.migr_type, year, b);
  }
  const breaks = breakMarker(input.breaks, series);
  const annotate = referenceAnnotator(metadata, config, tableSet);
  const annotated = new Array<Observation>(n);
  // one record of decided fields, filled for each observation in turn
  const d: Decided = { time_period: 0, sex: '_T', age: '', partner: '', obs_value: null, obs_status: 'A', conf_status: 'F', definition_basis: '', unit_mult: 0, derived: false, note_refs: [], source: null, reference_date: '', territory: '' };
  for (let i = 0; i < n; i++) {
    const o = reported[i]!;
    const year = years[i]!;
    const b = bases[i]!;
    d.time_period = year;
    d.sex = o.sex;
    d.age = o.age;
    d.partner = o.partner;
    d.obs_value = personsValue(o);
    d.obs_status = breaks.statusOf(o.ref_area, o.table, o.migr_type, year, personsStatus(o), d.obs_value, o.derived);
    d.conf_status = o.conf_status;
    d.definition_basis = b;
    d.unit_mult = o.unit_mult;
    d.derived = o.derived;
    d.note_refs = o.note_refs;
    d.source = o.source;
    d.reference_date = annotate.referenceDate(o.ref_area, o.table, year, b);
    d.territory = annotate.territory(o.ref_area, o.table, year);
    annotated[i] = observationOf(o, d, o.parent);
  }
  const noOwnPartner = new Set(tableSet.tables.filter((t) => !t.own_country_allowed).map((t) => t.id));
  // one set of key columns groups the aggregates and, with their rows added, sorts the country
  const keys = KeyColumns.of(annotated);
  const derived = deriveAggregates(annotated, codelists, noOwnPartner, keys);
  const all = annotated.concat(derived);
  for (const d of derived) keys.add(d);
  const ageOrder = new Map(codelists.age.map((a, i) => [a.code, i]));
  const order = keys.order(ageOrder, (i) => all[i]!.derived);
  const observations = new Array<Observation>(all.length);
  for (let i = 0; i < order.length; i++) observations[i] = all[order[i]!]!;
  return {
    observations,
    analytical: sortByKey(imemSeries(annotated, config, tableSet), ageOrder, true),
    remarks: [...basis.remarks(), ...dates.remarks(), ...breaks.remarks()],
  };
}

function dedupeRemarks(remarks: readonly Remark[]): Remark[] {
  const seen = new Map<string, Remark>();
  for (const r of remarks) seen.set(`${r.ref_area}|${r.table}|${r.text_en}`, r);
  return [...seen.values()].sort((a, b) => (a.ref_area + a.table + a.text_en < b.ref_area + b.table + b.text_en ? -1 : 1));
}
