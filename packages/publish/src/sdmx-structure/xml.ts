import { safeText } from '../text';

/** An element: name, attributes in the order given, then text or child elements. */
export interface XmlElement {
  name: string;
  attrs?: [string, string][];
  text?: string;
  children?: XmlElement[];
}

export function el(name: string, attrs: Record<string, string> = {}, children: XmlElement[] | string = []): XmlElement {
  const pairs = Object.entries(attrs);
  return typeof children === 'string' ? { name, attrs: pairs, text: children } : { name, attrs: pairs, children };
}

/** The document, two spaces per level, one element per line: the same model gives the same bytes. */
export function xmlDocument(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const write = (e: XmlElement, depth: number) => {
    const pad = '  '.repeat(depth);
    const attrs = (e.attrs ?? []).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
    if (e.text !== undefined) lines.push(`${pad}<${e.name}${attrs}>${escapeXml(safeText(e.text))}</${e.name}>`);
    else if (!e.children?.length) lines.push(`${pad}<${e.name}${attrs}/>`);
    else {
      lines.push(`${pad}<${e.name}${attrs}>`);
      for (const c of e.children) write(c, depth + 1);
      lines.push(`${pad}</${e.name}>`);
    }
  };
  write(root, 0);
  return `${lines.join('\n')}\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
