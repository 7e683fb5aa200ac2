import type { RejectionReason } from '@mch/core';
import { type Legend, type Status, lookupSymbol } from './legend';
import { collapseSpaces } from './text';

/** What a value cell holds: its display text, and the number when the spreadsheet stored one. */
export interface ValueInput {
  text: string;
  number?: number;
}

export type ValueReason = Extract<RejectionReason, 'unparseable-value' | 'negative-value' | 'fraction-in-persons' | 'ambiguous-number'>;

export type ParsedValue =
  | { ok: true; value: number | null; status: Status; note_refs: string[] }
  | { ok: false; reason: ValueReason; en: string; ru: string };

const A: Status = { obs_status: 'A', conf_status: 'F' };
/** The note references of a value without markers: one frozen list for all of them. */
const NONE: string[] = Object.freeze([]) as unknown as string[];
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * Reads one value cell: a number (spreadsheet number or text with thousands separators), a symbol
 * of the legend, or a number followed by flags and footnote markers. `thousands` allows one or
 * two decimals (the unit line says thousands); otherwise persons must be whole.
 */
export function parseValue(input: ValueInput, thousands: boolean, legend: Legend, allowNegative = false): ParsedValue {
  if (input.number !== undefined) return checkNumber(input.number, thousands, A, NONE, allowNegative);
  // most cells of a long CSV are bare digits: no spaces, tail or separators to look for
  if (isDigits(input.text)) {
    const symbol = legend.symbols.get(input.text);
    return symbol ? { ok: true, value: symbol.value, status: symbol, note_refs: NONE } : checkNumber(Number(input.text), thousands, A, NONE, allowNegative);
  }
  const text = collapseSpaces(input.text);
  const symbol = lookupSymbol(legend, text);
  if (symbol) return { ok: true, value: symbol.value, status: symbol, note_refs: [] };
  const tail = stripTail(text, legend);
  // a symbol with its footnote (".. ¹", "x 2)"): the symbol, and the note it points to
  const marked = tail.notes.length ? lookupSymbol(legend, tail.rest) : undefined;
  if (marked) return { ok: true, value: marked.value, status: marked, note_refs: tail.notes };
  const read = readNumber(tail.rest, thousands);
  if (!read.ok) return read;
  return checkNumber(read.value, thousands, tail.status, tail.notes, allowNegative);
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function checkNumber(value: number, thousands: boolean, status: Status, notes: string[], allowNegative: boolean): ParsedValue {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return fail('unparseable-value', 'the number is too large', 'число слишком велико');
  }
  if (value < 0 && !allowNegative) return fail('negative-value', 'a negative number of persons', 'отрицательное число лиц');
  const scale = thousands ? 1000 : 1;
  const persons = value * scale;
  if (Math.abs(persons - Math.round(persons)) > 1e-6) {
    return thousands
      ? fail('fraction-in-persons', 'more decimals than thousands of persons allow', 'больше знаков после запятой, чем допускают тысячи человек')
      : fail('fraction-in-persons', 'a fraction of a person (the unit is persons)', 'дробное число лиц (единица — человек)');
  }
  // floating noise such as 12.299999 from a spreadsheet is rounded to the unit's precision
  const clean = thousands ? Math.round(value * 1000) / 1000 : Math.round(value);
  return { ok: true, value: clean === 0 ? 0 : clean, status, note_refs: notes };
}

/** Strips trailing footnote markers (`¹`, ` 1)`, `[2]`) and flags (`*`, `p`, `(e)` …) in any order. */
function stripTail(text: string, legend: Legend): { rest: string; status: Status; notes: string[] } {
  let rest = text;
  let status = A;
  const notes: string[] = [];
  for (let guard = 0; guard < 8; guard++) {
    const foot = /(?:\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\s+(\d{1,2})\)|\s*\((\d{1,2})\)|\s*\[(\d{1,2})\])$/u.exec(rest);
    if (foot && foot.index > 0) {
      const marker = foot[1] ? [...foot[1]].map((c) => SUPERSCRIPTS.indexOf(c)).join('') : (foot[2] ?? foot[3] ?? foot[4] ?? '');
      notes.unshift(marker);
      rest = rest.slice(0, foot.index).trimEnd();
      continue;
    }
    const flag = legend.flags.find((f) => rest.length > f.suffix.length && rest.endsWith(f.suffix) && /[\d\s)\]⁰-⁹¹²³]/u.test(rest.charAt(rest.length - f.suffix.length - 1)));
    if (flag) {
      status = status === A ? flag.status : status;
      rest = rest.slice(0, rest.length - flag.suffix.length).trimEnd();
      continue;
    }
    break;
  }
  return { rest, status, notes };
}

type NumberRead = { ok: true; value: number } | { ok: false; reason: ValueReason; en: string; ru: string };

/** Digits with optional group separators (space, NBSP, apostrophe, comma, point) and decimal part. */
function readNumber(text: string, thousands: boolean): NumberRead {
  const negative = /^[-−–]\s*\d/u.test(text);
  const body = negative ? text.replace(/^[-−–]\s*/u, '') : text;
  if (!/^\d[\d ',.’]*$/u.test(body) || /[ ',.’]$/u.test(body)) {
    return fail('unparseable-value', 'neither a number nor a known symbol', 'не число и не известный условный знак');
  }
  const seps = [...body.matchAll(/[ ',.’]/gu)].map((m) => ({ ch: m[0], at: m.index }));
  let intText = body;
  let fracText = '';
  const last = seps[seps.length - 1];
  if (last && (last.ch === ',' || last.ch === '.')) {
    const sameKind = seps.filter((s) => s.ch === last.ch).length;
    const after = body.length - last.at - 1;
    const others = seps.some((s) => s.ch !== last.ch);
    if (sameKind === 1 && (others || after !== 3)) {
      intText = body.slice(0, last.at);
      fracText = body.slice(last.at + 1);
    } else if (sameKind === 1 && after === 3 && thousands) {
      return fail(
        'ambiguous-number',
        'a separator followed by three digits in a table in thousands: a decimal or a thousands separator?',
        'разделитель и три цифры в таблице в тысячах: десятичная дробь или разделитель разрядов?',
      );
    }
  }
  if (!/^\d{1,3}(?:[ ',.’]\d{3})*$|^\d+$/u.test(intText) || new Set(intText.match(/[ ',.’]/gu) ?? []).size > 1) {
    return fail('unparseable-value', 'digit groups do not follow a thousands separator pattern', 'группы цифр не соответствуют разделителю разрядов');
  }
  const digits = intText.replace(/[ ',.’]/gu, '');
  const value = Number(fracText ? `${digits}.${fracText}` : digits);
  return { ok: true, value: negative ? -value : value };
}

function fail(reason: ValueReason, en: string, ru: string): { ok: false; reason: ValueReason; en: string; ru: string } {
  return { ok: false, reason, en, ru };
}
