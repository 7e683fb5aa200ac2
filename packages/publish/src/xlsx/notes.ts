import type { Observation, TableDef } from '@mch/core';
import { cmp } from '@mch/core';
import type { ReleaseModel } from '../model';
import { bilingual, safeText } from '../text';

/** One numbered note of a workbook; `country` is '' for notes on the whole table. */
export interface WorkbookNote {
  number: number;
  country: string;
  text: string;
}

export interface WorkbookNotes {
  notes: WorkbookNote[];
  /** note numbers that apply to a whole country sheet */
  bySheet: Map<string, number[]>;
  /** note numbers by country and the country's own footnote reference */
  byRef: Map<string, number>;
}

/**
 * The notes of one table's workbook, numbered in a fixed order: breaks, harmonisation remarks,
 * territory, then the countries' own footnotes (which observations reference by `note_refs`).
 */
export function workbookNotes(model: ReleaseModel, table: TableDef, countries: readonly string[]): WorkbookNotes {
  const notes: WorkbookNote[] = [];
  const bySheet = new Map<string, number[]>();
  const byRef = new Map<string, number>();
  const add = (country: string, text: string): number => {
    notes.push({ number: notes.length + 1, country, text });
    if (country) bySheet.set(country, [...(bySheet.get(country) ?? []), notes.length]);
    return notes.length;
  };
  for (const country of countries) {
    const breaks = model.breaks
      .filter((b) => b.ref_area === country && b.tables.includes(table.id))
      .sort((a, b) => a.first_year - b.first_year || cmp(a.text_en, b.text_en));
    for (const b of breaks) add(country, bilingual(`Break in series from ${b.first_year}: ${b.text_en}`, `Разрыв ряда с ${b.first_year} г.: ${b.text_ru}`));
    const remarks = model.data.remarks.filter((r) => r.ref_area === country && r.table === table.id);
    for (const r of [...remarks].sort((a, b) => cmp(a.text_en, b.text_en))) add(country, bilingual(r.text_en, r.text_ru));
    // one note per country: the configured text (English) first, then what the country's sheet says
    // in other words (often Russian), each said once rather than repeated under both labels
    const settings = model.config.countries[country];
    const configured = settings?.territory;
    const fromSheets = model.data.metadata.filter((m) => m.ref_area === country && m.table === table.id && m.territory).map((m) => safeText(m.territory));
    const territories = [...new Set([...(configured ? [safeText(configured)] : []), ...(settings?.territory_ru ? [safeText(settings.territory_ru)] : []), ...[...fromSheets].sort(cmp)])];
    if (territories.length) add(country, `Territory / Территория: ${territories.join(' / ')}`);
  }
  for (const country of countries) {
    const own = model.data.notes.filter((n) => n.ref_area === country && n.table === table.id).sort((a, b) => cmp(a.ref, b.ref));
    for (const n of own) {
      const key = `${country}|${n.ref}`;
      if (byRef.has(key)) continue;
      notes.push({ number: notes.length + 1, country, text: `${country} (${safeText(n.ref)}): ${safeText(n.text)}` });
      byRef.set(key, notes.length);
    }
  }
  return { notes, bySheet, byRef };
}

/** "[note 3] [note 5]" for the footnotes a row's observations reference. */
export function rowNoteRefs(rowObservations: readonly Observation[], notes: WorkbookNotes): string {
  const numbers = new Set<number>();
  for (const o of rowObservations) for (const ref of o.note_refs) {
    const n = notes.byRef.get(`${o.ref_area}|${ref}`);
    if (n !== undefined) numbers.add(n);
  }
  return noteRefs([...numbers]);
}

export function noteRefs(numbers: readonly number[]): string {
  return [...numbers].sort((a, b) => a - b).map((n) => `[note ${n}]`).join(' ');
}
