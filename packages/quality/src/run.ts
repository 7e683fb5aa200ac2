import type { FlaggedSeries, Finding, QualityReport, RuleId, RuleSummary } from '@mch/core';
import { cmp } from '@mch/core';
import { compareWithPrevious, submissionsOf } from './changes';
import { checkCountry } from './check-country';
import { buildCompleteness } from './completeness';
import { countryInputs } from './country';
import { toFinding } from './draft';
import { buildEmigrationEstimates, buildMirror, mirrorBand } from './mirror';
import type { CountryChecks, Draft, QualityInput, ReleaseContext, ReleaseQualityInput, ReleaseRule, Rule, Tally } from './model';
import { RULES, W01 } from './rules';
import { runWarningList, runWarnings } from './run-warnings';
import { countingFor, enabledFor, isEnabled, settingFor } from './settings';
import { getOrCreate } from './values';

/**
 * Runs every rule of the catalogue, applies the waivers and decides the gate. Pure and
 * deterministic. The rules of one country run on that country alone (checkCountry), one country
 * after the other; the mirror and the report are made of what each country leaves (finishQuality).
 */
export function runQuality(input: QualityInput): QualityReport {
  const checked: CountryChecks[] = [];
  for (const country of countryInputs(input)) checked.push(checkCountry(country));
  const { data, previous, history: _, ...release } = input;
  return finishQuality({ ...release, data: { files: data.files, metadata: data.metadata }, previous: previous && { version: previous.version } }, checked);
}

/**
 * The rules across countries on the countries' extracts, the warnings about the run (applying
 * the waivers on the way), then the one report: findings in their order, counts, mirror,
 * completeness, the gate. `countries` holds every country checkCountry ran on, in any order.
 */
export function finishQuality(input: ReleaseQualityInput, countries: readonly CountryChecks[]): QualityReport {
  const { config } = input;
  const extracts = countries.map((c) => c.mirror);
  const mirror = buildMirror(input, extracts);
  const findings: Finding[] = [];
  const series: CountryChecks['series'] = [];
  for (const c of countries) {
    for (const f of c.findings) findings.push(f);
    for (const s of c.series) series.push(s);
  }
  const tallies = new Map<RuleId, Tally>();
  for (const rule of RULES) {
    const perCountry = countries.map((c) => c.tallies.get(rule.id));
    if (rule.scope === 'release') {
      const counting = countingFor();
      const ctx: ReleaseContext = { input, mirror, setting: settingFor(config, rule), ...counting };
      const enabled = enabledFor(config, rule.id);
      for (const d of (rule as ReleaseRule).check(ctx)) if (enabled(d.ref_area)) findings.push(toFinding(rule, d, config));
      perCountry.push(counting.tallies);
    }
    tallies.set(rule.id, sumEnabled(rule, perCountry, input));
  }

  // warnings about the run itself, not about the data (applying the waivers on the way)
  const years = new Map<string, Set<number>>();
  for (const c of countries) for (const [k, v] of c.sourceYears) years.set(k, v);
  const run = runWarnings(findings, input, years);
  const warned = new Map<Draft, Finding>();
  for (const { draft } of run.notes) {
    const f = toFinding(W01, draft, config);
    warned.set(draft, f);
    findings.push(f);
  }
  tallies.set(W01.id, { checked: run.judged, skipped: 0 });

  findings.sort(compareFindings);
  uniqueIds(findings);
  const byRule = countByRule(findings);
  const rules = [...RULES, W01].map((r) => summarise(r, tallies.get(r.id), byRule.get(r.id), input));
  const blocking = findings.filter((f) => f.severity === 'error' && !f.waived).length;
  return {
    version: config.version,
    release_date: config.release_date,
    rules,
    findings,
    mirror,
    emigration_estimates: buildEmigrationEstimates(mirror, extracts, input.tableSet.mirror?.emigration),
    completeness: buildCompleteness(input, new Map(countries.map((c) => [c.ref_area, c.completeness]))),
    gate: { passed: blocking === 0, blocking },
    series: series.map(({ finding, series: s }) => flaggedSeries(finding, s)).sort((a, b) => cmp(a.finding, b.finding)),
    submissions: submissionsOf(input),
    run_warnings: runWarningList(run.notes, warned),
    changes: compareWithPrevious(findings, input.previousReport, config) ?? null,
    mirror_band: mirrorBand(config),
  };
}

/** A rule's counts over the countries for which it is enabled. */
function sumEnabled(rule: Pick<Rule, 'id'>, perCountry: readonly (Map<string, Tally> | undefined)[], input: ReleaseQualityInput): Tally {
  const total: Tally = { checked: 0, skipped: 0 };
  for (const tallies of perCountry) {
    for (const [r, t] of tallies ?? []) {
      if (!isEnabled(input.config, rule.id, r)) continue;
      total.checked += t.checked;
      total.skipped += t.skipped;
    }
  }
  return total;
}

function flaggedSeries(f: Finding, s: Omit<FlaggedSeries, 'finding'>): FlaggedSeries {
  return { finding: f.id, ref_area: s.ref_area, table: s.table, migr_type: s.migr_type, sex: s.sex, age: s.age, partner: s.partner, points: s.points, flagged_years: s.flagged_years };
}

function countByRule(findings: readonly Finding[]): Map<RuleId, { failed: number; waived: number }> {
  const out = new Map<RuleId, { failed: number; waived: number }>();
  for (const f of findings) {
    const c = getOrCreate(out, f.rule, () => ({ failed: 0, waived: 0 }));
    c.failed++;
    if (f.waived) c.waived++;
  }
  return out;
}

function summarise(rule: Pick<Rule, 'id' | 'severity'>, tally: Tally | undefined, own: { failed: number; waived: number } | undefined, input: ReleaseQualityInput): RuleSummary {
  const configured = input.config.rules[rule.id]?.severity;
  return {
    id: rule.id,
    severity: configured ?? rule.severity,
    checked: tally?.checked ?? 0,
    failed: own?.failed ?? 0,
    skipped: tally?.skipped ?? 0,
    waived: own?.waived ?? 0,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.ref_area, b.ref_area) ||
    cmp(a.rule, b.rule) ||
    cmp(a.table, b.table) ||
    (a.time_period ?? -1) - (b.time_period ?? -1) ||
    cmp(a.migr_type, b.migr_type) ||
    cmp(a.sex, b.sex) ||
    cmp(a.age, b.age) ||
    cmp(a.partner, b.partner) ||
    cmp(a.id, b.id)
  );
}

/** Two findings of one rule on one key (rare) keep distinct ids, numbered in sorted order. */
function uniqueIds(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    if (n > 1) f.id = `${f.id}#${n}`;
  }
}
