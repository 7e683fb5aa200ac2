import type { CodeLists, PartnerMatch, PartnerResolver, TableDef } from '@mch/core';
import type { CodeMatch, CodeResolver } from './codes';
import { MAX_LABEL, bilingualParts, quote } from './text';

export type CategoryReason = 'unmapped-label' | 'ambiguous-label' | 'code-label-mismatch' | 'code-not-allowed';
export type CategoryResult =
  | { ok: true; age: string; partner: string }
  | { ok: false; reason: CategoryReason; en: string; ru: string; suggestions: string[] };

export interface CategoryContext {
  ref_area: string;
  codelists: CodeLists;
  partner: PartnerResolver;
  age: CodeResolver;
}

// "of which" rows are parts of the row above: the prefix is structure, the rest is the category
const OF_WHICH = /^(?:[-–—•·]\s*)*(?:of which|including|incl\.|из них|в том числе|в т\.\s?ч\.)?\s*[:\-–—]?\s*/iu;

export function stripOfWhich(text: string): string {
  return text.replace(OF_WHICH, '').trim();
}

const OF_WHICH_PREFIX = /^(?:[-–—•·]\s*)*(?:of which|including|incl\.|из них|в том числе|в т\.\s?ч\.)/iu;

/** A label that is nothing but the "of which" marker («из них:», "of which:"): it heads a group of rows. */
export function isOfWhichHeading(text: string): boolean {
  return hasOfWhich(text) && stripOfWhich(text) === '';
}

/** Whether a label says the row is a part of the row above («из них Россия», "of which: Germany"). */
export function hasOfWhich(text: string): boolean {
  return OF_WHICH_PREFIX.test(text.trim());
}

/**
 * The partner or age group of a row from its code and/or label cell: both must agree where both
 * are given. Whether the table allows the code is judged by the quality rules, not here.
 */
export function resolveCategory(table: TableDef, code: string, label: string, cx: CategoryContext): CategoryResult {
  const one = (t: string): CodeMatch | PartnerMatch => (table.breakdown === 'AGE' ? cx.age.resolve(t) : cx.partner.resolve(t));
  const resolve = (t: string): CodeMatch | PartnerMatch => {
    if (t.length > MAX_LABEL) return { kind: 'unmapped', suggestions: [] };
    const whole = one(t);
    const parts = whole.kind === 'code' ? undefined : bilingualParts(t);
    if (!parts) return whole;
    // "Germany / Германия": both languages must name the same code
    const codes = parts.map(one);
    return codes.every((m) => m.kind === 'code' && m.code === (codes[0] as { code: string }).code) ? codes[0]! : whole;
  };
  const c = code.trim() ? resolve(stripOfWhich(code)) : undefined;
  const l = label.trim() ? resolve(stripOfWhich(label)) : undefined;
  let chosen: string;
  if (c?.kind === 'code' && l?.kind === 'code' && c.code !== l.code) {
    return {
      ok: false,
      reason: 'code-label-mismatch',
      en: `the code ${quote(code)} (${c.code}) and the label ${quote(label)} (${l.code}) disagree`,
      ru: `код ${quote(code)} (${c.code}) и название ${quote(label)} (${l.code}) не совпадают`,
      suggestions: [c.code, l.code],
    };
  }
  if (c?.kind === 'code') chosen = c.code;
  else if (l?.kind === 'code') chosen = l.code;
  else return failed(c ?? l, c ? code : label);
  return allowed(table, chosen);
}

function failed(m: CodeMatch | PartnerMatch | undefined, text: string): CategoryResult {
  if (m?.kind === 'ambiguous') {
    return {
      ok: false,
      reason: 'ambiguous-label',
      en: `the label ${quote(text)} is ambiguous (${m.candidates.join(', ')}); add an alias to the country's configuration`,
      ru: `название ${quote(text)} неоднозначно (${m.candidates.join(', ')}); добавьте соответствие в настройки страны`,
      suggestions: m.candidates,
    };
  }
  if (!text.trim()) return { ok: false, reason: 'unmapped-label', en: 'the row holds values but no label or code', ru: 'в строке есть значения, но нет названия или кода', suggestions: [] };
  // the closest codes cost an edit distance to every known label: worked out when a rejection reads them
  const suggestions = (): string[] => (m?.kind === 'unmapped' ? m.suggestions : []);
  const hint = (closest: string): string => (suggestions().length ? ` (${closest}: ${suggestions().join(', ')})` : '');
  return {
    ok: false,
    reason: 'unmapped-label',
    get en() {
      return `the label ${quote(text)} maps to no code${hint('closest')}; add an alias to the country's configuration`;
    },
    get ru() {
      return `название ${quote(text)} не соответствует ни одному коду${hint('ближайшие')}; добавьте соответствие в настройки страны`;
    },
    get suggestions() {
      return suggestions();
    },
  };
}

/**
 * A readable code is an observation even where its table cannot hold it (`SUN` as previous
 * residence, the reporting country as its own partner): MCH-S01 and MCH-A05 report it under their
 * own ids (submissions.md). Ingest refuses only what it cannot read.
 */
function allowed(table: TableDef, code: string): CategoryResult {
  if (table.breakdown === 'AGE') return { ok: true, age: code, partner: '' };
  return { ok: true, age: '', partner: code };
}
