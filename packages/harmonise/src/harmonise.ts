import { type HarmonisedData, type Observation, compareObservations } from '@mch/core';
import { deriveAggregates } from './aggregates';
import { annotateReference } from './annotate';
import { assignDefinitionBasis } from './basis';
import { markBreaks } from './breaks';
import { imemSeries } from './imem';
import { alignStockDates } from './reference-dates';
import { resolveSubmissions } from './submissions';
import type { HarmoniseInput, Remark } from './types';
import { toPersons } from './units';

/**
 * Table in, table out: one release's country files become one harmonised, sorted table. Pure and
 * deterministic; findings are left to the quality stage, which reads conflicts and remarks here.
 */
export function harmonise(input: HarmoniseInput): HarmonisedData {
  const remarks: Remark[] = [];
  const reported: Observation[] = [];
  const conflicts: HarmonisedData['conflicts'] = [];
  const resubmissions: HarmonisedData['resubmissions'] = [];
  const results = input.countries.flatMap((c) => c.files.map((f) => f.result));

  for (const country of input.countries) {
    const resolved = resolveSubmissions(country.files);
    for (const o of resolved.observations) reported.push(o);
    for (const c of resolved.conflicts) conflicts.push(c);
    for (const r of resolved.resubmissions) resubmissions.push(r);
  }
  const metadata = results.flatMap((r) => r.metadata);

  const inPersons = reported.map(toPersons);
  const withBasis = assignDefinitionBasis(inPersons, metadata, input.config);
  const dated = alignStockDates(withBasis.observations, input.config, input.tableSet);
  const broken = markBreaks(dated.observations, input.breaks);
  for (const r of [withBasis.remarks, dated.remarks, broken.remarks].flat()) remarks.push(r);

  const annotated = annotateReference(broken.observations, metadata, input.config, input.tableSet);
  const noOwnPartner = new Set(input.tableSet.tables.filter((t) => !t.own_country_allowed).map((t) => t.id));
  const derived = deriveAggregates(annotated, input.codelists, noOwnPartner);
  const ageOrder = new Map(input.codelists.age.map((a, i) => [a.code, i]));
  const byKey = compareObservations(ageOrder);
  const sorted = (list: Observation[]) => list.sort((a, b) => byKey(a, b) || Number(a.derived) - Number(b.derived));
  const observations = sorted([...annotated, ...derived]);

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
    analytical: sorted(imemSeries(annotated, input.config, input.tableSet)),
  };
}

function dedupeRemarks(remarks: readonly Remark[]): Remark[] {
  const seen = new Map<string, Remark>();
  for (const r of remarks) seen.set(`${r.ref_area}|${r.table}|${r.text_en}`, r);
  return [...seen.values()].sort((a, b) => (a.ref_area + a.table + a.text_en < b.ref_area + b.table + b.text_en ? -1 : 1));
}
