// Small edits to the XML of a workbook's parts, made on its text: a copy of a country's workbook
// keeps every part mch does not change byte for byte, and the parts it changes keep everything it
// does not touch (their other elements, prefixes, namespaces and extensions). Element names may
// carry a namespace prefix (`<x:c>`, as .NET writers make them): every search allows one, and
// what is inserted uses the prefix its parent uses.

/** An element found in a part's text: where it starts and ends, its prefix ('' or 'x:') and its attributes' text. */
export interface Found {
  start: number;
  end: number;
  prefix: string;
  /** the text between the name and `>` or `/>` */
  attrs: string;
  /** the text between the start and end tags; undefined for an empty element (`<x/>`) */
  inner: string | undefined;
}

const NAME_PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/**
 * The first element named `local` (any prefix) at or after `from`, with its content; nested
 * elements of the same name are not expected (none of the parts edited here nests them).
 */
export function findElement(xml: string, local: string, from = 0): Found | undefined {
  const open = new RegExp(`<(${NAME_PREFIX})${local}(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return undefined;
  const prefix = m[1]!;
  const start = m.index;
  if (m[3] === '/') return { start, end: open.lastIndex, prefix, attrs: m[2]!, inner: undefined };
  const close = `</${prefix}${local}>`;
  const at = xml.indexOf(close, open.lastIndex);
  if (at < 0) return undefined;
  return { start, end: at + close.length, prefix, attrs: m[2]!, inner: xml.slice(open.lastIndex, at) };
}

/** Every element named `local` in `xml` (not nested in one another), in order. */
export function* elements(xml: string, local: string): Generator<Found> {
  let from = 0;
  for (let e = findElement(xml, local); e; e = findElement(xml, local, from)) {
    yield e;
    from = e.end;
  }
}

/** An attribute's value (entities decoded), by its local name, whatever its prefix. */
export function attr(attrs: string, local: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${NAME_PREFIX}${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

/** The attributes' text with `local` set to `value` (replaced where it is, else added). */
export function withAttr(attrs: string, local: string, value: string): string {
  const re = new RegExp(`(\\s)${local}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const set = `${local}="${escapeXml(value)}"`;
  return re.test(attrs) ? attrs.replace(re, `$1${set}`) : `${attrs} ${set}`;
}

/** The attributes' text without `local`. */
export function withoutAttr(attrs: string, local: string): string {
  return attrs.replace(new RegExp(`\\s${local}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

/** An element's start tag rebuilt with other attributes, keeping whether it was empty. */
export function retag(xml: string, e: Found, local: string, attrs: string): string {
  const tag = `<${e.prefix}${local}${attrs}${e.inner === undefined ? '/>' : '>'}`;
  const body = e.inner === undefined ? '' : `${e.inner}</${e.prefix}${local}>`;
  return xml.slice(0, e.start) + tag + body + xml.slice(e.end);
}

/** Text and attribute values as XML writes them. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with the five named entities and character references decoded. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? all;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * A list element (`<fills count="2">…</fills>`) with `added` appended to its `child` elements and
 * its count updated, and how many children it had; undefined when it is absent.
 */
export function appendToList(xml: string, local: string, child: string, added: string[]): { xml: string; before: number } | undefined {
  const list = findElement(xml, local);
  if (!list) return undefined;
  const before = [...elements(list.inner ?? '', child)].length;
  const inner = (list.inner ?? '') + added.join('');
  const attrs = withAttr(list.attrs, 'count', String(before + added.length));
  const rebuilt = `<${list.prefix}${local}${attrs}>${inner}</${list.prefix}${local}>`;
  return { xml: xml.slice(0, list.start) + rebuilt + xml.slice(list.end), before };
}
