import type { Finding, QualityReport, RuleId, RuleSummary } from '@mch/core';
import { runQuality } from '../run';
import { type FixtureOptions, input } from './fixtures';
import type { Observation } from '@mch/core';

/** Runs the whole catalogue on a fixture and returns one rule's findings and counts. */
export function runRule(rule: RuleId, observations: Observation[], options: FixtureOptions = {}): { findings: Finding[]; summary: RuleSummary; report: QualityReport } {
  const report = runQuality(input(observations, options));
  return {
    findings: report.findings.filter((f) => f.rule === rule),
    summary: report.rules.find((r) => r.id === rule)!,
    report,
  };
}
