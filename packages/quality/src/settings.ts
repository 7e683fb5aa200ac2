import type { CountrySettings, ReleaseConfig, RuleId, RuleSettings, Severity } from '@mch/core';
import type { Rule, Threshold } from './model';

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
export function thresholdOf(config: ReleaseConfig, rule: Rule, refArea: string, name: Threshold): number {
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
