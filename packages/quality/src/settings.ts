import type { CountrySettings, ReleaseConfig, RuleId, RuleSettings, Severity } from '@mch/core';
import type { Rule, Tally, Threshold } from './model';
import { getOrCreate } from './values';

/** A country's settings; the configuration's keys are ISO3 codes, the data's ref_area plain strings. */
export function countryOf(config: Pick<ReleaseConfig, 'countries'>, refArea: string): CountrySettings | undefined {
  return (config.countries as Record<string, CountrySettings | undefined>)[refArea];
}

function layers(config: ReleaseConfig, id: RuleId, refArea: string): (RuleSettings | undefined)[] {
  const country = countryOf(config, refArea);
  return [country?.rules[id], config.rules[id]];
}

export function isEnabled(config: ReleaseConfig, id: RuleId, refArea: string): boolean {
  for (const l of layers(config, id, refArea)) if (l?.enabled !== undefined) return l.enabled;
  return true;
}

/** Country setting, else release setting, else the rule's documented default. */
export function thresholdOf(config: ReleaseConfig, rule: Pick<Rule, 'id' | 'defaults'>, refArea: string, name: Threshold): number {
  for (const l of layers(config, rule.id, refArea)) {
    const v = l?.[name];
    if (v !== undefined) return v;
  }
  return rule.defaults[name] ?? 0;
}

/** Configured severity wins over the rule's own per-finding choice, which wins over its default. */
export function severityOf(config: ReleaseConfig, rule: Pick<Rule, 'id' | 'severity'>, refArea: string, own?: Severity): Severity {
  for (const l of layers(config, rule.id, refArea)) if (l?.severity) return l.severity;
  return own ?? rule.severity;
}

/** thresholdOf for one rule, remembered per country and name: rules ask it for every cell. */
export function settingFor(config: ReleaseConfig, rule: Pick<Rule, 'id' | 'defaults'>): (refArea: string, name: Threshold) => number {
  const known = new Map<string, Map<Threshold, number>>();
  return (refArea, name) => {
    const byName = getOrCreate(known, refArea, () => new Map<Threshold, number>());
    return getOrCreate(byName, name, () => thresholdOf(config, rule, refArea, name));
  };
}

/** isEnabled for one rule, remembered per country. */
export function enabledFor(config: ReleaseConfig, id: RuleId): (refArea: string) => boolean {
  const known = new Map<string, boolean>();
  return (refArea) => getOrCreate(known, refArea, () => isEnabled(config, id, refArea));
}

/** The counters a rule's context offers, per country; the country asked last is kept at hand. */
export function countingFor(): { checked(refArea: string, n?: number): void; skipped(refArea: string, n?: number): void; tallies: Map<string, Tally> } {
  const tallies = new Map<string, Tally>();
  let last: { refArea: string; tally: Tally } | undefined;
  const tallyOf = (refArea: string): Tally => {
    if (last?.refArea !== refArea) last = { refArea, tally: getOrCreate(tallies, refArea, () => ({ checked: 0, skipped: 0 })) };
    return last.tally;
  };
  return {
    checked: (r, n = 1) => {
      tallyOf(r).checked += n;
    },
    skipped: (r, n = 1) => {
      tallyOf(r).skipped += n;
    },
    tallies,
  };
}
