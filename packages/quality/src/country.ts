import type { HarmonisedData, Observation } from '@mch/core';
import { cmp } from '@mch/core';
import type { CountryRuleInput, QualityInput } from './model';

/** One country's part of the release: every record that names the country, and nothing else. */
export interface CountryInput extends CountryRuleInput {
  ref_area: string;
}

/**
 * The release cut into one input per country, in code order: the configured countries and every
 * other country a record names (a previous release's country has its withdrawn values). Each
 * record goes with the country it names, so the checks of one country see all they need of it.
 */
export function countryInputs(input: QualityInput): CountryInput[] {
  // the previous internal report is the release's comparison across rounds, never a country's rules' input
  const { data, previousReport: _report, compareWithPrevious: _compare, ...release } = input;
  const parts = new Map<string, CountryInput>();
  const part = (r: string): CountryInput => {
    let p = parts.get(r);
    if (!p) {
      p = {
        ...release,
        ref_area: r,
        data: { ...data, observations: [], rejections: [], conflicts: [], resubmissions: [], metadata: [], notes: [], files: [], net_migration: [], remarks: [], analytical: [] },
        previous: input.previous && { version: input.previous.version, observations: [] },
        history: input.history?.map((h) => ({ version: h.version, observations: [] })),
        benchmarks: input.benchmarks && [],
      };
      parts.set(r, p);
    }
    return p;
  };
  for (const r of Object.keys(input.config.countries)) part(r);
  const into = <T>(list: readonly T[] | undefined, areaOf: (x: T) => string, field: (p: CountryInput) => T[] | undefined) => {
    for (const x of list ?? []) field(part(areaOf(x)))!.push(x);
  };
  const d = (p: CountryInput) => p.data as Required<HarmonisedData>;
  // the observations are many and come grouped by country: a country's one run is copied whole
  const list = data.observations;
  for (let from = 0; from < list.length; ) {
    const r = list[from]!.ref_area;
    let to = from + 1;
    while (to < list.length && list[to]!.ref_area === r) to++;
    const p = part(r);
    if (p.data.observations.length === 0) p.data.observations = list.slice(from, to);
    else for (let i = from; i < to; i++) p.data.observations.push(list[i]!);
    from = to;
  }
  into(data.rejections, (x) => x.ref_area, (p) => d(p).rejections);
  into(data.conflicts, (x) => x.observations[0]!.ref_area, (p) => d(p).conflicts);
  into(data.resubmissions, (x) => x.by.ref_area, (p) => d(p).resubmissions);
  into(data.metadata, (x) => x.ref_area, (p) => d(p).metadata);
  into(data.notes, (x) => x.ref_area, (p) => d(p).notes);
  into(data.files, (x) => x.ref_area, (p) => d(p).files);
  into(data.net_migration, (x) => x.ref_area, (p) => d(p).net_migration);
  into(data.remarks, (x) => x.ref_area, (p) => d(p).remarks);
  into(data.analytical, (o) => o.ref_area, (p) => d(p).analytical);
  into(input.previous?.observations, (o) => o.ref_area, (p) => p.previous?.observations);
  for (const [i, h] of (input.history ?? []).entries()) into(h.observations, (o: Observation) => o.ref_area, (p) => p.history?.[i]?.observations);
  into(input.benchmarks, (b) => b.ref_area, (p) => p.benchmarks);
  return [...parts.keys()].sort(cmp).map((r) => {
    const p = parts.get(r)!;
    if (data.analytical === undefined) delete (p.data as Partial<HarmonisedData>).analytical;
    return p;
  });
}
