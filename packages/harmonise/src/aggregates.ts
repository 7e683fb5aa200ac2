import { type AgeCode, type CodeLists, type Observation, type ObsStatus, observationKey } from '@mch/core';

/**
 * Derived aggregates (definitions.md): sex totals, age totals and broad groups, and the partner
 * aggregates with a fixed membership (MCH12, FSU15, BALT) and the partner total. Each is derived only
 * from complete parts, carries derived = true and sits beside a reported value of the same key,
 * never over it: publish keeps the reported one, quality checks it against the derived one.
 */
export function deriveAggregates(reported: readonly Observation[], codelists: CodeLists, noOwnPartner: ReadonlySet<string> = new Set()): Observation[] {
  const reportedOnly = reported.filter((o) => !o.derived);
  return [...deriveSexTotals(reportedOnly), ...deriveAgeGroups(reportedOnly, codelists), ...derivePartnerAggregates(reportedOnly, codelists, noOwnPartner)];
}

type Slice = Map<string, Observation>;

/** Groups observations by every dimension except one, keyed by that dimension's code. */
function slices(obs: readonly Observation[], dim: 'sex' | 'age' | 'partner', keep: (o: Observation) => boolean): Map<string, Slice> {
  const out = new Map<string, Slice>();
  for (const o of obs) {
    if (!keep(o)) continue;
    const key = observationKey({ ...o, [dim]: '*' });
    const slice = out.get(key) ?? new Map<string, Observation>();
    slice.set(o[dim], o);
    out.set(key, slice);
  }
  return out;
}

function deriveSexTotals(obs: readonly Observation[]): Observation[] {
  const out: Observation[] = [];
  for (const slice of slices(obs, 'sex', () => true).values()) {
    const parts = ['M', 'F', ...(slice.has('_U') ? ['_U'] : [])].map((s) => slice.get(s));
    const total = sumOf(parts, { sex: '_T' });
    if (total) out.push(total);
  }
  return out;
}

function deriveAgeGroups(obs: readonly Observation[], codelists: CodeLists): Observation[] {
  const out: Observation[] = [];
  const ages = new Map(codelists.age.map((a) => [a.code, a]));
  const targets = codelists.age.filter((a) => a.from !== undefined && (a.to === undefined || a.to > a.from + 4));
  for (const slice of slices(obs, 'age', (o) => o.age !== '').values()) {
    for (const [name, members] of Object.entries(codelists.age_partitions)) {
      if (name === 'broad' || !members.every((m) => slice.get(m)?.obs_value != null)) continue;
      const parts = [...members, ...(slice.has('_U') ? ['_U'] : [])].map((m) => slice.get(m));
      const total = sumOf(parts, { age: '_T' });
      if (total) out.push(total);
      break; // one complete partition is enough for the derived total
    }
    for (const target of targets) {
      const chain = coveringChain(target, [...slice.keys()].map((c) => ages.get(c)).filter((a): a is AgeCode => !!a && a.code !== target.code));
      const derived = chain && sumOf(chain.map((a) => slice.get(a.code)), { age: target.code });
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
function derivePartnerAggregates(obs: readonly Observation[], codelists: CodeLists, noOwnPartner: ReadonlySet<string>): Observation[] {
  const out: Observation[] = [];
  const aggregates = codelists.special_partners.filter((p) => p.members && (p.kind === 'derived' || p.kind === 'aggregate'));
  const notSummed = new Set(codelists.special_partners.filter((p) => p.kind === 'aggregate' || p.kind === 'derived' || p.kind === 'total').map((p) => p.code));
  for (const slice of slices(obs, 'partner', (o) => o.partner !== '').values()) {
    const any = slice.values().next().value;
    const own = any && noOwnPartner.has(any.table) ? any.ref_area : undefined;
    for (const agg of aggregates) {
      const derived = sumOf(agg.members!.filter((m) => m !== own).map((m) => slice.get(m)), { partner: agg.code });
      if (derived) out.push(derived);
    }
    // the partner total only when the residual row makes the list complete
    if (slice.has('OTH')) {
      const total = sumOf(partnerTotalParts(slice, notSummed), { partner: '_T' });
      if (total) out.push(total);
    }
  }
  return out.map(withoutParent);
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

/** A derived aggregate is no "of which" row, whichever part it was copied from. */
function withoutParent(o: Observation): Observation {
  if (o.parent === undefined) return o;
  const { parent: _, ...rest } = o;
  return rest;
}

const STATUS_PRECEDENCE: readonly ObsStatus[] = ['E', 'P', 'B'];

/** The derived sum of complete parts, or undefined when a part is missing or has no value. */
function sumOf(parts: readonly (Observation | undefined)[], override: Partial<Observation>): Observation | undefined {
  if (parts.length === 0 || parts.some((p) => p === undefined || p.obs_value === null)) return undefined;
  const present = parts as Observation[];
  const first = present[0]!;
  const status = STATUS_PRECEDENCE.find((s) => present.some((p) => p.obs_status === s)) ?? 'A';
  return {
    ...first,
    ...override,
    obs_value: present.reduce((s, p) => s + p.obs_value!, 0),
    obs_status: status,
    // a sum of values that are not free for publication is not free either (MCH-S03 judges reported totals)
    conf_status: present.some((p) => p.conf_status !== 'F') ? 'C' : 'F',
    unit_mult: present.some((p) => p.unit_mult === 3) ? 3 : 0,
    derived: true,
    note_refs: [],
    source: null,
  };
}
