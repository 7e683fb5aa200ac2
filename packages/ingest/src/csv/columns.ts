/**
 * The long CSV columns of submissions.md §2, matched without regard to case; PARENT (optional, our
 * addition) names the partner row an "of which" row is a part of.
 */
export const CSV_COLUMNS = ['REF_AREA', 'TABLE', 'TIME_PERIOD', 'MIGR_TYPE', 'SEX', 'AGE', 'PARTNER', 'OBS_VALUE', 'OBS_STATUS', 'CONF_STATUS', 'NOTE', 'UNIT_MULT', 'PARENT'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: CsvColumn[] = ['TABLE', 'TIME_PERIOD', 'SEX', 'OBS_VALUE'];

function columnName(field: string): CsvColumn | undefined {
  const n = normalised(field);
  return CSV_COLUMNS.find((c) => c === n);
}

function normalised(field: string): string {
  return field.replace(/^\ufeff/u, '').trim().replace(/^"|"$/gu, '').trim().toUpperCase();
}

/** The delimiter under which the header line names the most known columns (`,` `;` or tab). */
export function detectDelimiter(headerLine: string): string | undefined {
  let best: { d: string; n: number } | undefined;
  for (const d of [',', ';', '\t']) {
    const n = headerLine.split(d).filter((f) => columnName(f)).length;
    if (n > (best?.n ?? 1)) best = { d, n };
  }
  return best?.d;
}

/** Column positions by name, or the required columns that are missing. */
export function mapColumns(header: string[]): { index: Partial<Record<CsvColumn, number>> } | { missing: CsvColumn[] } | { twice: CsvColumn[] } {
  const index: Partial<Record<CsvColumn, number>> = {};
  const twice = new Set<CsvColumn>();
  header.forEach((f, i) => {
    const c = columnName(f);
    if (c && index[c] !== undefined) twice.add(c);
    else if (c) index[c] = i;
  });
  // two columns of one name: which holds the values is a guess, so the file is refused
  if (twice.size) return { twice: [...twice] };
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (index.AGE === undefined && index.PARTNER === undefined) missing.push('PARTNER');
  return missing.length ? { missing } : { index };
}

/** Whether two header lines name the same columns in the same places (case, spaces and quotes aside). */
export function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((f, i) => normalised(f) === normalised(b[i] ?? ''));
}
