import { isUtf8 } from 'node:buffer';
import { DOT_CODES, type PxCell, type PxEntry, type PxItem } from './entries';

/** A reason a PX file is refused, with the line it was found on. */
export interface PxProblem {
  line: number;
  message: string;
}

/**
 * Decodes a PX file by its own CODEPAGE keyword (read from the ASCII bytes first; ISO 8859-1 when
 * absent, as the specification says). Bytes the code page cannot hold are a problem, not a guess.
 */
export function decodePx(bytes: Uint8Array): { text: string; codepage: string } | PxProblem {
  const head = Buffer.from(bytes).toString('latin1');
  const declared = /^CODEPAGE\s*=\s*"([^"]*)"\s*;/m.exec(head)?.[1] ?? 'iso-8859-1';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared.toLowerCase(), { fatal: true });
  } catch {
    return { line: lineOf(head, head.indexOf('CODEPAGE')), message: `unknown CODEPAGE "${declared}"` };
  }
  try {
    // UTF-8, the code page mch writes: checked and decoded by Buffer, several times faster than a fatal TextDecoder
    const text = decoder.encoding === 'utf-8' ? utf8Text(bytes) : decoder.decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), codepage: declared };
  } catch {
    return { line: 0, message: `the bytes are not valid ${declared}` };
  }
}

/** Valid UTF-8 as text, a leading byte order mark dropped; anything else throws: what the fatal decoder gives. */
function utf8Text(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new TypeError('not valid UTF-8');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom).toString('utf8');
}

/** The statements of a PX file, or the first syntax problem: the format has no way to resynchronise. */
export function parsePxEntries(source: string): { entries: PxEntry[]; problems: PxProblem[] } {
  const p = new Cursor(source);
  const entries: PxEntry[] = [];
  try {
    for (p.skipSpace(); !p.atEnd(); p.skipSpace()) entries.push(statement(p));
  } catch (error) {
    if (error instanceof SyntaxProblem) return { entries, problems: [{ line: error.line, message: error.message }] };
    throw error;
  }
  return { entries, problems: [] };
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

class Cursor {
  at = 0;
  private readonly newlines: number[] = [];
  constructor(readonly s: string) {
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) this.newlines.push(i);
  }
  atEnd(): boolean {
    return this.at >= this.s.length;
  }
  peek(): string {
    return this.s[this.at] ?? '';
  }
  /** 1-based line of the current position (binary search over the newline offsets). */
  line(): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid]! < this.at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
  fail(message: string): never {
    throw new SyntaxProblem(message, this.line());
  }
  skipSpace(): void {
    this.match(/\s+/y);
  }
  expect(c: string): void {
    this.skipSpace();
    if (this.peek() !== c) this.fail(`expected ${c} but found ${this.peek() ? `"${this.peek()}"` : 'the end of the file'}`);
    this.at++;
  }
  /** Consumes `re` (a sticky regex) at the current position. */
  match(re: RegExp): string | null {
    re.lastIndex = this.at;
    const m = re.exec(this.s);
    if (!m) return null;
    this.at += m[0].length;
    return m[0];
  }
  quoted(): string {
    this.skipSpace();
    if (this.peek() !== '"') this.fail(`expected a quoted string but found "${this.peek()}"`);
    const end = this.s.indexOf('"', this.at + 1);
    if (end < 0) this.fail('a string is not closed');
    const value = this.s.slice(this.at + 1, end);
    if (/[\r\n]/.test(value)) this.fail('a string runs over the end of its line');
    this.at = end + 1;
    return value;
  }
}

function statement(p: Cursor): PxEntry {
  const line = p.line();
  const keyword = p.match(/[A-Z0-9][A-Z0-9-]*/y) ?? p.fail(`expected a keyword but found "${p.peek()}"`);
  let lang: string | null = null;
  if (p.peek() === '[') {
    p.at++;
    lang = p.match(/[a-z]{2,3}(-[A-Za-z]+)?/y) ?? p.fail(`${keyword}: expected a language code in [ ]`);
    p.expect(']');
  }
  const subkeys: string[] = [];
  p.skipSpace();
  if (p.peek() === '(') {
    p.at++;
    subkeys.push(p.quoted());
    for (p.skipSpace(); p.peek() === ','; p.skipSpace()) {
      p.at++;
      subkeys.push(p.quoted());
    }
    p.expect(')');
  }
  p.expect('=');
  const items = keyword === 'DATA' ? [dataItem(p)] : valueItems(p, keyword);
  p.expect(';');
  return { keyword, lang, subkeys, items, line };
}

function valueItems(p: Cursor, keyword: string): PxItem[] {
  const items: PxItem[] = [];
  for (;;) {
    items.push(valueItem(p, keyword));
    p.skipSpace();
    if (p.peek() !== ',') return items;
    p.at++;
  }
}

function valueItem(p: Cursor, keyword: string): PxItem {
  p.skipSpace();
  if (p.peek() === '"') {
    let text = p.quoted();
    // strings on following lines with no comma between continue the same text
    for (p.skipSpace(); p.peek() === '"'; p.skipSpace()) text += p.quoted();
    if (p.peek() !== ':') return { kind: 'text', text };
    p.at++;
    return { kind: 'pair', parent: text, child: p.quoted() };
  }
  if (p.match(/TLIST\(/y)) {
    const unit = p.match(/[AHQMW]\d*/y) ?? p.fail(`${keyword}: TLIST needs a time unit (A1, H1, Q1, M1, W1)`);
    p.skipSpace();
    let range: [string, string] | null = null;
    if (p.peek() === ',') {
      p.at++;
      const from = p.quoted();
      p.expect('-');
      range = [from, p.quoted()];
    }
    p.expect(')');
    return { kind: 'tlist', unit, range };
  }
  const bare = p.match(/[A-Za-z0-9.+-]+/y);
  if (bare === null) p.fail(`${keyword}: expected a value but found ${p.peek() ? `"${p.peek()}"` : 'the end of the file'}`);
  return { kind: 'word', text: bare };
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * DATA's cells, scanned a character at a time: a tier M table has millions, where a sticky regex
 * per separator and per token was most of reading the file. The same grammar as the expressions
 * named: separators `[\s,]+`, tokens `[^\s,;"]+`, a character beyond ASCII asked of `\s` itself.
 */
function dataItem(p: Cursor): PxItem {
  const cells: PxCell[] = [];
  const s = p.s;
  const symbols = new Map<string, PxCell>();
  for (;;) {
    let at = p.at;
    while (at < s.length && isSeparator(s.charCodeAt(at), s, at)) at++;
    p.at = at;
    const c = s.charCodeAt(at);
    if (c === SEMICOLON || at >= s.length) return { kind: 'data', cells };
    if (c === QUOTE) {
      const symbol = p.quoted();
      let cell = symbols.get(symbol);
      if (!cell) {
        if (!(DOT_CODES as readonly string[]).includes(symbol)) p.fail(`DATA: "${symbol}" is not one of the symbols ${DOT_CODES.map((d) => `"${d}"`).join(' ')}`);
        cell = Object.freeze({ kind: 'symbol', symbol });
        symbols.set(symbol, cell);
      }
      cells.push(cell);
      continue;
    }
    let end = at;
    let digits = true;
    for (; end < s.length; end++) {
      const k = s.charCodeAt(end);
      if (k === SEMICOLON || k === QUOTE || isSeparator(k, s, end)) break;
      if (k < 48 || k > 57) digits = false;
    }
    const token = s.slice(at, end);
    p.at = end;
    if (!digits && !NUMBER.test(token)) p.fail(`DATA: "${token}" is neither a number nor a quoted symbol`);
    cells.push({ kind: 'number', value: Number(token) });
  }
}

const SEMICOLON = 59;
const QUOTE = 34;
const COMMA = 44;
const SPACE = /\s/;

/** Whether the character at `at` is a comma or what `\s` matches. */
function isSeparator(code: number, s: string, at: number): boolean {
  if (code === COMMA || code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && SPACE.test(s[at]!);
}

function lineOf(s: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < s.length; i++) if (s.charCodeAt(i) === 10) line++;
  return line;
}
