import type { QualityInput } from './model';

export interface RegisteredBreak {
  text_en: string;
  text_ru: string;
}

/** Breaks known for a country, table and first year: the break register first, then the country's metadata. */
export function breakLookup(input: QualityInput): (refArea: string, table: string, year: number) => RegisteredBreak | undefined {
  const known = new Map<string, RegisteredBreak>();
  for (const m of input.data.metadata) {
    for (const b of m.breaks) known.set(`${m.ref_area}|${m.table}|${b.year}`, { text_en: b.text, text_ru: b.text });
  }
  for (const b of input.breaks) {
    for (const t of b.tables) known.set(`${b.ref_area}|${t}|${b.first_year}`, { text_en: b.text_en, text_ru: b.text_ru });
  }
  return (r, t, y) => known.get(`${r}|${t}|${y}`);
}
