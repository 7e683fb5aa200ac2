import { createHash } from 'node:crypto';
import { type CodeLists, type CountrySettings, type IngestResult, MchError, type TableSet } from '@mch/core';
import { Collector } from './collector';
import { readCsv } from './csv/read';
import { buildEnv } from './env';
import { readCompoundFile } from './xls/cfb';
import { censusOf, checkConversion } from './xls/census';
import { convertXls } from './xls/convert';
import { readXlsx } from './xlsx/read';

export interface InputFile {
  /** as named in the configuration, repo-relative */
  path: string;
  bytes: Uint8Array;
}

export interface IngestContext {
  ref_area: string;
  tableSet: TableSet;
  codelists: CodeLists;
  settings: CountrySettings;
}

type Format = 'xlsx' | 'xls' | 'csv';

/**
 * Reads one file a country sent: an xlsx questionnaire (or an old .xls one, converted by
 * LibreOffice when it is installed) or a long CSV, told apart by content.
 * Throws MchError('file-unreadable') when the file cannot be read at all; every cell problem is a
 * rejection in the result instead.
 */
export async function ingestFile(file: InputFile, ctx: IngestContext): Promise<IngestResult> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const format = detectFormat(file);
  const c = new Collector(file.path, sha256, ctx.ref_area);
  const env = buildEnv(file.path, ctx.ref_area, ctx.tableSet, ctx.codelists, ctx.settings);
  if (format === 'xls') {
    const census = censusOf(file.bytes, file.path);
    await readXlsx(convertXls(file.bytes, file.path), c, env, (book) => checkConversion(census, book, file.path));
    c.warn(`${file.path}: an old Excel .xls workbook, converted to .xlsx with LibreOffice before reading`);
  } else if (format === 'xlsx') await readXlsx(file.bytes, c, env);
  else readCsv(file.bytes, c, env);
  return c.finish(format === 'csv' ? 'csv' : 'xlsx');
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

/** The format by content; a file named as a workbook that is not a zip is refused, never read as text. */
export function detectFormat(file: InputFile): Format {
  const b = file.bytes;
  const unreadable = (what: string) => new MchError('file-unreadable', `${file.path} cannot be read: ${what}`, { where: file.path });
  if (b.length === 0) throw unreadable('the file is empty');
  if (startsWith(b, ZIP) || startsWith(b, EMPTY_ZIP)) return 'xlsx';
  if (startsWith(b, CFB)) {
    const has = streamNames(b);
    if (!has) throw unreadable('it is a damaged Microsoft Office file (its directory cannot be read); ask the country for a new copy');
    if (has('EncryptedPackage')) throw unreadable('the workbook is password-protected; ask the country for an unprotected copy');
    // BIFF8 keeps its sheets in a stream named "Workbook", BIFF5 in "Book"; a .doc or .msg has neither
    if (has('Workbook') || has('Book')) return 'xls';
    throw unreadable('it is a Microsoft Office file of another kind (a Word document or e-mail?), not an Excel workbook');
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 512)).replace(/^\ufeff/u, '').trimStart().toLowerCase();
  if (/^<(?:!doctype|html|\?xml|table|head|body)/u.test(head)) throw unreadable('it is an HTML or XML document, not a workbook or CSV');
  if (/\.(?:xlsx|xlsm|xls)$/iu.test(file.path)) throw unreadable('it is named as an Excel workbook but is not one (not a zip archive); it may be a renamed CSV or a damaged download');
  return 'csv';
}

/**
 * Whether the compound file holds a stream of that name: from its directory, or, when that is
 * damaged, from the names in its bytes (the .xls census then names the damage); undefined when
 * neither tells a workbook stream.
 */
function streamNames(b: Uint8Array): ((name: string) => boolean) | undefined {
  try {
    const names = new Set(readCompoundFile(b).names.map((n) => n.toLowerCase()));
    return (name) => names.has(name.toLowerCase());
  } catch {
    const known = ['EncryptedPackage', 'Workbook', 'Book', 'WordDocument', '__properties_version1.0'].filter((n) => hasUtf16(b, n));
    return known.length ? (name) => known.includes(name) : undefined;
  }
}

function hasUtf16(b: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}
