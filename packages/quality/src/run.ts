import type { FlaggedSeries, Finding, QualityReport, RuleId, RuleSummary } from '@mch/core';
import { cmp } from '@mch/core';
import { compareWithPrevious, submissionsOf } from './changes';
import { buildCompleteness } from './completeness';
import { fingerprint } from './fingerprint';
import { holeIndex, holesOf } from './holes';
import { indexData } from './index-data';
import { buildEmigrationEstimates, buildMirror, mirrorBand } from './mirror';
import type { Draft, QualityInput, Rule, RuleContext } from './model';
import { RULES, W01 } from './rules';
import { runWarningList, runWarnings } from './run-warnings';
import { isEnabled, severityOf, thresholdOf } from './settings';
import { getOrCreate } from './values';

interface Tally {
  checked: number;
  skipped: number;
}

/** Runs every rule of the catalogue, applies the waivers and decides the gate. Pure and deterministic. */
export function runQuality(input: QualityInput): QualityReport {
  const { config } = input;
  const index = indexData(input.data.observations, input.tableSet, input.codelists, Object.keys(config.countries));
  const mirror = buildMirror(input, index);
  const holes = holeIndex(holesOf(input.data.rejections, input.data.observations), index, input.codelists.age_partitions);
  const findings: Finding[] = [];
  const series: { draft: Draft; finding: Finding }[] = [];
  const tallies = new Map<RuleId, Tally>();

  for (const rule of RULES) {
    const perCountry = new Map<string, Tally>();
    const tallyOf = (r: string): Tally => getOrCreate(perCountry, r, () => ({ checked: 0, skipped: 0 }));
    const ctx: RuleContext = {
      input,
      index,
      mirror,
      holes,
      setting: (r, name) => thresholdOf(config, rule, r, name),
      checked: (r, n = 1) => {
        tallyOf(r).checked += n;
      },
      skipped: (r, n = 1) => {
        tallyOf(r).skipped += n;
      },
    };
    const drafts = rule.check(ctx).filter((d) => isEnabled(config, rule.id, d.ref_area));
    const total: Tally = { checked: 0, skipped: 0 };
    for (const [r, t] of perCountry) {
      if (!isEnabled(config, rule.id, r)) continue;
      total.checked += t.checked;
      total.skipped += t.skipped;
    }
    tallies.set(rule.id, total);
    for (const d of drafts) {
      const f = toFinding(rule, d, input);
      findings.push(f);
      if (d.series) series.push({ draft: d, finding: f });
    }
  }

  // warnings about the run itself, not about the data (applying the waivers on the way)
  const run = runWarnings(findings, input);
  const warned = new Map<Draft, Finding>();
  for (const { draft } of run.notes) {
    const f = toFinding(W01, draft, input);
    warned.set(draft, f);
    findings.push(f);
  }
  tallies.set(W01.id, { checked: run.judged, skipped: 0 });

  findings.sort(compareFindings);
  uniqueIds(findings);
  const rules = [...RULES, W01].map((r) => summarise(r, tallies.get(r.id), findings, input));
  const blocking = findings.filter((f) => f.severity === 'error' && !f.waived).length;
  return {
    version: config.version,
    release_date: config.release_date,
    rules,
    findings,
    mirror,
    emigration_estimates: buildEmigrationEstimates(mirror, index, input.tableSet.mirror?.emigration),
    completeness: buildCompleteness(input, index),
    gate: { passed: blocking === 0, blocking },
    series: series.map(({ draft, finding }) => flaggedSeries(draft, finding)).sort((a, b) => cmp(a.finding, b.finding)),
    submissions: submissionsOf(input),
    run_warnings: runWarningList(run.notes, warned),
    changes: compareWithPrevious(findings, input.previousReport, config) ?? null,
    mirror_band: mirrorBand(config),
  };
}

function flaggedSeries(d: Draft, f: Finding): FlaggedSeries {
  const s = d.series!;
  return { finding: f.id, ref_area: d.ref_area, table: d.table, migr_type: d.migr_type, sex: d.sex, age: d.age, partner: d.partner, points: s.points, flagged_years: s.flagged_years };
}

function toFinding(rule: Pick<Rule, 'id' | 'severity'>, d: Draft, input: QualityInput): Finding {
  return {
    id: `${rule.id}:${d.key}`,
    rule: rule.id,
    severity: severityOf(input.config, rule, d.ref_area, d.severity),
    ref_area: d.ref_area,
    table: d.table,
    time_period: d.time_period,
    migr_type: d.migr_type,
    sex: d.sex,
    age: d.age,
    partner: d.partner,
    values: d.values,
    sources: d.sources,
    message: d.message,
    message_ru: d.message_ru,
    fingerprint: fingerprint(d.values, d.seen),
    waived: false,
    waiver: null,
  };
}

function summarise(rule: Pick<Rule, 'id' | 'severity'>, tally: Tally | undefined, findings: Finding[], input: QualityInput): RuleSummary {
  const own = findings.filter((f) => f.rule === rule.id);
  const configured = input.config.rules[rule.id]?.severity;
  return {
    id: rule.id,
    severity: configured ?? rule.severity,
    checked: tally?.checked ?? 0,
    failed: own.length,
    skipped: tally?.skipped ?? 0,
    waived: own.filter((f) => f.waived).length,
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
