import type { CountrySettings, Observation, ReleaseConfig, TableMetadata, TableSet } from '@mch/core';

/**
 * Every observation carries its reference date and territory note (definitions.md): stocks refer
 * to 1 January (or the census date the Metadata sheet gives), flows to the calendar year; the
 * territory comes from the configuration, then the Metadata sheet.
 */
export function annotateReference(observations: readonly Observation[], metadata: readonly TableMetadata[], config: ReleaseConfig, tableSet: TableSet): Observation[] {
  const stock = new Set(tableSet.tables.filter((t) => t.kind === 'stock').map((t) => t.id));
  const sheet = new Map(metadata.map((m) => [`${m.ref_area}|${m.table}`, m]));
  return observations.map((o) => {
    const meta = sheet.get(`${o.ref_area}|${o.table}`);
    const settings = config.countries[o.ref_area];
    const reference_date = stock.has(o.table) ? stockDate(o, meta) : `${o.time_period}-01-01/${o.time_period}-12-31`;
    const territory = territoryIn(settings, o.time_period) || meta?.territory || '';
    return { ...o, reference_date, territory };
  });
}

/** A census date the country gives (an ISO date in its year) is kept; otherwise 1 January. */
function stockDate(o: Observation, meta: TableMetadata | undefined): string {
  const given = meta?.reference_date.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  if (given && o.definition_basis === 'CENSUS' && given.startsWith(String(o.time_period))) return given;
  return `${o.time_period}-01-01`;
}

function territoryIn(settings: CountrySettings | undefined, year: number): string {
  if (!settings) return '';
  const change = settings.territory_changes.filter((c) => c.first_year <= year).sort((a, b) => b.first_year - a.first_year)[0];
  return change?.text ?? settings.territory;
}
