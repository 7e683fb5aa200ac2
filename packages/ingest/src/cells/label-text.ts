import type { TableDef } from '@mch/core';
import { type CategoryContext, type CategoryResult, resolveCategory } from './category';
import { quote } from './text';

// a spreadsheet formula or a CSV-injection payload ("=HYPERLINK(…)", "+cmd|…", "@SUM(…)"); "-" starts "of which" bullets
const FORMULA = /^\s*[=@]|^\s*\+(?!\s*\d)/u;
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|javascript:/iu;
// C0 controls but tab and line breaks, DEL, and the bidi overrides and isolates that reorder text
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

/** What, beyond a name, a label or code holds: formula text, markup or control characters. */
export function labelProblem(text: string): { en: string; ru: string } | undefined {
  if (FORMULA.test(text)) return { en: 'formula text', ru: 'текст формулы' };
  if (MARKUP.test(text)) return { en: 'HTML or script markup', ru: 'разметку HTML или скрипт' };
  if (CONTROL.test(text)) return { en: 'control or text-direction characters', ru: 'управляющие символы или символы направления текста' };
  return undefined;
}

/**
 * resolveCategory for untrusted text: a label or code holding anything beyond a name is refused
 * (`unmapped-label`), never read as the name inside it; the suggestion is what the name alone
 * would be, so a corrected file is one edit away.
 */
export function checkedCategory(table: TableDef, code: string, label: string, cx: CategoryContext): CategoryResult {
  for (const text of [code, label]) {
    const problem = labelProblem(text);
    if (!problem) continue;
    const bare = resolveCategory(table, '', nameInside(text), cx);
    return {
      ok: false,
      reason: 'unmapped-label',
      en: `the label ${quote(text)} holds ${problem.en}, not only a name; write the name alone`,
      ru: `название ${quote(text)} содержит ${problem.ru}, а не только название; оставьте одно название`,
      suggestions: bare.ok ? [bare.partner || bare.age] : [],
    };
  }
  return resolveCategory(table, code, label, cx);
}

/** The name a hostile label wraps: the last quoted argument of a formula, else the text without its markup. */
function nameInside(text: string): string {
  const args = [...text.matchAll(/"([^"]*)"/gu)].map((m) => m[1]!);
  const bare = FORMULA.test(text) && args.length ? args[args.length - 1]! : text;
  return bare
    .replace(/<(script|style)\b[^>]*>.*?<\/\1\s*>/giu, ' ')
    .replace(/<[^>]*>/gu, ' ').replace(new RegExp(CONTROL.source, 'gu'), '').trim().slice(0, 200);
}
