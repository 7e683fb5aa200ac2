import type { CountrySettings, ReleaseConfig, TableMetadata, TableSet } from '@mch/core';

/** The reference date and territory of an observation, from its final year and basis. */
export interface ReferenceAnnotator {
  referenceDate(refArea: string, table: string, year: number, basis: string): string;
  territory(refArea: string, table: string, year: number): string;
}

/**
 * Every observation carries its reference date and territory note (definitions.md): stocks refer
 * to 1 January (or the census date the Metadata sheet gives), flows to the calendar year; the
 * territory comes from the configuration, then the Metadata sheet.
 */
export function referenceAnnotator(metadata: readonly TableMetadata[], config: ReleaseConfig, tableSet: TableSet): ReferenceAnnotator {
  const stock = new Set(tableSet.tables.filter((t) => t.kind === 'stock').map((t) => t.id));
  const sheet = new Map(metadata.map((m) => [`${m.ref_area}|${m.table}`, m]));
  // rows come in runs of one country, table and year: the answer for the row before is reused,
  // and the millions of observations of a run share one string
  let date = { refArea: '', table: '', year: Number.NaN, basis: '', text: '' };
  let place = { refArea: '', table: '', year: Number.NaN, text: '' };
  return {
    referenceDate(refArea, table, year, basis) {
      if (date.refArea !== refArea || date.table !== table || date.year !== year || date.basis !== basis) {
        const text = stock.has(table) ? stockDate(year, basis, sheet.get(`${refArea}|${table}`)) : `${year}-01-01/${year}-12-31`;
        date = { refArea, table, year, basis, text };
      }
      return date.text;
    },
    territory(refArea, table, year) {
      if (place.refArea !== refArea || place.table !== table || place.year !== year) {
        place = { refArea, table, year, text: territoryIn(config.countries[refArea], year) || sheet.get(`${refArea}|${table}`)?.territory || '' };
      }
      return place.text;
    },
  };
}

/** A census date the country gives (an ISO date in its year) is kept; otherwise 1 January. */
function stockDate(year: number, basis: string, meta: TableMetadata | undefined): string {
  const given = meta?.reference_date.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (given && basis === 'CENSUS' && given.startsWith(String(year))) return given;
  return `${year}-01-01`;
}

function territoryIn(settings: CountrySettings | undefined, year: number): string {
  if (!settings) return '';
  let change: CountrySettings['territory_changes'][number] | undefined;
  // the first of equal first years wins, as the stable sort (latest first) did
  for (const c of settings.territory_changes) if (c.first_year <= year && (!change || c.first_year > change.first_year)) change = c;
  return change?.text ?? settings.territory;
}
