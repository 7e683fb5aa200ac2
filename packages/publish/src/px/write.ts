import { safeText } from '../text';
import { MAX_LINE, type PxCell, type PxEntry, type PxItem } from './entries';

/** Longest piece of one text on a line: a quoted chunk plus the keyword head still fits. */
const CHUNK = 200;
const EOL = '\r\n';

/**
 * Text as PX can hold it: no control characters, no line breaks, and no `"` (the format has no
 * escape for it, so a double quote from a label becomes an apostrophe).
 */
export function pxText(value: string): string {
  return safeText(value).replace(/"/g, "'");
}

/** The lines of a PX file, CRLF-terminated, every line within the specification's 256 characters. */
export function serialisePx(entries: readonly PxEntry[]): string {
  return entries.map((e) => serialiseEntry(e).join(EOL)).join(EOL) + EOL;
}

function serialiseEntry(e: PxEntry): string[] {
  const lines = new LineBuilder();
  let head = e.keyword + (e.lang ? `[${e.lang}]` : '');
  if (e.subkeys.length) {
    lines.add(`${head}(`);
    e.subkeys.forEach((s, i) => {
      lines.add(`${quote(s)}${i < e.subkeys.length - 1 ? ',' : ')='}`);
    });
    head = '';
  } else lines.add(`${head}=`);
  const data = e.items[0]?.kind === 'data' ? e.items[0] : null;
  if (data) return [...lines.done(), ...dataLines(data.cells, data.rowLength ?? data.cells.length)];
  e.items.forEach((item, i) => {
    const last = i === e.items.length - 1;
    const atoms = itemAtoms(item);
    atoms.forEach((atom, j) => {
      if (j > 0) lines.newline();
      lines.add(atom + (j === atoms.length - 1 ? (last ? ';' : ',') : ''));
    });
  });
  return lines.done();
}

/**
 * DATA: each stub row starts a line (for people reading the file); long rows wrap at the line
 * limit, as LineBuilder fills lines. Written out here because a table has hundreds of thousands of
 * cells: a figure's size in bytes is its length (digits only), and only a symbol is measured.
 */
function dataLines(cells: readonly PxCell[], rowLength: number): string[] {
  if (!cells.length) return [';'];
  const lines: string[] = [];
  const perRow = Math.max(1, rowLength);
  let line = '';
  let size = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    // every DATA line ends with a space (Statistics Sweden's PX guidance): readers that join lines
    // without a separator would otherwise glue the last cell of a line to the first of the next
    const atom = `${c.kind === 'number' ? String(c.value) : quote(c.symbol)}${i === cells.length - 1 ? ';' : ' '}`;
    const n = c.kind === 'number' ? atom.length : bytes(atom);
    if (i % perRow === 0 || (line !== '' && size + n > MAX_LINE)) {
      if (line !== '') lines.push(line);
      line = atom;
      size = n;
    } else {
      line += atom;
      size += n;
    }
  }
  lines.push(line);
  return lines;
}

function itemAtoms(item: PxItem): string[] {
  switch (item.kind) {
    case 'text':
      return splitText(item.text).map(quote);
    case 'word':
      return [item.text];
    case 'tlist':
      return [item.range ? `TLIST(${item.unit},${quote(item.range[0])}-${quote(item.range[1])})` : `TLIST(${item.unit})`];
    case 'pair':
      return [`${quote(item.parent)}:${quote(item.child)}`];
    case 'data':
      throw new Error('px: DATA must be the only item of its keyword');
  }
}

/**
 * Splits a long text into chunks that concatenate back to it exactly, preferring to break after a
 * space. Chunks are measured in UTF-8 bytes, never splitting a character: a Cyrillic letter takes
 * two, and readers that read PX lines into byte buffers count bytes.
 */
export function splitText(value: string): string[] {
  if (bytes(value) <= CHUNK) return [value];
  const chunks: string[] = [];
  let rest = [...value];
  while (bytes(rest.join('')) > CHUNK) {
    let end = 0;
    for (let size = 0; end < rest.length && size + bytes(rest[end]!) <= CHUNK; end++) size += bytes(rest[end]!);
    const space = rest.lastIndexOf(' ', end - 1);
    const cut = space > end / 2 ? space + 1 : end;
    chunks.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
  }
  chunks.push(rest.join(''));
  return chunks;
}

/** Length of a line as the PX specification's 256 limit is read here: UTF-8 bytes. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function quote(s: string): string {
  if (s.includes('"')) throw new Error(`px: a double quote inside text: ${s}`);
  return `"${s}"`;
}

/** Greedy line filling: an atom goes on the current line if it fits, else on a new one. */
class LineBuilder {
  private readonly lines: string[] = [];
  private current = '';
  /** UTF-8 bytes of the current line, kept as it grows (DATA lines take thousands of atoms) */
  private size = 0;
  add(atom: string, separator = ''): void {
    const size = bytes(atom);
    if (this.current === '') {
      this.current = atom;
      this.size = size;
      return;
    }
    const joined = this.size + bytes(separator) + size;
    if (joined <= MAX_LINE) {
      this.current += separator + atom;
      this.size = joined;
    } else {
      this.lines.push(this.current);
      this.current = atom;
      this.size = size;
    }
  }
  newline(): void {
    this.lines.push(this.current);
    this.current = '';
    this.size = 0;
  }
  done(): string[] {
    this.lines.push(this.current);
    return this.lines.filter((l) => l !== '');
  }
}
