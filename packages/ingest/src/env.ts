import { type CodeLists, type CountrySettings, type TableSet, createPartnerResolver } from '@mch/core';
import type { CategoryContext } from './cells/category';
import { type CodeResolver, ageResolver, migrTypeResolver, sexResolver } from './cells/codes';
import { type Legend, buildLegend } from './cells/legend';

/** Everything a reader needs to recode a file, built once per file from the country's settings. */
export interface IngestEnv {
  tableSet: TableSet;
  category: CategoryContext;
  sheet: { settings: CountrySettings; legend: Legend; category: CategoryContext; sex: CodeResolver; migr: CodeResolver };
}

export function buildEnv(ref_area: string, tableSet: TableSet, codelists: CodeLists, settings: CountrySettings): IngestEnv {
  const category: CategoryContext = {
    ref_area,
    codelists,
    partner: createPartnerResolver(codelists, settings.aliases),
    age: ageResolver(codelists),
  };
  return {
    tableSet,
    category,
    sheet: { settings, legend: buildLegend(settings.legend), category, sex: sexResolver(codelists), migr: migrTypeResolver(codelists) },
  };
}
