import { attr, elements, escapeXml, findElement } from './ooxml-text';
import { NotAnnotatable } from './styles-edit';

/** A note to put on a cell: its A1 reference, its 0-based row and column, its text. */
export interface CellNote {
  ref: string;
  row: number;
  col: number;
  text: string;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const AUTHOR = 'mch';

const runXml = (p: string, text: string) => `<${p}r><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r>`;

/** A comments part holding the notes alone. */
export function newCommentsPart(notes: readonly CellNote[]): string {
  const list = notes.map((n) => `<comment ref="${n.ref}" authorId="0"><text>${runXml('', n.text)}</text></comment>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>${AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * The sheet's own comments part with the notes added under an author "mch": a cell the country
 * commented already keeps its comment, with the note after it; the others get one of their own.
 */
export function mergedCommentsPart(xml: string, notes: readonly CellNote[]): string {
  const authors = findElement(xml, 'authors');
  const list = findElement(xml, 'commentList');
  if (!authors || !list) throw new NotAnnotatable('the comments part lacks its authors or its list');
  const p = list.prefix;
  const authorId = [...elements(authors.inner ?? '', 'author')].length;
  const original = list.inner ?? '';
  // each commented cell's end of text, found once: a sheet may hold thousands of comments
  const endOfText = new Map<string, { at: number; prefix: string }>();
  for (const c of elements(original, 'comment')) {
    const ref = attr(c.attrs, 'ref')?.toUpperCase();
    const text = findElement(original.slice(c.start, c.end), 'text');
    if (ref && text && text.inner !== undefined && !endOfText.has(ref)) endOfText.set(ref, { at: c.start + text.end - `</${text.prefix}text>`.length, prefix: text.prefix });
  }
  const inserts: { at: number; xml: string }[] = [];
  const added: string[] = [];
  for (const n of notes) {
    const end = endOfText.get(n.ref);
    if (end) inserts.push({ at: end.at, xml: runXml(end.prefix, `\n\n${n.text}`) });
    else added.push(`<${p}comment ref="${n.ref}" authorId="${authorId}"><${p}text>${runXml(p, n.text)}</${p}text></${p}comment>`);
  }
  inserts.sort((a, b) => a.at - b.at);
  let inner = '';
  let from = 0;
  for (const i of inserts) {
    inner += original.slice(from, i.at) + i.xml;
    from = i.at;
  }
  inner += original.slice(from);
  const authorsXml = `<${authors.prefix}authors${authors.attrs}>${authors.inner ?? ''}<${authors.prefix}author>${AUTHOR}</${authors.prefix}author></${authors.prefix}authors>`;
  const listXml = `<${p}commentList${list.attrs}>${inner}${added.join('')}</${p}commentList>`;
  // the list follows the authors in the part
  return xml.slice(0, authors.start) + authorsXml + xml.slice(authors.end, list.start) + listXml + xml.slice(list.end);
}

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The drawn box of one note, hidden until the cell is pointed at, as Excel draws it. */
function noteShape(id: number, n: CellNote, namespaces: string): string {
  const anchor = `${n.col + 1}, 15, ${Math.max(n.row - 1, 0)}, 10, ${n.col + 4}, 15, ${n.row + 4}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"${namespaces}>` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** A drawing part (VML) holding the boxes of the notes alone; `block` is its own block of shape ids in the workbook. */
export function newNotesDrawing(notes: readonly CellNote[], block: number): string {
  const shapes = notes.map((n, i) => noteShape(block * 1024 + 1 + i, n, '')).join('');
  return `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${NOTE_SHAPETYPE}${shapes}</xml>`;
}

/**
 * The sheet's own drawing part (its form controls, or the boxes of its comments) with the boxes of
 * the new notes added after what it draws; VML is not XML Excel reads strictly, so it is appended
 * to as text, each shape declaring the namespaces it uses.
 */
export function mergedNotesDrawing(vml: string, notes: readonly CellNote[]): string {
  const end = vml.toLowerCase().lastIndexOf('</xml>');
  if (end < 0) throw new NotAnnotatable('the drawing part has no </xml>');
  let next = Math.max(0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
  const shapetype = vml.includes('id="_x0000_t202"') ? '' : NOTE_SHAPETYPE.replace('<v:shapetype', `<v:shapetype ${VML_NS}`);
  const shapes = notes.map((n) => noteShape(next++, n, ` ${VML_NS}`)).join('');
  return vml.slice(0, end) + shapetype + shapes + vml.slice(end);
}

/** The blocks of shape ids the package's drawings claim (`<o:idmap data="1,2">`). */
export function claimedBlocks(vml: string): number[] {
  return [...vml.matchAll(/<o:idmap\b[^>]*\bdata="([^"]*)"/g)].flatMap((m) => m[1]!.split(/[,\s]+/).filter(Boolean).map(Number));
}
