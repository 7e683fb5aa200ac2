/** Cyrillic letters that look like Latin ones, and back. */
const CYR_TO_LAT: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j',
};
const LAT_TO_CYR: Record<string, string> = Object.fromEntries(Object.entries(CYR_TO_LAT).map(([c, l]) => [l, c]));

const FOOTNOTE_TAIL = /(?:\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\d{1,2}\)|\[\d{1,2}\]|\*+))+$/u;

/** Strips trailing footnote markers ("Germany¹", "Германия 1)", "Israel [2]", "Poland*"). */
export function stripFootnoteMarkers(text: string): { text: string; markers: string[] } {
  const match = FOOTNOTE_TAIL.exec(text);
  if (!match || match.index === 0) return { text, markers: [] };
  const markers = match[0].match(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}|\*+/gu) ?? [];
  return { text: text.slice(0, match.index), markers: markers.map(superscriptToDigits) };
}

function superscriptToDigits(s: string): string {
  return s.replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]/gu, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)));
}

/**
 * The comparable form of a label: case, spacing, NBSP, punctuation, trailing footnote markers and
 * look-alike letters of the other alphabet do not matter.
 */
export function normaliseLabel(label: string): string {
  let s = stripFootnoteMarkers(label.trim()).text.normalize('NFKC').replace(/[\u00a0\u2007\u202f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ');
  s = s.trim().toLowerCase().replace(/ё/gu, 'е');
  s = s.replace(/[.,;:'"«»()[\]’`´‘“”„!?*_/\\–—-]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  const cyr = (s.match(/[\u0400-\u04ff]/gu) ?? []).length;
  const lat = (s.match(/[a-z]/gu) ?? []).length;
  if (cyr > 0 && lat > 0) {
    const map = cyr >= lat ? LAT_TO_CYR : CYR_TO_LAT;
    s = [...s].map((c) => map[c] ?? c).join('');
  }
  return s;
}

/** Levenshtein distance, for suggestions on unmapped labels. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  // one row of the table, in a typed array: a suggestion compares a label with every known name
  const prev = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
