/** Longest raw text kept in provenance and messages; a 10⁵-character field is evidence enough at this length. */
const MAX_RAW = 200;

// C0/C1 controls (tab and newline aside) and bidi overrides that could reorder or hide text
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const ANY_UNSAFE = new RegExp(UNSAFE.source, 'u');

/** The raw text of a cell as kept in provenance: control and bidi characters removed, length capped. */
export function safeRaw(text: string, max = MAX_RAW): string {
  // a test, then a replace only where there is something to remove: this runs for every value cell
  const clean = ANY_UNSAFE.test(text) ? text.replace(UNSAFE, '') : text;
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Text quoted inside a message: one line, no controls, capped. */
export function quote(text: string): string {
  return `"${safeRaw(text).replace(/[\r\n\t]+/g, ' ')}"`;
}
