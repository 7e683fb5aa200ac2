import type { Finding, RuleId } from '@mch/core';
import { completenessCounts } from './completeness';
import type { CountryInput } from './country';
import { toFinding } from './draft';
import { holeIndex, holesOf } from './holes';
import { indexData } from './index-data';
import { mirrorExtract } from './mirror';
import type { CountryChecks, Rule, RuleContext, Tally } from './model';
import { RULES } from './rules';
import { sourceYears } from './run-warnings';
import { countingFor, enabledFor, settingFor } from './settings';

/**
 * Every rule that looks at one country, on that country alone (countryInputs): its findings and
 * counts, and the slim extracts the rules across countries and the report need of it. Pure; what
 * it returns holds no observation of the country but the few mirror cells.
 */
export function checkCountry(input: CountryInput): CountryChecks {
  const { config } = input;
  const index = indexData(input.data.observations, input.tableSet, input.codelists, Object.keys(config.countries), input.ref_area);
  const holes = holeIndex(holesOf(input.data.rejections, input.data.observations), index, input.codelists.age_partitions);
  const findings: Finding[] = [];
  const series: CountryChecks['series'] = [];
  const tallies = new Map<RuleId, Map<string, Tally>>();
  for (const rule of RULES) {
    if (rule.scope === 'release') continue;
    const counting = countingFor();
    const ctx: RuleContext = { input, index, holes, setting: settingFor(config, rule), ...counting };
    const enabled = enabledFor(config, rule.id);
    for (const d of (rule as Rule).check(ctx)) {
      if (!enabled(d.ref_area)) continue;
      const f = toFinding(rule, d, config);
      findings.push(f);
      if (d.series) series.push({ finding: f, series: { ref_area: d.ref_area, table: d.table, migr_type: d.migr_type, sex: d.sex, age: d.age, partner: d.partner, ...d.series } });
    }
    tallies.set(rule.id, counting.tallies);
  }
  return {
    ref_area: input.ref_area,
    findings,
    series,
    tallies,
    mirror: mirrorExtract(input, index),
    completeness: completenessCounts(input, index),
    sourceYears: sourceYears(input.data.observations, input.data.metadata),
  };
}
