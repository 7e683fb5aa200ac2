import { type AgeCode, type CodeLists, KeyColumns, type Observation, type ObsStatus } from '@mch/core';
import { observationOf } from './observation';

/**
 * Derived aggregates (definitions.md): sex totals, age totals and broad groups, and the partner
 * aggregates with a fixed membership (MCH12, FSU15, BALT) and the partner total. Each is derived only
 * from complete parts, carries derived = true and sits beside a reported value of the same key,
 * never over it: publish keeps the reported one, quality checks it against the derived one.
 */
export function deriveAggregates(reported: readonly Observation[], codelists: CodeLists, noOwnPartner: ReadonlySet<string> = new Set(), keysOfReported?: KeyColumns): Observation[] {
  const reportedOnly = reported.filter((o) => !o.derived);
  // the caller's key columns of the same rows are reused; their length is read now, before it adds rows
  const keys = keysOfReported && keysOfReported.length === reported.length && reportedOnly.length === reported.length ? keysOfReported : KeyColumns.of(reportedOnly);
  return deriveSexTotals(reportedOnly, keys).concat(deriveAgeGroups(reportedOnly, keys, codelists), derivePartnerAggregates(reportedOnly, keys, codelists, noOwnPartner));
}

type Slice = Map<string, Observation>;

/** Groups observations by every dimension except one, keyed by that dimension's code (the last one of a code counts). */
function slices(obs: readonly Observation[], keys: KeyColumns, dim: 'age' | 'partner', keep: (o: Observation) => boolean): Map<number | string, Slice> {
  const group = keys.groupKeys(dim);
  const out = new Map<number | string, Slice>();
  for (let i = 0; i < obs.length; i++) {
    const o = obs[i]!;
    if (!keep(o)) continue;
    const slice = out.get(group[i]!);
    if (slice) slice.set(o[dim], o);
    else out.set(group[i]!, new Map([[o[dim], o]]));
  }
  return out;
}

/**
 * `_T = M + F (+ _U)` wherever both sexes are there. A group is three row numbers, not a Map:
 * there are as many groups as a third of the observations.
 */
function deriveSexTotals(obs: readonly Observation[], keys: KeyColumns): Observation[] {
  const group = keys.groupKeys('sex');
  const at = new Map<number | string, number>();
  const rows: { M: number[]; F: number[]; _U: number[] } = { M: [], F: [], _U: [] };
  for (let i = 0; i < obs.length; i++) {
    const sex = obs[i]!.sex;
    if (sex !== 'M' && sex !== 'F' && sex !== '_U') continue;
    let g = at.get(group[i]!);
    if (g === undefined) {
      g = rows.M.length;
      at.set(group[i]!, g);
      rows.M.push(-1);
      rows.F.push(-1);
      rows._U.push(-1);
    }
    rows[sex][g] = i;
  }
  const out: Observation[] = [];
  const row = (i: number) => (i < 0 ? undefined : obs[i]);
  for (let g = 0; g < rows.M.length; g++) {
    const u = rows._U[g]!;
    const parts = u < 0 ? [row(rows.M[g]!), row(rows.F[g]!)] : [row(rows.M[g]!), row(rows.F[g]!), row(u)];
    const total = sumOf(parts, 'sex', '_T');
    if (total) out.push(total);
  }
  return out;
}

function deriveAgeGroups(obs: readonly Observation[], keys: KeyColumns, codelists: CodeLists): Observation[] {
  const out: Observation[] = [];
  const ages = new Map(codelists.age.map((a) => [a.code, a]));
  const targets = codelists.age.filter((a) => a.from !== undefined && (a.to === undefined || a.to > a.from + 4));
  const partitions = Object.entries(codelists.age_partitions);
  for (const slice of slices(obs, keys, 'age', (o) => o.age !== '').values()) {
    for (const [name, members] of partitions) {
      if (name === 'broad' || !members.every((m) => slice.get(m)?.obs_value != null)) continue;
      const parts = [...members, ...(slice.has('_U') ? ['_U'] : [])].map((m) => slice.get(m));
      const total = sumOf(parts, 'age', '_T');
      if (total) out.push(total);
      break; // one complete partition is enough for the derived total
    }
    const known = [...slice.keys()].map((c) => ages.get(c)).filter((a): a is AgeCode => !!a);
    for (const target of targets) {
      const chain = coveringChain(target, known.filter((a) => a.code !== target.code));
      const derived = chain && sumOf(chain.map((a) => slice.get(a.code)), 'age', target.code);
      if (derived) out.push(derived);
    }
  }
  return out;
}

/** Finer age groups that exactly cover the target's range, without overlap; undefined when none. */
function coveringChain(target: AgeCode, available: readonly AgeCode[]): AgeCode[] | undefined {
  const chain: AgeCode[] = [];
  let next = target.from ?? 0;
  for (;;) {
    const candidates = available.filter((a) => a.from === next && (target.to === undefined || (a.to !== undefined && a.to <= target.to)));
    // prefer the narrowest closed group, so a chain never jumps over reported detail
    const step = candidates.filter((a) => a.to !== undefined).sort((a, b) => a.to! - b.to!)[0] ?? candidates[0];
    if (!step || (step.to !== undefined && step.to - step.from! > 9)) return undefined;
    chain.push(step);
    if (step.to === undefined) return target.to === undefined ? chain : undefined;
    if (step.to === target.to) return chain;
    next = step.to + 1;
  }
}

/** `noOwnPartner`: tables where the reporting country cannot be its own partner; it is then no member of MCH12 or FSU15. */
function derivePartnerAggregates(obs: readonly Observation[], keys: KeyColumns, codelists: CodeLists, noOwnPartner: ReadonlySet<string>): Observation[] {
  const out: Observation[] = [];
  const aggregates = codelists.special_partners.filter((p) => p.members && (p.kind === 'derived' || p.kind === 'aggregate'));
  const notSummed = new Set(codelists.special_partners.filter((p) => p.kind === 'aggregate' || p.kind === 'derived' || p.kind === 'total').map((p) => p.code));
  for (const slice of slices(obs, keys, 'partner', (o) => o.partner !== '').values()) {
    const any = slice.values().next().value;
    const own = any && noOwnPartner.has(any.table) ? any.ref_area : undefined;
    for (const agg of aggregates) {
      const derived = sumOf(agg.members!.filter((m) => m !== own).map((m) => slice.get(m)), 'partner', agg.code);
      if (derived) out.push(derived);
    }
    // the partner total only when the residual row makes the list complete
    if (slice.has('OTH')) {
      const total = sumOf(partnerTotalParts(slice, notSummed), 'partner', '_T');
      if (total) out.push(total);
    }
  }
  return out;
}

/**
 * The rows summed into the partner total: aggregates are not, nor an "of which" row whose parent
 * row already is («Прочие страны, из них Иран»); that parent must then be there (a missing one is
 * a missing part). A row under an aggregate («страны СНГ, из них Россия») is summed: it is the
 * country's row.
 */
function partnerTotalParts(slice: Slice, notSummed: ReadonlySet<string>): (Observation | undefined)[] {
  const counted = (code: string) => !notSummed.has(code);
  const parts: (Observation | undefined)[] = [];
  const parents = new Set<string>();
  for (const [code, o] of slice) {
    if (!counted(code)) continue;
    if (o.parent && counted(o.parent)) parents.add(o.parent);
    else parts.push(o);
  }
  for (const p of parents) if (!slice.has(p)) parts.push(undefined);
  return parts;
}

/** One frozen empty list for every derived value (they carry no notes); a push to it throws. */
const NO_NOTES = Object.freeze([]) as unknown as string[];

const STATUS_PRECEDENCE: readonly ObsStatus[] = ['E', 'P', 'B'];

/** The derived sum of complete parts, or undefined when a part is missing or has no value. */
function sumOf(parts: readonly (Observation | undefined)[], dim: 'sex' | 'age' | 'partner', code: string): Observation | undefined {
  if (parts.length === 0 || parts.some((p) => p === undefined || p.obs_value === null)) return undefined;
  const present = parts as Observation[];
  const first = present[0]!;
  const status = STATUS_PRECEDENCE.find((s) => present.some((p) => p.obs_status === s)) ?? 'A';
  let value = 0;
  for (const p of present) value += p.obs_value!;
  return observationOf(
    first,
    {
      time_period: first.time_period,
      sex: dim === 'sex' ? (code as Observation['sex']) : first.sex,
      age: dim === 'age' ? code : first.age,
      partner: dim === 'partner' ? code : first.partner,
      obs_value: value,
      obs_status: status,
      // a sum of values that are not free for publication is not free either (MCH-S03 judges reported totals)
      conf_status: present.some((p) => p.conf_status !== 'F') ? 'C' : 'F',
      definition_basis: first.definition_basis,
      unit_mult: present.some((p) => p.unit_mult === 3) ? 3 : 0,
      derived: true,
      note_refs: NO_NOTES,
      source: null,
      reference_date: first.reference_date,
      territory: first.territory,
    },
    // a derived partner aggregate is no "of which" row, whichever part it was copied from
    dim === 'partner' ? undefined : first.parent,
  );
}
