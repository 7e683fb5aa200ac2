import type { Finding, ReleaseConfig, RunWarning, Waiver } from '@mch/core';
import type { Draft } from './model';

/** A warning about the run before it becomes an MCH-W01 finding: its draft and what kind of warning it is. */
export interface RunNote {
  kind: RunWarning['kind'];
  draft: Draft;
}

const VERSION = /^(\d{4})\.(\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Compares release versions numerically: 2013.10 comes after 2013.9. */
export function compareVersions(a: string, b: string): number {
  const ma = VERSION.exec(a);
  const mb = VERSION.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  return Number(ma[1]) - Number(mb[1]) || Number(ma[2]) - Number(mb[2]);
}

/**
 * Expiry is judged against the release, never the clock: a version expires when this release
 * reaches it, a date when the release date passes it. An expiry of neither form counts as expired,
 * so a typo cannot keep a waiver alive.
 */
export function isExpired(expires: string, config: Pick<ReleaseConfig, 'version' | 'release_date'>): boolean {
  if (VERSION.test(expires)) return compareVersions(config.version, expires) >= 0;
  if (DATE.test(expires)) return config.release_date > expires;
  return true;
}

/** The observation key a finding is about (core's observationKey layout), for waivers that name one. */
export function findingKey(f: Pick<Finding, 'ref_area' | 'table' | 'time_period' | 'migr_type' | 'sex' | 'age' | 'partner'>): string {
  return [f.ref_area, f.table, f.time_period ?? '', f.migr_type, f.sex, f.age, f.partner].join('|');
}

function inScope(w: Waiver, f: Finding): boolean {
  if (w.rule !== f.rule || w.ref_area !== f.ref_area) return false;
  if (w.table !== undefined && w.table !== f.table) return false;
  if (w.time_period !== undefined && w.time_period !== f.time_period) return false;
  if (w.key !== undefined && w.key !== findingKey(f) && w.key !== f.id.slice(f.rule.length + 1)) return false;
  return true;
}

/** Marks the findings each waiver covers; returns the warnings (MCH-W01) for waivers that cover nothing. */
export function applyWaivers(findings: Finding[], config: ReleaseConfig): RunNote[] {
  const unmatched: RunNote[] = [];
  for (const w of config.waivers) {
    if (w.rule === 'MCH-W01') continue;
    const scoped = findings.filter((f) => inScope(w, f));
    const bound = scoped.filter((f) => w.fingerprint === undefined || w.fingerprint === f.fingerprint);
    const expired = isExpired(w.expires, config);
    if (bound.length && !expired) {
      for (const f of bound) {
        if (f.waived) continue;
        f.waived = true;
        f.waiver = { justification: w.justification, approved_by: w.approved_by, date: w.date, expires: w.expires };
      }
      continue;
    }
    unmatched.push(unmatchedDraft(w, scoped.length, bound.length, expired));
  }
  return unmatched;
}

function unmatchedDraft(w: Waiver, scoped: number, bound: number, expired: boolean): RunNote {
  const scope = [w.rule, w.ref_area, w.table, w.time_period, w.key].filter((x) => x !== undefined).join(' ');
  let en: string;
  let ru: string;
  let kind: RunNote['kind'];
  if (bound && expired) {
    kind = 'waiver-expired';
    en = `Waiver ${scope} expired (${w.expires}); the finding it covered is back`;
    ru = `Срок исключения ${scope} истёк (${w.expires}); замечание снова действует`;
  } else if (scoped) {
    kind = 'waiver-values-changed';
    en = `Waiver ${scope} matches nothing: the values changed since it was approved (fingerprint differs), so the finding is back`;
    ru = `Исключение ${scope} ни к чему не относится: значения изменились после его утверждения (отпечаток не совпадает), замечание снова действует`;
  } else {
    kind = 'waiver-unmatched';
    en = `Waiver ${scope} matches no finding of this release; remove it from the configuration`;
    ru = `Исключение ${scope} не относится ни к одному замечанию этого выпуска; удалите его из конфигурации`;
  }
  return {
    kind,
    draft: {
      key: [w.rule, w.ref_area, w.table ?? '', w.time_period ?? '', w.key ?? '', (w.fingerprint ?? '').slice(0, 12)].join('|'),
      ref_area: w.ref_area,
      table: w.table ?? '',
      time_period: w.time_period ?? null,
      migr_type: '',
      sex: '',
      age: '',
      partner: '',
      values: { findings_in_scope: scoped, findings_with_same_values: bound },
      sources: [],
      message: `${en}.`,
      message_ru: `${ru}.`,
    },
  };
}
