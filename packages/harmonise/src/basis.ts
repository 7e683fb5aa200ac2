import type { CountrySettings, DefinitionBasis, Observation, ReleaseConfig, TableMetadata } from '@mch/core';
import type { Remark } from './types';

/**
 * The definition basis of every observation: the release configuration is the curated record and
 * wins; the country's Metadata sheet fills what it leaves open; a disagreement is remarked.
 */
export function assignDefinitionBasis(
  observations: readonly Observation[],
  metadata: readonly TableMetadata[],
  config: ReleaseConfig,
): { observations: Observation[]; remarks: Remark[] } {
  const fromSheet = new Map<string, DefinitionBasis>();
  for (const m of metadata) if (m.definition_basis) fromSheet.set(`${m.ref_area}|${m.table}|${fileOf(m.from)}`, m.definition_basis);
  const byTable = new Map<string, DefinitionBasis>();
  for (const m of metadata) if (m.definition_basis) byTable.set(`${m.ref_area}|${m.table}`, m.definition_basis);

  const remarks = new Map<string, Remark>();
  const out = observations.map((o) => {
    const configured = configuredBasis(config.countries[o.ref_area], o.table, o.time_period);
    const ownSheet = fromSheet.get(`${o.ref_area}|${o.table}|${o.source?.file ?? ''}`);
    const sheet = ownSheet ?? byTable.get(`${o.ref_area}|${o.table}`);
    // only the Metadata sheet of the file a value came from speaks for its year: another round's
    // sheet (a CSV sent beside a metadata workbook) may describe a later basis
    if (configured && ownSheet && configured !== ownSheet) {
      remarks.set(`${o.ref_area}|${o.table}`, {
        ref_area: o.ref_area,
        table: o.table,
        text_en: `The configuration records the definition basis ${configured}; the country's Metadata sheet says ${ownSheet}. The configuration is used.`,
        text_ru: `В конфигурации указана основа определения ${configured}; в листе метаданных страны — ${ownSheet}. Используется конфигурация.`,
      });
    }
    const basis = configured ?? sheet ?? o.definition_basis;
    return basis === o.definition_basis ? o : { ...o, definition_basis: basis };
  });
  return { observations: out, remarks: [...remarks.values()] };
}

/** Metadata records "file" or "file!sheet"; only the file matters here. */
function fileOf(from: string): string {
  const bang = from.lastIndexOf('!');
  return bang > 0 ? from.slice(0, bang) : from;
}

/** The basis the configuration records for a table and year: the latest change in force, else the table's, else the default. */
export function configuredBasis(settings: CountrySettings | undefined, table: string, year: number): DefinitionBasis | undefined {
  if (!settings) return undefined;
  const change = settings.basis_changes
    .filter((c) => c.first_year <= year && (!c.tables || c.tables.includes(table)))
    .sort((a, b) => b.first_year - a.first_year)[0];
  return change?.basis ?? settings.definition_basis[table] ?? settings.definition_basis.default;
}
