/**
 * Text from country files (labels, notes) is untrusted: control characters are dropped and
 * line breaks become spaces, so it cannot break a file format or hide content.
 */
export function safeText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

/** Both languages in one string (the team's choice: "English / Русский", English first). */
export function bilingual(en: string, ru: string): string {
  const e = safeText(en);
  const r = safeText(ru);
  return e === r || !r ? e : `${e} / ${r}`;
}
