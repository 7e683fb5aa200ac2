import { type CountrySettings, type DefinitionBasis, type MigrType, type Observation, type ReleaseConfig, type TableMetadata, basisForMigrType, migrTypeForBasis } from '@mch/core';
import type { Remark } from './types';

/** Picks each observation's definition basis and keeps the remarks that explain the choices. */
export interface BasisChooser {
  basisOf(o: Observation): DefinitionBasis | '';
  remarks(): Remark[];
}

/**
 * The definition basis of every observation: the release configuration is the curated record and
 * wins; the country's Metadata sheet fills what it leaves open; a disagreement is remarked. A
 * basis that belongs to another migration type than the row's (a short-term row of a long-term
 * country) gives way to the basis of the row's own type: migration type and basis always agree.
 */
export function definitionBasis(metadata: readonly TableMetadata[], config: ReleaseConfig): BasisChooser {
  const fromSheet = new Map<string, DefinitionBasis>();
  for (const m of metadata) if (m.definition_basis) fromSheet.set(`${m.ref_area}|${m.table}|${fileOf(m.from)}`, m.definition_basis);
  const byTable = new Map<string, DefinitionBasis>();
  for (const m of metadata) if (m.definition_basis) byTable.set(`${m.ref_area}|${m.table}`, m.definition_basis);

  const disagreements = new Map<string, { configured: DefinitionBasis; sheet: DefinitionBasis; ref_area: string; table: string }>();
  const mismatches = new Map<string, Map<string, TypeMismatch>>();
  // rows come in runs of one country, table, year and file: the row before answers most of them
  let last: { o: Observation; basis: DefinitionBasis | '' } | undefined;
  const choose = (o: Observation): DefinitionBasis | '' => {
    const configured = configuredBasis(config.countries[o.ref_area], o.table, o.time_period);
    const ownSheet = fromSheet.get(`${o.ref_area}|${o.table}|${o.source?.file ?? ''}`);
    const sheet = ownSheet ?? byTable.get(`${o.ref_area}|${o.table}`);
    // only the Metadata sheet of the file a value came from speaks for its year: another round's
    // sheet (a CSV sent beside a metadata workbook) may describe a later basis
    if (configured && ownSheet && configured !== ownSheet) {
      disagreements.set(`${o.ref_area}|${o.table}`, { configured, sheet: ownSheet, ref_area: o.ref_area, table: o.table });
    }
    const chosen = configured ?? sheet ?? o.definition_basis;
    if (!chosen) return chosen;
    const own = basisForMigrType(chosen, o.migr_type);
    if (!own) return chosen;
    // a short-term row of a long-term country is UN short-term by definition: nothing to explain
    if (!(o.migr_type === 'ST' && migrTypeForBasis(chosen) === 'LT')) {
      const source = configured ? 'configuration' : sheet ? 'sheet' : 'file';
      const table = mismatches.get(`${o.ref_area}|${o.table}`) ?? new Map<string, TypeMismatch>();
      table.set(`${source}|${chosen}|${o.migr_type}`, { source, chosen, migr_type: o.migr_type as MigrType, used: own });
      mismatches.set(`${o.ref_area}|${o.table}`, table);
    }
    return own;
  };
  return {
    basisOf(o) {
      const p = last?.o;
      if (p && p.ref_area === o.ref_area && p.table === o.table && p.time_period === o.time_period && p.migr_type === o.migr_type && p.definition_basis === o.definition_basis && p.source?.file === o.source?.file) {
        return last!.basis;
      }
      last = { o, basis: choose(o) };
      return last.basis;
    },
    remarks() {
      const said = [...disagreements.values()].map(
        (d): Remark => ({
          ref_area: d.ref_area,
          table: d.table,
          text_en: `The configuration records the definition basis ${d.configured}; the country's Metadata sheet says ${d.sheet}. The configuration is used.`,
          text_ru: `В конфигурации указана основа определения ${d.configured}; в листе метаданных страны — ${d.sheet}. Используется конфигурация.`,
        }),
      );
      const typeRemarks = [...mismatches].map(([key, found]): Remark => {
        const [ref_area = '', table = ''] = key.split('|');
        const parts = [...found.values()];
        return { ref_area, table, text_en: parts.map(mismatchEn).join(' '), text_ru: parts.map(mismatchRu).join(' ') };
      });
      return [...said, ...typeRemarks];
    },
  };
}

interface TypeMismatch {
  /** where the basis that did not fit came from */
  source: 'configuration' | 'sheet' | 'file';
  chosen: DefinitionBasis;
  migr_type: MigrType;
  used: DefinitionBasis;
}

const TYPE_EN: Record<MigrType, string> = { LT: 'long-term flows (LT)', ST: 'short-term flows (ST)', NAT: 'flows by national definition (NAT)' };
const TYPE_RU: Record<MigrType, string> = {
  LT: 'долгосрочной миграции (LT)',
  ST: 'краткосрочной миграции (ST)',
  NAT: 'миграции по национальному определению (NAT)',
};
const SOURCE_EN = { configuration: 'The configuration records', sheet: "The country's Metadata sheet gives", file: "The country's file gives" } as const;
const SOURCE_RU = { configuration: 'В конфигурации указана', sheet: 'В листе метаданных страны указана', file: 'В файле страны указана' } as const;

function mismatchEn(m: TypeMismatch): string {
  const own = migrTypeForBasis(m.chosen);
  return `${SOURCE_EN[m.source]} the definition basis ${m.chosen}, a basis of ${own ? TYPE_EN[own] : 'stocks'}, for rows of ${TYPE_EN[m.migr_type]}; they are published on the basis ${m.used}.`;
}

function mismatchRu(m: TypeMismatch): string {
  const own = migrTypeForBasis(m.chosen);
  return `${SOURCE_RU[m.source]} основа определения ${m.chosen}, относящаяся к ${own ? TYPE_RU[own] : 'численности'}, для строк ${TYPE_RU[m.migr_type]}; они публикуются на основе ${m.used}.`;
}

/** Metadata records "file" or "file!sheet"; only the file matters here. */
function fileOf(from: string): string {
  // ingest writes "file#sheet" (older records "file!sheet")
  const at = Math.max(from.lastIndexOf('#'), from.lastIndexOf('!'));
  return at > 0 ? from.slice(0, at) : from;
}

/** The basis the configuration records for a table and year: the latest change in force, else the table's, else the default. */
export function configuredBasis(settings: CountrySettings | undefined, table: string, year: number): DefinitionBasis | undefined {
  if (!settings) return undefined;
  let change: CountrySettings['basis_changes'][number] | undefined;
  // the first of equal first years wins, as a stable sort by first year (latest first) would have it
  for (const c of settings.basis_changes) if (c.first_year <= year && (!c.tables || c.tables.includes(table)) && (!change || c.first_year > change.first_year)) change = c;
  return change?.basis ?? settings.definition_basis[table] ?? settings.definition_basis.default;
}
