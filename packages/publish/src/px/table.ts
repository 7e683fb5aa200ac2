import type { PxCell, PxEntry, PxItem } from './entries';
import { type PxProblem, decodePx, parsePxEntries } from './read';

export interface PxVariable {
  name: string;
  values: string[];
  codes: string[] | null;
  /** TIMEVAL: the variable is time, with this unit (A1 …) */
  time: string | null;
  domain: string | null;
  /** HIERARCHIES parent → child pairs, by value */
  hierarchy: [string, string][];
}

/** The variables of one language: STUB then HEADING, the order of DATA. */
export interface PxLanguageView {
  stub: PxVariable[];
  heading: PxVariable[];
}

export interface PxTable {
  codepage: string;
  language: string;
  languages: string[];
  entries: PxEntry[];
  /** by language code; the default language is there under its own code */
  views: Map<string, PxLanguageView>;
  data: PxCell[];
}

export type PxReadResult = { ok: true; table: PxTable } | { ok: false; problems: PxProblem[] };

/** Keywords every PX file must have (PX file format specification 2013, "mandatory"). */
const MANDATORY = ['MATRIX', 'SUBJECT-CODE', 'SUBJECT-AREA', 'CONTENTS', 'UNITS', 'DECIMALS', 'TITLE', 'DATA'];

/**
 * Strict reader: decodes by CODEPAGE, parses every statement, then checks the file as a whole —
 * mandatory keywords, one statement per keyword, language and subkey, every `[xx]` a declared
 * language, VALUES for every STUB and HEADING variable in every language with the same counts,
 * CODES, TIMEVAL and HIERARCHIES consistent with VALUES, CELLNOTE keys that exist, and as many
 * DATA cells as the VALUES multiply to. Every problem is reported; any problem refuses the file.
 */
export function readPx(bytes: Uint8Array): PxReadResult {
  const decoded = decodePx(bytes);
  if ('message' in decoded) return { ok: false, problems: [decoded] };
  const { entries, problems } = parsePxEntries(decoded.text);
  if (problems.length) return { ok: false, problems };
  const found: PxProblem[] = [];
  const problem = (line: number, message: string) => found.push({ line, message });
  const get = indexEntries(entries, problem);
  for (const k of MANDATORY) if (!get(k)) problem(0, `${k} is missing`);
  if (!get('STUB') && !get('HEADING')) problem(0, 'neither STUB nor HEADING is given');
  const decimals = get('DECIMALS');
  if (decimals && !/^\d{1,2}$/.test(wordOf(decimals) ?? '')) problem(decimals.line, 'DECIMALS is not a whole number from 0 to 15');

  const language = textsOf(get('LANGUAGE'))[0] ?? '';
  const languages = get('LANGUAGES') ? textsOf(get('LANGUAGES')) : language ? [language] : [];
  if (language && !languages.includes(language)) problem(get('LANGUAGES')?.line ?? 0, `LANGUAGES does not include LANGUAGE "${language}"`);
  for (const e of entries) {
    if (e.lang !== null && !languages.includes(e.lang)) problem(e.line, `${e.keyword}[${e.lang}]: "${e.lang}" is not in LANGUAGES`);
    if (e.lang !== null && e.lang === language) problem(e.line, `${e.keyword}[${e.lang}]: the default language takes no [ ] suffix`);
  }

  const views = new Map<string, PxLanguageView>();
  const base = languageView(entries, get, null, problem);
  views.set(language || 'default', base);
  for (const lang of languages.filter((l) => l !== language)) {
    const view = languageView(entries, get, lang, problem);
    sameShape(base, view, lang, problem);
    views.set(lang, view);
  }
  const dataEntry = get('DATA');
  const dataItem = dataEntry?.items[0];
  const data = dataItem?.kind === 'data' ? dataItem.cells : [];
  const expected = [...base.stub, ...base.heading].reduce((n, v) => n * v.values.length, 1);
  if (dataEntry && data.length !== expected) problem(dataEntry.line, `DATA has ${data.length} cells; the VALUES of STUB and HEADING make ${expected}`);
  checkCellNotes(entries, views, language, problem);
  if (found.length) return { ok: false, problems: found.sort((a, b) => a.line - b.line) };
  return { ok: true, table: { codepage: decoded.codepage, language, languages, entries, views, data } };
}

type Get = (keyword: string, lang?: string | null, subkeys?: string[]) => PxEntry | undefined;
type Problem = (line: number, message: string) => void;

function indexEntries(entries: readonly PxEntry[], problem: Problem): Get {
  const byKey = new Map<string, PxEntry>();
  // a quoted PX string cannot hold `"`, a keyword or language code neither `[` nor `]`: one string, no JSON per statement
  const key = (k: string, lang: string | null, subkeys: readonly string[]) => `${k}[${lang ?? ''}]${subkeys.length}"${subkeys.join('"')}`;
  for (const e of entries) {
    const k = key(e.keyword, e.lang, e.subkeys);
    const before = byKey.get(k);
    if (before) problem(e.line, `${e.keyword} is given twice for the same language and subkey (first on line ${before.line})`);
    else byKey.set(k, e);
  }
  return (keyword, lang = null, subkeys = []) => byKey.get(key(keyword, lang, subkeys));
}

function languageView(entries: readonly PxEntry[], get: Get, lang: string | null, problem: Problem): PxLanguageView {
  const where = lang ? `[${lang}]` : '';
  const names = (k: string) => {
    const e = get(k, lang);
    const list = textsOf(e);
    if (e && list.length !== new Set(list).size) problem(e.line, `${k}${where} names a variable twice`);
    return list;
  };
  const stub = names('STUB');
  const heading = names('HEADING');
  const declared = new Set([...stub, ...heading]);
  for (const e of entries) {
    if (e.lang !== lang || !['VALUES', 'CODES', 'TIMEVAL', 'DOMAIN', 'HIERARCHIES'].includes(e.keyword)) continue;
    if (e.subkeys.length !== 1 || !declared.has(e.subkeys[0]!)) problem(e.line, `${e.keyword}${where}("${e.subkeys.join('","')}"): not a variable of STUB or HEADING`);
  }
  const variable = (name: string): PxVariable => {
    const valuesEntry = get('VALUES', lang, [name]);
    if (!valuesEntry) problem(0, `VALUES${where}("${name}") is missing`);
    const values = textsOf(valuesEntry);
    if (valuesEntry && values.length !== new Set(values).size) problem(valuesEntry.line, `VALUES${where}("${name}") lists a value twice`);
    const codesEntry = get('CODES', lang, [name]);
    const codes = codesEntry ? textsOf(codesEntry) : null;
    if (codesEntry && codes!.length !== values.length) problem(codesEntry.line, `CODES${where}("${name}") has ${codes!.length} codes for ${values.length} values`);
    return {
      name,
      values,
      codes,
      time: timeUnit(get('TIMEVAL', lang, [name]), values, problem),
      domain: textsOf(get('DOMAIN', lang, [name]))[0] ?? null,
      hierarchy: hierarchyOf(get('HIERARCHIES', lang, [name]), values, problem),
    };
  };
  return { stub: stub.map(variable), heading: heading.map(variable) };
}

/** TIMEVAL: `TLIST(A1),"2000","2001"…` lists the periods, `TLIST(A1,"1964"-"2016")` gives a range; either must match VALUES. */
function timeUnit(e: PxEntry | undefined, values: readonly string[], problem: Problem): string | null {
  if (!e) return null;
  const [tlist, ...rest] = e.items;
  if (tlist?.kind !== 'tlist') {
    problem(e.line, 'TIMEVAL does not start with TLIST(…)');
    return null;
  }
  const periods = tlist.range ? annualRange(tlist.range, tlist.unit) : rest.map((i) => (i.kind === 'text' ? i.text : ''));
  if (periods === null) problem(e.line, `TIMEVAL: the range ${tlist.range?.join('-')} is not a range of years`);
  else if (periods.length !== values.length) problem(e.line, `TIMEVAL lists ${periods.length} periods for ${values.length} values`);
  return tlist.unit;
}

function annualRange([from, to]: [string, string], unit: string): string[] | null {
  if (unit !== 'A1' || !/^\d{4}$/.test(from) || !/^\d{4}$/.test(to) || Number(to) < Number(from)) return null;
  return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => String(Number(from) + i));
}

function hierarchyOf(e: PxEntry | undefined, values: readonly string[], problem: Problem): [string, string][] {
  if (!e) return [];
  const known = new Set(values);
  const pairs: [string, string][] = [];
  for (const item of e.items) {
    const pair: [string, string] | null = item.kind === 'pair' ? [item.parent, item.child] : item.kind === 'text' ? ['', item.text] : null;
    if (!pair) problem(e.line, 'HIERARCHIES holds something that is neither a root value nor "parent":"child"');
    else {
      const unknown = pair.filter((v) => v && !known.has(v));
      if (unknown.length) problem(e.line, `HIERARCHIES names "${unknown.join('", "')}", which is not among the VALUES`);
      else pairs.push(pair);
    }
  }
  return pairs;
}

function sameShape(base: PxLanguageView, view: PxLanguageView, lang: string, problem: Problem): void {
  const shape = (v: PxLanguageView) => [...v.stub, ...v.heading].map((x) => x.values.length).join('×');
  if (view.stub.length !== base.stub.length || view.heading.length !== base.heading.length || shape(view) !== shape(base)) {
    problem(0, `[${lang}]: STUB, HEADING and VALUES (${shape(view)}) do not match the default language (${shape(base)})`);
  }
}

/** CELLNOTE("v1",…,"vn"): one key per variable, each a value of it or "*". */
function checkCellNotes(entries: readonly PxEntry[], views: Map<string, PxLanguageView>, language: string, problem: Problem): void {
  for (const e of entries.filter((x) => x.keyword === 'CELLNOTE' || x.keyword === 'CELLNOTEX')) {
    const view = views.get(e.lang ?? (language || 'default'));
    if (!view) continue;
    const variables = [...view.stub, ...view.heading];
    if (e.subkeys.length !== variables.length) {
      problem(e.line, `${e.keyword} has ${e.subkeys.length} keys for ${variables.length} variables`);
      continue;
    }
    e.subkeys.forEach((k, i) => {
      if (k !== '*' && !variables[i]!.values.includes(k)) problem(e.line, `${e.keyword}: "${k}" is not a value of ${variables[i]!.name}`);
    });
  }
}

export function textsOf(e: PxEntry | undefined): string[] {
  return (e?.items ?? []).filter((i): i is Extract<PxItem, { kind: 'text' }> => i.kind === 'text').map((i) => i.text);
}

function wordOf(e: PxEntry): string | null {
  const first = e.items[0];
  return first?.kind === 'word' ? first.text : null;
}

/** The text of a keyword in a language (the default when `lang` is the file's LANGUAGE or omitted). */
export function pxKeywordText(table: PxTable, keyword: string, lang?: string): string | null {
  const l = lang === undefined || lang === table.language ? null : lang;
  const e = table.entries.find((x) => x.keyword === keyword && x.lang === l && x.subkeys.length === 0);
  return e ? textsOf(e).join(', ') : null;
}

/** Every DATA cell with the index of its value along each variable (STUB then HEADING order). */
export function* pxCells(table: PxTable): Generator<{ at: number[]; cell: PxCell }> {
  const view = table.views.get(table.language || 'default')!;
  const sizes = [...view.stub, ...view.heading].map((v) => v.values.length);
  const at = sizes.map(() => 0);
  for (const cell of table.data) {
    yield { at: [...at], cell };
    for (let d = sizes.length - 1; d >= 0; d--) {
      at[d]!++;
      if (at[d]! < sizes[d]!) break;
      at[d] = 0;
    }
  }
}
