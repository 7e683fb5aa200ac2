import type { Finding } from '@mch/core';
import { appendToList, attr, elements, findElement, retag, withAttr } from './ooxml-text';
import { SEVERITY } from './text';

/** Why a workbook's parts cannot take the feedback: its findings are then listed in a workbook of their own. */
export class NotAnnotatable extends Error {}

/**
 * The styles part of a workbook, with what the feedback adds: a fill per severity, the cell
 * formats of the marked cells (each a copy of the cell's own format with that fill, so its
 * number format, font and borders stay), and bold fonts for the summary's titles and the
 * listing's header. Existing formats keep their indexes, so no cell of the workbook changes.
 */
type Severity = Finding['severity'];

export class StylesEdit {
  private readonly prefix: string;
  private readonly fills = new Map<Severity, number>();
  private readonly added = { fills: [] as string[], fonts: [] as string[], xfs: [] as string[] };
  private readonly marked = new Map<string, number>();
  private readonly xfs: string[];
  private readonly counts: { fills: number; fonts: number; xfs: number };
  private readonly fontZero: string;
  private bold?: number;
  private titleStyle?: number;

  constructor(private readonly xml: string) {
    const cellXfs = findElement(xml, 'cellXfs');
    const fills = findElement(xml, 'fills');
    const fonts = findElement(xml, 'fonts');
    if (!cellXfs || !fills || !fonts) throw new NotAnnotatable('the styles part lacks its cell formats, fills or fonts');
    const inner = cellXfs.inner ?? '';
    this.xfs = [...elements(inner, 'xf')].map((e) => inner.slice(e.start, e.end));
    const fontList = [...elements(fonts.inner ?? '', 'font')];
    this.fontZero = fontList[0] ? (fonts.inner ?? '').slice(fontList[0].start, fontList[0].end) : `<${fonts.prefix}font><${fonts.prefix}sz val="11"/></${fonts.prefix}font>`;
    this.counts = { fills: [...elements(fills.inner ?? '', 'fill')].length, fonts: fontList.length, xfs: this.xfs.length };
    if (!this.xfs.length) throw new NotAnnotatable('the styles part has no cell format');
    this.prefix = cellXfs.prefix;
  }

  /** The cell format of a cell marked with `severity` whose own format is `s` (its index, or undefined for none). */
  markedStyle(s: string | undefined, severity: Severity): number {
    const own = s !== undefined && /^\d+$/.test(s) && Number(s) < this.xfs.length ? Number(s) : 0;
    const key = `${own}|${severity}`;
    const known = this.marked.get(key);
    if (known !== undefined) return known;
    const xf = this.xfs[own]!;
    const found = findElement(xf, 'xf')!;
    const copy = retag(xf, found, 'xf', withAttr(withAttr(found.attrs, 'fillId', String(this.fillFor(severity))), 'applyFill', '1'));
    const index = this.addXf(copy);
    this.marked.set(key, index);
    return index;
  }

  /** The format of the listing's header and the summary's lines of text in bold. */
  boldStyle(): number {
    this.bold ??= this.addXf(this.fontXf(this.addFont(false)));
    return this.bold;
  }

  /** The format of the summary's two title lines: bold, 13 points. */
  titleStyleIndex(): number {
    this.titleStyle ??= this.addXf(this.fontXf(this.addFont(true)));
    return this.titleStyle;
  }

  /** The styles part with everything added. */
  text(): string {
    let out = this.xml;
    for (const [list, child, added] of [
      ['fills', 'fill', this.added.fills],
      ['fonts', 'font', this.added.fonts],
      ['cellXfs', 'xf', this.added.xfs],
    ] as const) {
      if (!added.length) continue;
      out = appendToList(out, list, child, added)!.xml;
    }
    return out;
  }

  private fillFor(severity: Severity): number {
    const known = this.fills.get(severity);
    if (known !== undefined) return known;
    const p = this.prefix;
    this.added.fills.push(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${SEVERITY[severity].argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    const index = this.counts.fills + this.added.fills.length - 1;
    this.fills.set(severity, index);
    return index;
  }

  /** The workbook's first font, bold (and 13 points for a title). */
  private addFont(title: boolean): number {
    const p = this.prefix;
    const font = findElement(this.fontZero, 'font')!;
    let inner = (font.inner ?? '').replace(/<(?:[A-Za-z_][\w.-]*:)?b(?:\s[^>]*)?\/>/, '');
    if (title) inner = inner.replace(/<(?:[A-Za-z_][\w.-]*:)?sz(?:\s[^>]*)?\/>/, '') + `<${p}sz val="13"/>`;
    this.added.fonts.push(`<${font.prefix}font${font.attrs}><${p}b/>${inner}</${font.prefix}font>`);
    return this.counts.fonts + this.added.fonts.length - 1;
  }

  private fontXf(fontId: number): string {
    return `<${this.prefix}xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`;
  }

  private addXf(xf: string): number {
    this.added.xfs.push(xf);
    return this.counts.xfs + this.added.xfs.length - 1;
  }
}

/** The cell format index a cell's attributes name, if any. */
export const styleOf = (attrs: string): string | undefined => attr(attrs, 's');
