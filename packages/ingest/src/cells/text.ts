// kept in core beside the workbook reader, whose messages quote sheet names the same way
export { quote, safeRaw } from '@mch/core/xlsx';

/** Spaces of every width, including NBSP and the narrow ones Excel and Word insert. */
export const SPACE_CHARS = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/gu;

export function collapseSpaces(text: string): string {
  return text.replace(SPACE_CHARS, ' ').trim();
}

/** Longest note or metadata text kept. */
export const MAX_NOTE = 4000;

/** "English / Русский": the parts of a label written in both languages, or undefined. */
export function bilingualParts(text: string): string[] | undefined {
  const parts = text.split(/\s+\/\s+/u).map((p) => p.trim());
  return parts.length > 1 && parts.every(Boolean) ? parts : undefined;
}

/** Longest label matched against the code lists: beyond it, a cell holds no country name (and edit distances would cost seconds). */
export const MAX_LABEL = 200;
