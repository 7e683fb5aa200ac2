import { type CodeLists, type CountrySettings, MchError, type PartnerMatch, type PartnerResolver, type TableSet, createPartnerResolver } from '@mch/core';
import type { CategoryContext } from './cells/category';
import { type CodeResolver, ageResolver, migrTypeResolver, sexResolver } from './cells/codes';
import { type Legend, buildLegend } from './cells/legend';
import { quote } from './cells/text';

/** Everything a reader needs to recode a file, built once per file from the country's settings. */
export interface IngestEnv {
  tableSet: TableSet;
  category: CategoryContext;
  sheet: { settings: CountrySettings; legend: Legend; category: CategoryContext; sex: CodeResolver; migr: CodeResolver };
}

export function buildEnv(file: string, ref_area: string, tableSet: TableSet, codelists: CodeLists, settings: CountrySettings): IngestEnv {
  const codes = resolversOf(codelists);
  const category: CategoryContext = {
    ref_area,
    codelists,
    partner: onePerLabel(createPartnerResolver(codelists, settings.aliases), file),
    age: codes.age,
  };
  return {
    tableSet,
    category,
    sheet: { settings, legend: buildLegend(settings.legend), category, sex: codes.sex, migr: codes.migr },
  };
}

const resolvers = new WeakMap<CodeLists, { age: CodeResolver; sex: CodeResolver; migr: CodeResolver }>();

/** The code lists' resolvers, built once for every file read with them (each remembers the labels it resolved). */
function resolversOf(codelists: CodeLists): { age: CodeResolver; sex: CodeResolver; migr: CodeResolver } {
  let r = resolvers.get(codelists);
  if (!r) {
    r = { age: ageResolver(codelists), sex: sexResolver(codelists), migr: migrTypeResolver(codelists) };
    resolvers.set(codelists, r);
  }
  return r;
}

/** Different labels that map to no code, at most, in one file: more is no questionnaire of this table set. */
export const MAX_UNMAPPED_LABELS = 1_000;

/**
 * The partner resolver of one file: each label resolved once (a label repeated in every row costs
 * one look-up), and a file of thousands of different unknown labels refused before their
 * suggestions (milliseconds each, by edit distance) add up to minutes.
 */
function onePerLabel(r: PartnerResolver, file: string): PartnerResolver {
  const seen = new Map<string, PartnerMatch>();
  let unmapped = 0;
  return {
    names: (code) => r.names(code),
    isKnownCode: (code) => r.isKnownCode(code),
    resolve(label) {
      const known = seen.get(label);
      if (known) return known;
      const m = r.resolve(label);
      if (m.kind === 'unmapped' && ++unmapped > MAX_UNMAPPED_LABELS) {
        throw new MchError('file-unreadable', `${file}: more than ${MAX_UNMAPPED_LABELS} different labels map to no code (the last ${quote(label)}); is it a questionnaire of this table set?`, { where: file });
      }
      seen.set(label, m);
      return m;
    },
  };
}
