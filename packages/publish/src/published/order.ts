import { type CodeLists, cmp } from '@mch/core';

/**
 * The order of rows in every published table (tables.md, "The standard partner rows"): the
 * questionnaire's countries first, then any other country a country added (in code order), the
 * former states (SUN, YUG, CSK), the residuals, the total — everything above the total adds up to
 * it — and only then the aggregates, reported and derived, which a reader must not add again.
 */
export type RowKind = 'country' | 'former' | 'residual' | 'total' | 'aggregate' | 'derived';

export interface PartnerOrder {
  kind(code: string): RowKind;
  compare(a: string, b: string): number;
}

const BLOCKS: readonly RowKind[] = ['country', 'former', 'residual', 'total', 'aggregate', 'derived'];

export function partnerOrder(codelists: CodeLists): PartnerOrder {
  const special = new Map(codelists.special_partners.map((p) => [p.code, p.kind]));
  const standard = new Map(codelists.standard_partner_rows.map((c, i) => [c, i]));
  const kind = (code: string): RowKind => {
    const k = special.get(code);
    return k === undefined || k === 'country' ? 'country' : k;
  };
  // residuals keep their questionnaire order (Other countries, Unknown, Stateless), aggregates the
  // code list's (CIS, far abroad, Baltic states, all 12, former USSR), other countries code order
  const listed = new Map(codelists.special_partners.map((p, i) => [p.code, i]));
  const rank = (code: string) => standard.get(code) ?? 1000 + (listed.get(code) ?? 1000);
  return {
    kind,
    compare: (a, b) => BLOCKS.indexOf(kind(a)) - BLOCKS.indexOf(kind(b)) || rank(a) - rank(b) || cmp(a, b),
  };
}

/** Age groups in code-list order (`_T`, then `Y_LT5`, `Y5-9` …), unknown codes last. */
export function ageCompare(codelists: CodeLists): (a: string, b: string) => number {
  const index = new Map(codelists.age.map((a, i) => [a.code, i]));
  return (a, b) => (index.get(a) ?? 9999) - (index.get(b) ?? 9999) || cmp(a, b);
}

export type AgeKind = 'detail' | 'residual' | 'total' | 'aggregate';

/**
 * The rows of an age table as a reader sums them: the groups of the partition the country
 * reported (the one covering most of its reported groups), age unknown, the total — and after the
 * total every other group (broad groups, open-ended groups the Clearing House derived), which
 * overlap the rows above.
 */
export function ageOrder(codelists: CodeLists, reportedCodes: readonly string[]): { kind(code: string): AgeKind; compare(a: string, b: string): number } {
  const reported = new Set(reportedCodes);
  const partitions = Object.values(codelists.age_partitions);
  const score = (p: readonly string[]) => p.filter((c) => reported.has(c)).length;
  const primary = new Set(partitions.reduce<readonly string[]>((best, p) => (score(p) > score(best) ? p : best), []));
  const kind = (code: string): AgeKind => (code === '_T' ? 'total' : code === '_U' ? 'residual' : primary.has(code) ? 'detail' : 'aggregate');
  const blocks: AgeKind[] = ['detail', 'residual', 'total', 'aggregate'];
  const byList = ageCompare(codelists);
  return { kind, compare: (a, b) => blocks.indexOf(kind(a)) - blocks.indexOf(kind(b)) || byList(a, b) };
}

/** Migration types in code-list order (LT, ST, NAT). */
export function migrTypeCompare(codelists: CodeLists): (a: string, b: string) => number {
  const index = new Map(codelists.migr_type.map((m, i) => [m.code, i]));
  return (a, b) => (index.get(a) ?? 99) - (index.get(b) ?? 99) || cmp(a, b);
}

export const SEX_ORDER = ['_T', 'M', 'F', '_U'] as const;

export function sexCompare(a: string, b: string): number {
  const i = (s: string) => {
    const k = (SEX_ORDER as readonly string[]).indexOf(s);
    return k < 0 ? 99 : k;
  };
  return i(a) - i(b) || cmp(a, b);
}
