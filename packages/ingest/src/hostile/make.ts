import { type Parts, type Sheet, baseSheet, editPart, questionnaireParts, zipParts } from './base';
import type { Category, Expect, HostileFile, Rand } from './types';

/** One corpus file; `name` is made unique by the corpus. */
export function file(category: Category, what: string, ext: string, bytes: () => Uint8Array, expect: Expect, flags: { heavy?: boolean; soffice?: boolean } = {}): HostileFile {
  const slug = what
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '')
    .slice(0, 48);
  return { name: `${category}-${slug}.${ext}`, category, what, bytes, expect, ...flags };
}

export const SHEET = 'xl/worksheets/sheet1.xml';

/** The base questionnaire with its T04 sheet XML edited (the sheet model is built fresh from the seed each time). */
export function withSheetXml(r: Rand, edit: (xml: string) => string | Uint8Array, model?: (s: Sheet) => Sheet): () => Uint8Array {
  const sheet = (model ?? ((s) => s))(baseSheet(r));
  return () => zipParts(editPart(questionnaireParts(sheet), SHEET, edit));
}

export function withParts(r: Rand, edit: (parts: Parts) => Parts, model?: (s: Sheet) => Sheet): () => Uint8Array {
  const sheet = (model ?? ((s) => s))(baseSheet(r));
  return () => zipParts(edit(questionnaireParts(sheet)));
}

/** Replaces the XML of one cell (as the base writes it, `<c r="C7">…</c>`). */
export function cellXml(xml: string, ref: string, replacement: string): string {
  const re = new RegExp(`<c r="${ref}"[^>]*>.*?</c>|<c r="${ref}"[^>]*/>`, 'u');
  if (!re.test(xml)) throw new Error(`the base sheet has no cell ${ref}`);
  return xml.replace(re, replacement);
}

export function text(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
