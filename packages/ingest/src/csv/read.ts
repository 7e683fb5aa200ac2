import {
  CONF_STATUS_CODES,
  type ConfStatus,
  MchError,
  type MigrType,
  OBS_STATUS_CODES,
  type ObsStatus,
  type RejectionReason,
  type Sex,
  type Source,
  type TableDef,
} from '@mch/core';
import type { CategoryResult } from '../cells/category';
import { checkedCategory } from '../cells/label-text';
import { MAX_NOTE, quote, safeRaw } from '../cells/text';
import type { Collector } from '../collector';
import { type CellKey, NO_NOTES, basisFor, defaultMigrType, emitValue } from '../emit';
import type { IngestEnv } from '../env';
import { type CsvColumn, detectDelimiter, mapColumns, sameColumns } from './columns';
import { decode, detectEncoding } from './decode';
import { Lookups } from './lookups';
import { forEachRecord, isBlank } from './records';

type Row = (col: CsvColumn) => string;

/** Below V8's longest string (2²⁹ − 24 characters), whatever the encoding. */
export const MAX_CSV_BYTES = 500 * 1024 * 1024;

/** Reads a long CSV file: one observation or one rejection per data row, provenance = physical line. */
export function readCsv(bytes: Uint8Array, c: Collector, env: IngestEnv): void {
  // V8 holds no longer string: refused with its size, not a RangeError from the decoder
  if (bytes.length > MAX_CSV_BYTES) throw new MchError('file-unreadable', `${c.file} is ${bytes.length} bytes, more than the ${MAX_CSV_BYTES} a long CSV may have`, { where: c.file });
  const enc = detectEncoding(bytes);
  if ('problem' in enc) throw new MchError('file-unreadable', `${c.file} cannot be read as CSV: ${enc.problem}`, { where: c.file });
  const decoded = decode(bytes, enc.encoding, enc.bomLength);
  const firstLine = lineAt(decoded, 0);
  // Excel's "sep=;" line before the header says the delimiter: it is left blank, so lines keep their numbers
  const hint = /^"?sep=.?"?$/iu.test(firstLine.trim());
  const text = hint ? decoded.slice(firstLine.length) : decoded;
  const headerLine = hint ? lineAt(text, /^\r\n/u.test(text) ? 2 : 1) : firstLine;
  const delimiter = detectDelimiter(headerLine);
  if (!delimiter) throw new MchError('file-unreadable', `${c.file} is neither a workbook nor a CSV with the columns TABLE, TIME_PERIOD, SEX, PARTNER or AGE, OBS_VALUE in its first line`, { where: `${c.file}:1` });
  const notes = new Map<string, string>();
  const known = new Lookups(env, c.ref_area);
  let head: string[] | undefined;
  let index: Partial<Record<CsvColumn, number>> = {};
  // one accessor for every row, over the record being read: no closure per row
  let record: string[] = [];
  const get: Row = (col) => {
    const i = index[col];
    return i === undefined ? '' : (record[i] ?? '').trim();
  };
  const repeated: HeaderRepeats = { same: [], moved: [] };
  forEachRecord(text, delimiter, c.file, (w) => c.warn(w), ({ line, fields, broken, raw }) => {
    if (!head && hint && line === 1) return;
    if (!head) {
      head = fields;
      const mapped = mapColumns(head);
      if ('missing' in mapped) throw new MchError('file-unreadable', `${c.file}, line ${line}: the CSV lacks the column(s) ${mapped.missing.join(', ')}`, { where: `${c.file}:${line}` });
      if ('twice' in mapped) {
        const which = mapped.twice.join(', ');
        throw new MchError('file-unreadable', `${c.file}, line ${line}: the header names the column(s) ${which} more than once; keep one of each`, { where: `${c.file}:${line}` });
      }
      index = mapped.index;
      return;
    }
    if (!broken && isBlank(fields)) return;
    record = fields;
    // only a line that would be refused is asked whether it is the header again: a data row names a table
    if (!broken && (fields.length !== head.length || !known.table(get('TABLE')))) {
      const again = headerAgain(fields, head, line, repeated);
      if (again) {
        head = fields;
        index = again;
        return;
      }
    }
    const src = c.source('', String(line), broken ? broken.raw : (raw ?? joined(fields, delimiter)));
    if (broken) {
      c.countValueCell();
      c.reject(known.tableId(get('TABLE')), src, 'unparseable-value', broken.en, broken.ru);
      return;
    }
    if (holdsNul(fields)) {
      c.countValueCell();
      c.reject(known.tableId(get('TABLE')), src, 'unparseable-value', 'the line holds NUL characters (a damaged file, or UTF-16 text without its byte-order mark?)', 'в строке есть символы NUL (файл повреждён или это UTF-16 без метки порядка байтов?)');
      return;
    }
    if ('partly' in enc && fields.some((f) => f.includes('\ufffd'))) {
      c.countValueCell();
      c.reject(known.tableId(get('TABLE')), src, 'unparseable-value', 'the line is not UTF-8 like the rest of the file (pasted from a file in another encoding, such as Windows-1251?); save the whole file as UTF-8', 'строка не в кодировке UTF-8, как остальной файл (вставлена из файла в другой кодировке, например Windows-1251?); сохраните весь файл в UTF-8');
      return;
    }
    if (fields.length !== head.length) {
      const other = otherDelimiter(fields, delimiter, head.length);
      const why = other ? { en: `; the line is separated by ${nameOf(other)} where the header uses ${nameOf(delimiter)}`, ru: `; строка разделена ${nameOf(other, 'ru')}, а заголовок — ${nameOf(delimiter, 'ru')}` } : { en: '', ru: '' };
      c.countValueCell();
      c.reject(known.tableId(get('TABLE')), src, 'wrong-field-count', `${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${head.length}${why.en}`, `${fields.length} ${fieldsRu(fields.length)}, а в заголовке ${head.length}${why.ru}`);
      return;
    }
    readRow(get, src, c, env, known, notes);
  }, () => head?.length);
  warnRepeats(c, repeated);
}

/** The lines where the header is repeated: as it was, or with its columns moved, added or left out. */
interface HeaderRepeats {
  same: number[];
  moved: number[];
}

/**
 * The column positions of a line that is the header again (files made by concatenating exports),
 * or undefined for a line that is not. A header in another order is read by, not refused: it says
 * where each column of the lines after it is as plainly as the first header does, and refusing
 * would lose every line of the second export.
 */
function headerAgain(fields: string[], head: string[], line: number, repeated: HeaderRepeats): Partial<Record<CsvColumn, number>> | undefined {
  const mapped = mapColumns(fields);
  if (!('index' in mapped)) return undefined;
  (sameColumns(fields, head) ? repeated.same : repeated.moved).push(line);
  return mapped.index;
}

function warnRepeats(c: Collector, repeated: HeaderRepeats): void {
  if (repeated.same.length) c.warn(`${c.file}: header repeated at ${linesNamed(repeated.same)}; read as a header, not as data`);
  if (repeated.moved.length) c.warn(`${c.file}: header repeated at ${linesNamed(repeated.moved)} with columns in another order or other columns; the lines after it were read by it`);
}

/** "line 5", "lines 5, 9 and 12", the first ten of many and how many more: a warning stays one line. */
function linesNamed(lines: number[], max = 10): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, max);
  const more = lines.length - shown.length;
  return more > 0 ? `lines ${shown.join(', ')} and ${more} more` : `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** The line that starts at `from` (a slice of the text, which V8 does not copy). */
function lineAt(text: string, from: number): string {
  const rest = text.slice(from);
  return rest.slice(0, rest.search(/\r\n|\n|\r|$/u));
}

function holdsNul(fields: string[]): boolean {
  for (const f of fields) if (f.includes('\u0000')) return true;
  return false;
}

/** A record's fields written again as one line, quoted where a field needs it. */
function joined(fields: string[], delimiter: string): string {
  return fields.map((f) => (/["\r\n]/u.test(f) || f.includes(delimiter) ? `"${f.replace(/"/gu, '""')}"` : f)).join(delimiter);
}

interface Refusal {
  refused: true;
  reason: RejectionReason;
  en: string;
  ru: string;
  suggestions?: string[];
}
interface RowKey {
  refused: false;
  table: TableDef;
  year: number;
  migr_type: MigrType | '';
  sex: Sex;
  own: 'AGE' | 'PARTNER';
}

function refusal(reason: RejectionReason, en: string, ru: string, suggestions: string[] = []): Refusal {
  return { refused: true, reason, en, ru, suggestions };
}

/** The table, year, type and sex of a row, or why the row is refused. */
function rowKey(get: Row, c: Collector, env: IngestEnv, known: Lookups): Refusal | RowKey {
  const tableText = get('TABLE');
  const table = known.table(tableText);
  if (!table) return refusal('unknown-table', `the table ${quote(tableText)} is not in the table set`, `таблица ${quote(tableText)} отсутствует в наборе таблиц`);
  const area = get('REF_AREA');
  if (known.otherArea(area)) {
    return refusal('code-not-allowed', `REF_AREA ${quote(area)} is not ${c.ref_area}, the country this file is configured for`, `REF_AREA ${quote(area)} не совпадает с ${c.ref_area}, страной этого файла`);
  }
  const year = known.year(get('TIME_PERIOD'));
  if (year === undefined) return refusal('unparseable-value', `TIME_PERIOD ${quote(get('TIME_PERIOD'))} is not a year`, `TIME_PERIOD ${quote(get('TIME_PERIOD'))} не является годом`);
  const sex = known.sex(get('SEX'));
  if (sex.kind !== 'code') return refusal('unmapped-label', `SEX ${quote(get('SEX'))} maps to no sex code`, `SEX ${quote(get('SEX'))} не соответствует коду пола`, sex.kind === 'unmapped' ? sex.suggestions : []);
  const migrText = get('MIGR_TYPE');
  let migr_type = defaultMigrType(table, basisFor(env.sheet.settings, table.id));
  if (migrText && table.has_migr_type) {
    const t = known.migr(migrText);
    if (t.kind !== 'code') return refusal('unmapped-label', `MIGR_TYPE ${quote(migrText)} maps to no type`, `MIGR_TYPE ${quote(migrText)} не соответствует типу миграции`, t.kind === 'unmapped' ? t.suggestions : []);
    migr_type = t.code as MigrType;
  } else if (migrText && !['_Z', '_T'].includes(migrText.toUpperCase())) {
    return refusal('code-not-allowed', `${table.id} has no migration type, but MIGR_TYPE is ${quote(migrText)}`, `в таблице ${table.id} нет типа миграции, а MIGR_TYPE = ${quote(migrText)}`);
  }
  const [own, other] = table.breakdown === 'AGE' ? (['AGE', 'PARTNER'] as const) : (['PARTNER', 'AGE'] as const);
  const otherText = get(other);
  if (otherText && !['_T', '_Z', 'TOTAL'].includes(otherText.toUpperCase())) {
    return refusal('code-not-allowed', `${table.id} has no ${other} breakdown, but ${other} is ${quote(otherText)}`, `в таблице ${table.id} нет разбивки ${other}, а ${other} = ${quote(otherText)}`);
  }
  return { refused: false, table, year, migr_type, sex: sex.code as Sex, own };
}

function readRow(get: Row, src: Source, c: Collector, env: IngestEnv, known: Lookups, notes: Map<string, string>): void {
  const k = rowKey(get, c, env, known);
  if (k.refused) {
    c.countValueCell();
    c.reject(known.tableId(get('TABLE')), src, k.reason, k.en, k.ru, k.suggestions, known.year(get('TIME_PERIOD')));
    return;
  }
  const { table, year } = k;
  const category = known.category(table, get(k.own));
  const parent = parentOf(get('PARENT'), table, category, env);
  if (typeof parent === 'object') {
    c.countValueCell();
    c.reject(table.id, src, parent.reason, parent.en, parent.ru, parent.suggestions, year);
    return;
  }
  const value = get('OBS_VALUE');
  const status = statusOf(get('OBS_STATUS'), get('CONF_STATUS'));
  if ('refused' in status) {
    c.countValueCell();
    c.reject(table.id, src, status.reason, status.en, status.ru, [], year);
    return;
  }
  const noteRefs = noteRef(get('NOTE'), table.id, src, c, notes);
  const thousands = get('UNIT_MULT') === '3';
  const basis = basisFor(env.sheet.settings, table.id);
  if (!value && category.ok && !env.sheet.settings.blank_is_zero) {
    // an empty value, with or without a status, is a row saying "no figure": an observation without value
    c.countValueCell();
    c.observe({
      ...{ ref_area: c.ref_area, table: table.id, time_period: year, migr_type: table.has_migr_type ? k.migr_type : '', sex: k.sex },
      ...{ age: category.age, partner: category.partner, obs_value: null, obs_status: status.obs ?? 'O', conf_status: status.conf ?? 'F' },
      ...{ definition_basis: basis, unit_mult: thousands ? 3 : 0, derived: false, note_refs: noteRefs, source: src },
      ...(parent ? { parent } : {}),
    });
    return;
  }
  const opt = { legend: env.sheet.legend, thousands, basis, blankIsZero: env.sheet.settings.blank_is_zero, extraNotes: noteRefs, status };
  const key: CellKey = { table, year, migr_type: k.migr_type, sex: k.sex, category };
  if (parent) key.parent = parent;
  emitValue(c, key, { text: value }, src, opt);
}

/** The partner of the row a PARENT cell names ("of which" rows), '' for none, or why it is refused. */
function parentOf(text: string, table: TableDef, category: CategoryResult, env: IngestEnv): string | Refusal {
  if (!text) return '';
  if (table.breakdown !== 'PARTNER') {
    return refusal('code-not-allowed', `${table.id} has no partner rows, but PARENT is ${quote(text)}`, `в таблице ${table.id} нет строк по странам, а PARENT = ${quote(text)}`);
  }
  const p = checkedCategory(table, '', text, env.category);
  if (!p.ok) return refusal(p.reason, `PARENT: ${p.en}`, `PARENT: ${p.ru}`, p.suggestions);
  if (category.ok && p.partner === category.partner) {
    return refusal('code-not-allowed', `PARENT ${quote(text)} is the row's own partner; a row cannot be a part of itself`, `PARENT ${quote(text)} совпадает со страной строки; строка не может быть частью самой себя`);
  }
  return p.partner;
}

const NO_STATUS: { obs?: ObsStatus; conf?: ConfStatus } = Object.freeze({});

/**
 * The row's statuses, as given where they are SDMX codes. Any other status refuses the row: a
 * confidentiality the file means but does not code ("Confidential", «к») must never be read as
 * free to publish, and a guessed status would misstate the value.
 */
function statusOf(obs: string, conf: string): { obs?: ObsStatus; conf?: ConfStatus } | Refusal {
  // most files have no status columns, or leave them empty
  if (!obs && !conf) return NO_STATUS;
  const out: { obs?: ObsStatus; conf?: ConfStatus } = {};
  const o = obs.toUpperCase();
  const cf = conf.toUpperCase();
  if ((CONF_STATUS_CODES as readonly string[]).includes(cf)) out.conf = cf as ConfStatus;
  else if (cf) {
    return refusal(
      'code-not-allowed',
      `CONF_STATUS ${quote(conf)} is not an SDMX code (F free, C confidential, N not for publication); write the code`,
      `CONF_STATUS ${quote(conf)} не является кодом SDMX (F — открыто, C — конфиденциально, N — не для публикации); укажите код`,
    );
  }
  if ((OBS_STATUS_CODES as readonly string[]).includes(o)) out.obs = o as ObsStatus;
  else if (o) {
    return refusal(
      'code-not-allowed',
      `OBS_STATUS ${quote(obs)} is not an SDMX code (${OBS_STATUS_CODES.join(', ')}); write the code`,
      `OBS_STATUS ${quote(obs)} не является кодом SDMX (${OBS_STATUS_CODES.join(', ')}); укажите код`,
    );
  }
  return out;
}

/** A NOTE text becomes a TableNote once per table and text, referenced as n1, n2 … in order of appearance. */
function noteRef(text: string, table: string, src: Source, c: Collector, notes: Map<string, string>): string[] {
  if (!text) return NO_NOTES;
  const clean = safeRaw(text, MAX_NOTE);
  const k = `${table}|${clean}`;
  let ref = notes.get(k);
  if (!ref) {
    ref = `n${notes.size + 1}`;
    notes.set(k, ref);
    c.notes.push({ ref_area: c.ref_area, table, ref, text: clean, source: src });
  }
  return [ref];
}

function fieldsRu(n: number): string {
  if (n % 10 === 1 && n % 100 !== 11) return 'поле';
  return n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'поля' : 'полей';
}

function nameOf(d: string, lang: 'en' | 'ru' = 'en'): string {
  if (d === '\t') return lang === 'en' ? 'tabs' : 'табуляцией';
  return quote(d);
}

/** The delimiter a line of the wrong length would have the header's number of fields with, if any. */
function otherDelimiter(record: string[], delimiter: string, fields: number): string | undefined {
  const line = record.join(delimiter);
  return [',', ';', '\t'].find((d) => d !== delimiter && line.split(d).length === fields);
}
