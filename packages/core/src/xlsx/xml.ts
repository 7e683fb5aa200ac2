// A small non-validating XML scanner over the bytes of one workbook part. It never expands a DTD
// (billion-laughs and external entities cannot happen), never recurses (nesting depth costs an
// array slot, not a stack frame) and decodes text only where the caller asks for it.
import { Unreadable } from './unreadable';

/** Broken or hostile XML: the part and the line where it went wrong. */
export class XmlError extends Unreadable {
  constructor(part: string, line: number, message: string) {
    super(`${part}, line ${line}: ${message}`, `${part}:${line}`);
  }
}

export type Attrs = Record<string, string>;

/**
 * The longest attribute value, and the most text between two tags, a part may hold: Excel keeps
 * a cell to 32 767 characters, so more is no workbook, and decoding it would cost memory first.
 */
export const MAX_TEXT = 1024 * 1024;

export interface XmlHandler {
  /** element names without their namespace prefix; attributes likewise, xmlns declarations left out */
  open(name: string, attrs: Attrs): void;
  close(name: string): void;
  /** text and CDATA, called only while `wantText` is true */
  text(text: string): void;
  wantText: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQ = 0x3d;

const utf8 = new TextDecoder('utf-8', { fatal: false });

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameEnd(c: number | undefined): boolean {
  return c === undefined || isSpace(c) || c === GT || c === SLASH || c === EQ;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Scans one part, calling the handler for each element and (on demand) text. Throws XmlError. */
export function scanXml(input: Uint8Array, part: string, h: XmlHandler): void {
  const b = toUtf8(input);
  const fail = (at: number, why: string): never => {
    throw new XmlError(part, lineAt(b, at), why);
  };
  const decode = (from: number, to: number): string => {
    const s = to - from <= 32 ? shortText(b, from, to) : utf8.decode(b.subarray(from, to));
    return s.includes('&') ? decodeEntities(s, (why) => fail(from, why)) : s;
  };
  const stack: string[] = [];
  // text delivered since the last tag: CDATA and comments may split one text into many
  let textSinceTag = 0;
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const n = b.length;
  let sawRoot = false;
  while (i < n) {
    const lt = b.indexOf(LT, i);
    const end = lt < 0 ? n : lt;
    if (end > i && h.wantText && stack.length) {
      textSinceTag += end - i;
      if (textSinceTag > MAX_TEXT) fail(i, `a text longer than ${MAX_TEXT} bytes, more than any cell holds`);
      h.text(decode(i, end));
    }
    else if (end > i && !stack.length && !onlySpace(b, i, end)) fail(i, 'text outside the root element');
    if (lt < 0) break;
    const next = b[lt + 1];
    if (next === QUESTION) {
      i = after(b, '?>', lt + 2, () => fail(lt, 'an unterminated processing instruction'));
      continue;
    }
    if (next === BANG) {
      if (startsAt(b, lt, '<!--')) i = after(b, '-->', lt + 4, () => fail(lt, 'an unterminated comment'));
      else if (startsAt(b, lt, '<![CDATA[')) {
        const close = find(b, ']]>', lt + 9);
        if (close < 0) fail(lt, 'an unterminated CDATA section');
        if (h.wantText && stack.length) {
          textSinceTag += close - lt - 9;
          if (textSinceTag > MAX_TEXT) fail(lt, `a text longer than ${MAX_TEXT} bytes, more than any cell holds`);
          h.text(utf8.decode(b.subarray(lt + 9, close)));
        }
        i = close + 3;
      } else fail(lt, 'a document type declaration (DTD), which no workbook part may hold');
      continue;
    }
    if (next === SLASH) {
      let j = lt + 2;
      while (j < n && !isNameEnd(b[j])) j++;
      const name = localName(b, lt + 2, j);
      while (j < n && isSpace(b[j])) j++;
      if (b[j] !== GT) fail(lt, `a broken closing tag </${name}`);
      const open = stack.pop();
      if (open !== name) fail(lt, open === undefined ? `</${name}> closes nothing` : `</${name}> where </${open}> was expected`);
      h.close(name);
      textSinceTag = 0;
      i = j + 1;
      continue;
    }
    // an opening tag: name, then attributes up to > or />
    let j = lt + 1;
    while (j < n && !isNameEnd(b[j])) j++;
    if (j === lt + 1) fail(lt, 'a "<" that starts no tag');
    const name = localName(b, lt + 1, j);
    if (!stack.length && sawRoot) fail(lt, 'a second root element');
    const attrs: Attrs = Object.create(null);
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(b[j])) j++;
      if (j >= n) fail(lt, `an unterminated tag <${name}`);
      if (b[j] === GT) {
        j++;
        break;
      }
      if (b[j] === SLASH && b[j + 1] === GT) {
        selfClosing = true;
        j += 2;
        break;
      }
      const a = j;
      while (j < n && !isNameEnd(b[j])) j++;
      if (j === a) fail(j, `a broken attribute in <${name}`);
      const attr = localName(b, a, j);
      const end = j;
      while (j < n && isSpace(b[j])) j++;
      if (b[j] !== EQ) fail(j, `attribute ${latin1(b, a, end)} of <${name}> has no value`);
      j++;
      while (j < n && isSpace(b[j])) j++;
      const quote = b[j];
      if (quote !== 0x22 && quote !== 0x27) fail(j, `attribute ${latin1(b, a, end)} of <${name}> is not quoted`);
      const close = b.indexOf(quote!, j + 1);
      if (close < 0) fail(j, `attribute ${latin1(b, a, end)} of <${name}> is never closed`);
      if (close - j - 1 > MAX_TEXT) fail(j, `attribute ${latin1(b, a, end)} of <${name}> is longer than ${MAX_TEXT} bytes`);
      if (!isXmlns(b, a, end)) attrs[attr] = decode(j + 1, close);
      j = close + 1;
    }
    sawRoot = true;
    textSinceTag = 0;
    if (!selfClosing) stack.push(name);
    h.open(name, attrs);
    if (selfClosing) h.close(name);
    i = j;
  }
  if (stack.length) fail(n, `the part ends inside <${stack[stack.length - 1]}> (truncated?)`);
  if (!sawRoot) fail(n, 'no XML element at all');
}

/** A part written in UTF-16 (allowed, rare) becomes UTF-8 so the scanner sees one encoding. */
function toUtf8(b: Uint8Array): Uint8Array {
  if (b[0] === 0xff && b[1] === 0xfe) return Buffer.from(new TextDecoder('utf-16le').decode(b.subarray(2)), 'utf8');
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(new TextDecoder('utf-16be').decode(b.subarray(2)), 'utf8');
  return b;
}

/** Short ASCII runs (numbers, attribute values) without the cost of a TextDecoder call. */
function shortText(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) {
    const c = b[k]!;
    if (c >= 0x80) return utf8.decode(b.subarray(from, to));
    s += String.fromCharCode(c);
  }
  return s;
}

function localName(b: Uint8Array, from: number, to: number): string {
  let start = from;
  for (let k = to - 1; k >= from; k--) {
    if (b[k] === 0x3a) {
      start = k + 1;
      break;
    }
  }
  return name(b, start, to);
}

const XMLNS = [0x78, 0x6d, 0x6c, 0x6e, 0x73];

/** `xmlns` or `xmlns:…`, the namespace declarations left out of the attributes. */
function isXmlns(b: Uint8Array, from: number, to: number): boolean {
  if (to - from < 5 || (to - from > 5 && b[from + 5] !== 0x3a)) return false;
  for (let k = 0; k < 5; k++) if (b[from + k] !== XMLNS[k]) return false;
  return true;
}

// the same few names (c, r, v, row, t, s …) open every cell: each spelling becomes a string once
const NAMES = new Map<number, string>();
const MAX_NAMES = 4096;

function name(b: Uint8Array, from: number, to: number): string {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
  const known = NAMES.get(h);
  if (known !== undefined && known.length === to - from && spells(known, b, from)) return known;
  const s = latin1(b, from, to);
  if (NAMES.size < MAX_NAMES) NAMES.set(h, s);
  return s;
}

function spells(s: string, b: Uint8Array, from: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== b[from + k]) return false;
  return true;
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String.fromCharCode(b[k]!);
  return s;
}

function onlySpace(b: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(b[k])) return false;
  return true;
}

function startsAt(b: Uint8Array, at: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function find(b: Uint8Array, s: string, from: number): number {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(s, from, 'latin1');
}

function after(b: Uint8Array, s: string, from: number, onMissing: () => never): number {
  const at = find(b, s, from);
  return at < 0 ? onMissing() : at + s.length;
}

function lineAt(b: Uint8Array, at: number): number {
  let line = 1;
  for (let k = b.indexOf(0x0a); k >= 0 && k < at; k = b.indexOf(0x0a, k + 1)) line++;
  return line;
}

function decodeEntities(s: string, fail: (why: string) => never): string {
  return s.replace(/&([^;&\s]{0,12});?/gu, (whole, body: string) => {
    if (!whole.endsWith(';')) fail(`a bare "&" (write &amp;)`);
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-f]{1,6})|(\d{1,7}))$/iu.exec(body);
    const code = m ? Number.parseInt(m[1] ?? m[2]!, m[1] ? 16 : 10) : -1;
    // what XML 1.0 allows as a character: no NUL, no lone surrogate, nothing past U+10FFFF
    if (code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && code !== 0xfffe && code !== 0xffff)) {
      return String.fromCodePoint(code);
    }
    return fail(m ? `the character reference ${whole} names no allowed character` : `the entity ${whole} is not defined (no DTD is read)`);
  });
}
