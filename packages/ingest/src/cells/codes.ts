import { type CodeLists, type MigrType, type PartnerMatch, type TableSet, editDistance, normaliseLabel, stripFootnoteMarkers } from '@mch/core';
import { MAX_LABEL, bilingualParts, collapseSpaces } from './text';

/** How a label or code was understood: one code, several candidates, or nothing (with suggestions). */
export type CodeMatch = PartnerMatch;

/** A code list that resolves codes and labels in either language, and suggests the closest codes. */
export interface CodeResolver {
  resolve(text: string): CodeMatch;
}

/**
 * Resolver over code → labels, matching normalised labels exactly. Each text is resolved once; the
 * closest codes of one that maps to none are worked out when first read, which only a rejection
 * does (a header is classified by asking every cell whether it names a sex or a type).
 */
export function labelResolver(entries: readonly { code: string; labels: readonly string[] }[]): CodeResolver {
  const index = new Map<string, string>();
  for (const e of entries) for (const l of [e.code, ...e.labels]) index.set(normaliseLabel(l), e.code);
  const seen = new Map<string, CodeMatch>();
  return {
    resolve(text) {
      if (text.length > MAX_LABEL) return { kind: 'unmapped', suggestions: [] };
      let m = seen.get(text);
      if (m) return m;
      const key = normaliseLabel(text);
      const code = index.get(key);
      m = code ? { kind: 'code', code } : lazilySuggested(() => suggest(key, index));
      if (seen.size < MAX_REMEMBERED) seen.set(text, m);
      return m;
    },
  };
}

/** Texts one resolver remembers the match of; beyond, a hostile file's labels are matched again each time. */
const MAX_REMEMBERED = 20_000;

function lazilySuggested(suggest: () => string[]): CodeMatch {
  let closest: string[] | undefined;
  return {
    kind: 'unmapped',
    get suggestions() {
      closest ??= suggest();
      return closest;
    },
  };
}

export function suggest(key: string, index: ReadonlyMap<string, string>): string[] {
  if (!key) return [];
  const scored = [...index].map(([k, code]) => ({ code, d: editDistance(key, k) / Math.max(key.length, k.length) }));
  scored.sort((a, b) => a.d - b.d || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [...new Set(scored.map((s) => s.code))].slice(0, 3);
}

export function sexResolver(codelists: CodeLists): CodeResolver {
  return labelResolver(codelists.sex.map((s) => ({ code: s.code, labels: [s.label_en, s.label_ru, ...s.aliases] })));
}

export function migrTypeResolver(codelists: CodeLists): CodeResolver {
  return labelResolver(codelists.migr_type.map((s) => ({ code: s.code, labels: [s.label_en, s.label_ru, ...s.aliases] })));
}

/**
 * Age groups as codes (`Y15-19`), ranges (`15-19`, `15–19 лет`), open groups (`85+`, «85 и старше»,
 * "85 and over"), lower groups («до 5 лет», "under 5"), single years, Total and Unknown, matched
 * through the bounds of the code list so any list of groups works.
 */
export function ageResolver(codelists: CodeLists): CodeResolver {
  const byLabel = labelResolver(
    codelists.age.map((a) => ({
      code: a.code,
      labels: [a.label_en, a.label_ru, ...(a.code === '_T' ? ['Всего', 'Итого', 'Total', 'All ages', 'Все возрасты'] : []), ...(a.code === '_U' ? ['Unknown', 'Not stated', 'Не указан', 'Неизвестно'] : [])],
    })),
  );
  const byBounds = new Map<string, string>();
  for (const a of codelists.age) if (a.from !== undefined) byBounds.set(`${a.from}|${a.to ?? ''}`, a.code);
  const seen = new Map<string, CodeMatch>();
  return {
    resolve(text) {
      let m = seen.get(text);
      if (m) return m;
      const bounds = ageBounds(text);
      const code = bounds && byBounds.get(`${bounds.from}|${bounds.to ?? ''}`);
      m = code ? { kind: 'code', code } : byLabel.resolve(text);
      if (seen.size < MAX_REMEMBERED) seen.set(text, m);
      return m;
    },
  };
}

function ageBounds(text: string): { from: number; to?: number } | undefined {
  const t = collapseSpaces(stripFootnoteMarkers(collapseSpaces(text)).text)
    .toLowerCase()
    .replace(/^y/u, '')
    .replace(/\s*(?:лет|года|год|years?|yrs?\.?)\s*/gu, ' ')
    .trim();
  let m = /^(\d{1,3})\s*[-–—]\s*(\d{1,3})$/u.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  m = /^(?:_?ge|)(\d{1,3})\s*(?:\+|и старше|и более|and over|and older|or over|or more)$/u.exec(t) ?? /^_ge(\d{1,3})$/u.exec(t);
  if (m) return { from: Number(m[1]) };
  m = /^(?:до|младше|моложе|under|less than|below|_lt)\s*(\d{1,3})$/u.exec(t);
  if (m) return Number(m[1]) > 0 ? { from: 0, to: Number(m[1]) - 1 } : undefined;
  m = /^(\d{1,3})$/u.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  return undefined;
}

/** A table number in a sheet name or TABLE field: T04, T4, "t04 immigrants", "Table 4", «Таблица 4», «Табл.4», Cyrillic Т04, 4. */
export function tableIdOf(text: string, tableSet: TableSet): string | undefined {
  const m = /^(?:table|tab\.?|таблица|табл\.?|t)?\s*[-_.№#]?\s*0*(\d{1,3})(?!\d)/u.exec(tableText(text));
  return m ? knownTable(tableOfNumber(Number(m[1])), tableSet) : undefined;
}

/** The id of table number `n`: 4 → "T04". */
const tableOfNumber = (n: number) => `T${String(n).padStart(2, '0')}`;

/** `id` where the table set has that table. */
const knownTable = (id: string, tableSet: TableSet) => (tableSet.tables.some((t) => t.id === id) ? id : undefined);

// "Cyrillic Т" before a number is the Latin T of a table id typed on a Russian keyboard
const tableText = (text: string) => collapseSpaces(text.normalize('NFKC')).toLowerCase().replace(/(?<![\p{L}\d])т(?=\s*[-_.№#]?\s*\d)/gu, 't');

// a table word (never inside another word: "Sheet 4" names no table) and its number; plural words may list several
const TABLE_WORD = /(?<![\p{L}\d])(tables?|tab\.|таблиц[аы]|табл\.?|t)\s*[-_.№#]?\s*0*(\d{1,3})(?!\d)((?:\s*(?:,|и|and|&)\s*t?0*\d{1,3}(?!\d)|\s*[-–]\s*t0*\d{1,3}(?!\d))*)/gu;

/**
 * The table numbers a sheet name or title names with a table word, wherever it stands: «Приложение
 * 2. Таблица 4», "Прил.3 (табл.8)", "2012 T05", "Form 1 - T09" each name one; «Таблицы 10 и 11»
 * and "T04, T08" name two. A number without a table word ("1. Прибывшие") is not among them.
 */
export function tablesNamedIn(text: string): number[] {
  const found = new Set<number>();
  for (const m of tableText(text).matchAll(TABLE_WORD)) {
    found.add(Number(m[2]));
    for (const more of m[3]!.matchAll(/\d{1,3}/gu)) found.add(Number(more[0]));
  }
  return [...found];
}

/**
 * What a sheet's name says of its table: the tables it names (`named`, as ids) and those of them
 * the table set has (`known`); a leading number alone still names one ("4", "04 immigrants").
 */
export function tablesOfSheetName(name: string, tableSet: TableSet): { named: string[]; known: string[] } {
  const numbers = tablesNamedIn(name);
  if (numbers.length === 0) {
    const bare = tableIdOf(name, tableSet);
    return bare ? { named: [bare], known: [bare] } : { named: [], known: [] };
  }
  const named = numbers.map(tableOfNumber);
  return { named, known: named.filter((id) => knownTable(id, tableSet)) };
}

/** The table a title starts by naming: «Таблица 4. Иммигранты …», "Table 8: Emigrants", «Табл. 5»; undefined for any other text. */
export function tableOfTitle(text: string, tableSet: TableSet): string | undefined {
  const m = /^(?:table|таблица|табл\.)\s*№?\s*0*(\d{1,3})(?!\d)(?:$|[\s.:,;)–—-])/u.exec(tableText(text));
  return m ? knownTable(tableOfNumber(Number(m[1])), tableSet) : undefined;
}

/** A reference year written as 2012, «2012 г.», «2012 год», "2012 year", with an optional footnote marker. */
export function yearOf(text: string): number | undefined {
  const t = collapseSpaces(stripFootnoteMarkers(collapseSpaces(text)).text);
  const m = /^((?:19|20)\d{2})\s*(?:г\.?|год|гг\.?|year)?$/iu.exec(t);
  return m ? Number(m[1]) : undefined;
}

/** A year written first, then something else: "2012 Total", «2012 — мужчины», «2012 г. мужчины»; never a split year. */
export function splitYearPrefix(text: string): { year: number; rest: string } | undefined {
  const t = collapseSpaces(text);
  if (splitYearAt(t)) return undefined;
  const m = /^((?:19|20)\d{2})\s*(?:г\.?|год|year)?\s*[-–—,:/|]?\s*(.+)$/iu.exec(t);
  if (!m) return undefined;
  return { year: Number(m[1]), rest: m[2]! };
}

// a year, a slash or dash, and the year it runs to in two or four digits, not a date ("2012-03-04")
const SPLIT_YEAR = /((?:19|20)\d{2})\s*[/\-–—]\s*(\d{4}|\d{2})(?!\d|[/\-–—.]\d)/u;
const PLURAL_YEARS = /^(?:гг\.?|годы|годов|years)(?=$|[^\p{L}])\s*/iu;

/**
 * A split year at the start of the text: "2012/13", "2012/2013", "2012-13", "2012–13", «2012/13 гг.»,
 * a fiscal year or a period of years, never one calendar year; `rest` is what follows ("Total").
 * The second year must come after the first, within ten years when written in two digits, so a
 * year and month ("2012-03") is none.
 */
export function splitYearAt(text: string): { span: string; rest: string } | undefined {
  const t = collapseSpaces(text);
  const m = SPLIT_YEAR.exec(t);
  if (m?.index !== 0 || !runsOn(Number(m[1]), m[2]!)) return undefined;
  const after = t.slice(m[0].length).trim().replace(PLURAL_YEARS, '');
  return { span: m[0], rest: after.replace(/^[-–—,:|]\s*/u, '') };
}

/** The text, footnote markers aside, when it is a split year and nothing else (a year cell or block title «2012/13 гг.¹»). */
export function splitYearOnly(text: string): string | undefined {
  const bare = collapseSpaces(stripFootnoteMarkers(collapseSpaces(text)).text);
  return splitYearAt(bare)?.rest === '' ? bare : undefined;
}

function runsOn(from: number, to: string): boolean {
  if (to.length === 4) return Number(to) > from;
  const ahead = (Number(to) - (from % 100) + 100) % 100;
  return ahead >= 1 && ahead <= 10;
}

/**
 * The reference year of a title ("Immigrants, 2012", «Иммигранты в 2012 году»): its first
 * four-digit year, or `split` when that year starts a split year or period ("Immigrants,
 * 2012/13", "2010–2012"), which names no calendar year and must not be read as its first.
 */
export function yearInTitle(text: string): number | 'split' | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/u.exec(text);
  if (!m) return undefined;
  return splitYearAt(text.slice(m.index + m[0].indexOf(m[1]!))) ? 'split' : Number(m[1]);
}

/**
 * A migration-type label as both readers take it (a questionnaire's block title, a CSV's MIGR_TYPE):
 * also when its explanation in brackets differs ("Long-term migrants (1 year or more)"), in English
 * / Russian, or as its adjective alone («Долгосрочные»: the code lists give the Russian types only
 * with their noun).
 */
export function migrTypeOfText(text: string, migr: CodeResolver): MigrType | undefined {
  const parts = bilingualParts(text);
  if (parts) {
    const types = parts.map((p) => migrTypeOfText(p, migr));
    return types.every((t) => t !== undefined && t === types[0]) ? types[0] : undefined;
  }
  for (const candidate of [text, text.replace(/\(.*$/u, '').trim()]) {
    if (!candidate) continue;
    const m = migr.resolve(candidate);
    if (m.kind === 'code') return m.code as MigrType;
  }
  return withTypeNoun(text, migr);
}

// a block title that also says it gives the block's total: "Long-term migrants - total", «… (всего)», "Total long-term migrants"
const TOTAL_SUFFIX = /\s*(?:[-–—:,]\s*|\(\s*)(?:total|in total|all|всего|итого)\s*\)?$/iu;
const TOTAL_PREFIX = /^(?:total|всего|итого)\s*[-–—:,]?\s+(?=\S)/iu;

/** A block title without the word saying its row is the block's total; the text itself where it has none. */
export function withoutTotal(text: string): string {
  const t = collapseSpaces(text).replace(TOTAL_SUFFIX, '').replace(TOTAL_PREFIX, '').trim();
  return t || text;
}

// a heading that is a group of migrants starts with what qualifies them or names them, after an
// optional «из них»; a noun of persons must be there too: "Labour-force age", «Страны временного
// пребывания» or «Данные о временных мигрантах не включены» are no such heading
const GROUP_START = /^(?:(?:из них|в том числе|в т\.\s?ч\.|of which|including)[:\s]+)?(?:трудов|временн|сезонн|вынужденн|контрактн|labou?r|temporar|seasonal|contract|migrant|мигрант|работник|worker|беженц|refugee|asylum|displaced|переселенц)/iu;
const GROUP_NOUN = /мигрант|пребывающ|работник|беженц|переселенц|migrant|worker|refugee|asylum|displaced/iu;

/**
 * A heading naming a group of migrants by type or purpose of stay («Трудовые мигранты (временные)»,
 * «Временно пребывающие», "Seasonal workers"), known type or not. A group of partners («Страны
 * СНГ», «Страны — основные партнёры по трудовой миграции»), of ages («в трудовом возрасте»), an
 * «из них:» row or a sentence names none.
 */
export function namesMigrantGroup(text: string): boolean {
  const t = collapseSpaces(text);
  return t.length <= MAX_LABEL && !/\.$/u.test(t) && GROUP_START.test(t) && GROUP_NOUN.test(t);
}

const TYPE_NOUNS = ['мигранты', 'миграция'];

function withTypeNoun(text: string, migr: CodeResolver): MigrType | undefined {
  if (!text || text.length > MAX_LABEL || /\s/u.test(text.trim())) return undefined;
  for (const noun of TYPE_NOUNS) {
    const m = migr.resolve(`${text.trim()} ${noun}`);
    if (m.kind === 'code') return m.code as MigrType;
  }
  return undefined;
}
