import { BASIS_LABELS, OBSERVATION_COLUMNS, type TableDef, cmp } from '@mch/core';
import { stableJson } from './hash';
import type { ReleaseModel, WrittenFile } from './model';
import { SDMX_COLUMNS, SDMX_DIMENSIONS, counterpartRole } from './sdmx';
import { publishedWaivers } from './published/waivers';

export const MANIFEST = 'datapackage.json';

const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  html: 'text/html',
  js: 'text/javascript',
  json: 'application/json',
  md: 'text/markdown',
  pdf: 'application/pdf',
  px: 'text/x-pcaxis',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
};

const NO_VALUE = [{ value: '', label: 'no value: obs_status says why (O not available, M not applicable, Q confidential)' }];

/** A Table Schema field (Data Package 2.0). */
export interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  categories?: { value: string; label: string }[];
  trueValues?: string[];
  falseValues?: string[];
  /** on key fields: an empty string is a code ("does not apply"), not a missing value */
  missingValues?: string[];
}

type FieldInfo = Omit<Field, 'name'>;

const ROLE_TEXT: Record<string, string> = {
  BIRTH: 'country of birth',
  CITIZENSHIP: 'country of citizenship',
  PREVIOUS_RESIDENCE: 'country of previous residence',
  NEXT_RESIDENCE: 'country of next residence',
  PREVIOUS_CITIZENSHIP: 'country of previous citizenship',
  _Z: 'not applicable (an age table: no partner)',
};

const ROLE_CATEGORIES = Object.entries(ROLE_TEXT).map(([value, label]) => ({ value, label }));

const OBS_STATUS = [
  { value: 'A', label: 'normal value' },
  { value: 'E', label: 'estimated value (among them figures the country reported in thousands, converted to persons)' },
  { value: 'P', label: 'provisional value' },
  { value: 'B', label: 'break in series: the first year after a change of definition, source or territory' },
  { value: 'O', label: 'missing value: not available' },
  { value: 'M', label: 'missing value: cannot exist (not applicable)' },
  { value: 'Q', label: 'missing value: suppressed (confidential)' },
];

const CONF_STATUS = [
  { value: 'F', label: 'free for publication' },
  { value: 'C', label: 'confidential: the value is not published' },
  { value: 'N', label: 'not for publication (shared for mirror comparisons only): the value is not published' },
];

const MIGR_TYPE = [
  { value: 'LT', label: 'long-term migrants (12 months or more, UN Recommendations 1998)' },
  { value: 'ST', label: 'short-term migrants (3 to 12 months, UN Recommendations 1998)' },
  { value: 'NAT', label: 'national definition: what it measures is the definition basis of the row' },
];

const SEX = [
  { value: '_T', label: 'total' },
  { value: 'M', label: 'men' },
  { value: 'F', label: 'women' },
  { value: '_U', label: 'sex unknown' },
];

const BASES = BASIS_LABELS.map((b) => ({ value: b.code, label: b.short_en }));

const BOOLEAN = { type: 'boolean' as const, trueValues: ['true'], falseValues: ['false'] };

/** What a release's tables are: the id, titles, and the role of the partner (COUNTERPART_AREA). */
function tableStatement(model: Pick<ReleaseModel, 'tableSet'>) {
  return [...model.tableSet.tables]
    .sort((a, b) => cmp(a.id, b.id))
    .map((t) => ({
      id: t.id,
      title_en: t.title_en,
      title_ru: t.title_ru,
      kind: t.kind,
      breakdown: t.breakdown,
      has_migr_type: t.has_migr_type,
      partner_role: t.partner_role ?? null,
      counterpart_role: counterpartRole(t.partner_role),
    }));
}

function tableCategories(model: Pick<ReleaseModel, 'tableSet'>, partnerColumn: string) {
  return tableStatement(model).map((t) => ({
    value: t.id,
    label: `${t.id} ${t.title_en}; ${partnerColumn}: ${ROLE_TEXT[t.counterpart_role] ?? t.counterpart_role.toLowerCase()}`,
  }));
}

const idList = (tables: readonly TableDef[]) => tables.map((t) => t.id).sort(cmp).join(', ');

/** Titles and descriptions of the columns of data/observations.csv (cli.md), by column name. */
export function observationFieldInfo(model: Pick<ReleaseModel, 'tableSet'>): Record<string, FieldInfo> {
  const tables = model.tableSet.tables;
  const noType = idList(tables.filter((t) => !t.has_migr_type));
  const ageTables = idList(tables.filter((t) => t.breakdown === 'AGE'));
  const partnerTables = idList(tables.filter((t) => t.breakdown === 'PARTNER'));
  return {
    ref_area: {
      type: 'string',
      title: 'Reporting country',
      description: 'ISO 3166-1 alpha-3 code of the country whose national statistical office reported the figure.',
      missingValues: [],
    },
    table: {
      type: 'string',
      title: 'Table',
      description: 'Clearing House table id. Its label (and the resource property mch:tables) says what the partner column is in that table.',
      categories: tableCategories(model, 'partner'),
      missingValues: [],
    },
    time_period: {
      type: 'integer',
      title: 'Reference year',
      description: 'Flows: the calendar year. Stocks: the population on 1 January of this year (a census stock keeps its census year).',
    },
    migr_type: {
      type: 'string',
      title: 'Type of migration',
      description: `LT long-term, ST short-term, NAT national definition (its meaning is the row's definition_basis). Empty in tables without a type of migration (${noType}).`,
      categories: [...MIGR_TYPE, { value: '', label: 'not applicable: a table without a type of migration' }],
      missingValues: [],
    },
    sex: { type: 'string', title: 'Sex', description: 'SDMX CL_SEX: _T total, M men, F women, _U sex unknown.', categories: SEX, missingValues: [] },
    age: {
      type: 'string',
      title: 'Age group',
      description: `Age group in SDMX style (Y_LT5 under 5, Y5-9 … Y_GE85 85 and over, _U unknown, _T total) in the age tables (${ageTables}); empty in the partner tables.`,
      missingValues: [],
    },
    partner: {
      type: 'string',
      title: 'Partner country or category',
      description:
        `Country of birth, citizenship, previous residence, next residence or previous citizenship, as the table's label says (partner tables ${partnerTables}): ` +
        'an ISO 3166-1 alpha-3 code, or SUN/YUG/CSK (USSR, Yugoslavia, Czechoslovakia, not elsewhere specified), STLS stateless, UNK unknown, OTH other countries, ' +
        'CIS, FAR (far abroad) and BALT as reported, MCH12 and FSU15 (aggregates the Clearing House derives), _T total. Empty in the age tables.',
      missingValues: [],
    },
    obs_value: {
      type: 'number',
      title: 'Number of persons',
      description: 'The figure, in persons. Empty when there is no value (not available, not applicable or confidential): obs_status says which.',
    },
    obs_status: { type: 'string', title: 'Observation status', description: 'SDMX OBS_STATUS of the value.', categories: OBS_STATUS },
    conf_status: { type: 'string', title: 'Confidentiality status', description: 'SDMX CONF_STATUS of the value; only free values (F) are published with a value.', categories: CONF_STATUS },
    definition_basis: {
      type: 'string',
      title: 'Definition basis',
      description: "What the country's series measures (its registration or duration rule), by country, table, year and type of migration; explained in the methodological notes.",
      categories: BASES,
    },
    unit_mult: {
      type: 'integer',
      title: 'Unit multiplier',
      description: 'Power of ten obs_value is multiplied by: always 0, values are in persons (figures a country reported in thousands have been converted to persons and marked E).',
    },
    derived: {
      ...BOOLEAN,
      title: 'Derived value',
      description: 'true for a value the Clearing House computed (aggregates such as MCH12, FSU15, BALT, totals and age groups, from complete reported parts); false for a value the country reported.',
    },
    note_refs: {
      type: 'string',
      title: 'Note references',
      description: 'Numbers of the notes that apply to the value, separated by "|": note N is [note N] of the Notes sheet of tables/<table>.xlsx and of the country note (VALUENOTEX) of px/<table>.px; notes on a whole country table are listed there too.',
    },
    source_file: {
      type: 'string',
      title: 'Source file',
      description: "Path of the country's file the value was read from (listed with its hash in mch.inputs); empty for derived values.",
    },
    source_sha256: { type: 'string', title: 'Source file hash', description: 'SHA-256 of the content of source_file.' },
    source_sheet: { type: 'string', title: 'Source sheet', description: 'Worksheet of source_file the value was read from; empty for a CSV file.' },
    source_cell: { type: 'string', title: 'Source cell', description: 'Cell of the value (A1 reference), or for a CSV file its line number (header = 1).' },
    source_raw: {
      type: 'string',
      title: 'Source text',
      description: 'The text of the cell as the country wrote it; empty for values that are not free for publication.',
    },
  };
}

/** Titles and descriptions of the columns of sdmx/mch.csv (SDMX-CSV 2.0), by column name. */
export function sdmxFieldInfo(model: Pick<ReleaseModel, 'tableSet'>): Record<string, FieldInfo> {
  const tables = model.tableSet.tables;
  return {
    STRUCTURE: { type: 'string', title: 'Structure type', description: 'SDMX-CSV 2.0: always "dataflow".' },
    STRUCTURE_ID: { type: 'string', title: 'Structure id', description: 'The dataflow, UNECE:MCH(1.0); its data structure and code lists are in sdmx/structure.xml.' },
    ACTION: { type: 'string', title: 'Action', description: 'SDMX-CSV action: always "I" (information, the full data set).' },
    FREQ: { type: 'string', title: 'Frequency', description: 'Always A (annual).', categories: [{ value: 'A', label: 'annual' }], missingValues: [] },
    REF_AREA: { type: 'string', title: 'Reporting country', description: 'ISO 3166-1 alpha-3 code of the country that reported the figure.', missingValues: [] },
    MCH_TABLE: {
      type: 'string',
      title: 'Clearing House table',
      description: 'Table id. Its label (and the resource property mch:tables) says what COUNTERPART_AREA is in that table; COUNTERPART_ROLE repeats it on every row.',
      categories: tableCategories(model, 'COUNTERPART_AREA'),
      missingValues: [],
    },
    TIME_PERIOD: {
      type: 'integer',
      title: 'Reference year',
      description: 'Flows: the calendar year. Stocks: the population on 1 January of this year (a census stock keeps its census year).',
    },
    MIGR_TYPE: {
      type: 'string',
      title: 'Type of migration',
      description: `LT long-term, ST short-term, NAT national definition (its meaning is DEF_BASIS); _Z in tables without a type of migration (${idList(tables.filter((t) => !t.has_migr_type))}).`,
      categories: [...MIGR_TYPE, { value: '_Z', label: 'not applicable' }],
      missingValues: [],
    },
    SEX: { type: 'string', title: 'Sex', description: 'SDMX CL_SEX: _T total, M men, F women, _U sex unknown.', categories: SEX, missingValues: [] },
    AGE: {
      type: 'string',
      title: 'Age group',
      description: `Age group (Y_LT5, Y5-9 … Y_GE85, _U unknown, _T total) in the age tables (${idList(tables.filter((t) => t.breakdown === 'AGE'))}); _Z in the partner tables.`,
      missingValues: [],
    },
    COUNTERPART_AREA: {
      type: 'string',
      title: 'Partner country or category',
      description:
        'The partner of the figure; what it is (country of birth, citizenship, previous residence, next residence or previous citizenship) depends on MCH_TABLE and is given by COUNTERPART_ROLE. ' +
        'ISO 3166-1 alpha-3, or SUN/YUG/CSK (former states, not elsewhere specified), STLS stateless, UNK unknown, OTH other countries, CIS, FAR and BALT as reported, ' +
        'MCH12 and FSU15 (derived aggregates), _T total; _Z in the age tables.',
      missingValues: [],
    },
    OBS_VALUE: {
      type: 'number',
      title: 'Number of persons',
      description: 'The figure: OBS_VALUE × 10^UNIT_MULT persons. Empty when there is no value; OBS_STATUS says why.',
    },
    UNIT_MEASURE: { type: 'string', title: 'Unit of measure', description: 'Always PS (persons).', categories: [{ value: 'PS', label: 'persons' }] },
    UNIT_MULT: { type: 'integer', title: 'Unit multiplier', description: 'Power of ten OBS_VALUE is multiplied by: always 0, values are in persons.' },
    OBS_STATUS: { type: 'string', title: 'Observation status', description: 'SDMX OBS_STATUS of the value.', categories: OBS_STATUS },
    CONF_STATUS: { type: 'string', title: 'Confidentiality status', description: 'SDMX CONF_STATUS of the value; only free values (F) are published with a value.', categories: CONF_STATUS },
    DERIVED: {
      ...BOOLEAN,
      title: 'Derived value',
      description: 'true for an aggregate the Clearing House computed from complete reported parts (MCH12, FSU15, BALT, totals, age groups); false for a value the country reported.',
    },
    DEF_BASIS: {
      type: 'string',
      title: 'Definition basis',
      description: "What the country's series measures (its registration or duration rule), explained in the methodological notes.",
      categories: [...BASES, { value: '_Z', label: 'not given' }],
    },
    COUNTERPART_ROLE: {
      type: 'string',
      title: 'Role of the partner',
      description: 'What COUNTERPART_AREA is in this row, from MCH_TABLE: BIRTH country of birth, CITIZENSHIP, PREVIOUS_RESIDENCE, NEXT_RESIDENCE, PREVIOUS_CITIZENSHIP; _Z in the age tables.',
      categories: ROLE_CATEGORIES,
      missingValues: [],
    },
  };
}

/** The key of observations.csv: one row per published cell. */
export const OBSERVATION_PRIMARY_KEY = ['ref_area', 'table', 'time_period', 'migr_type', 'sex', 'age', 'partner'] as const;

function fieldsOf(columns: readonly string[], info: Record<string, FieldInfo>): Field[] {
  // a column without an entry gets no title or description (a test refuses that)
  return columns.map((name) => ({ name, type: 'string', ...info[name] }));
}

/** Table Schemas of the CSV resources, by release-relative path. */
export function tableSchemas(model: Pick<ReleaseModel, 'tableSet'>) {
  return {
    'data/observations.csv': {
      fields: fieldsOf(OBSERVATION_COLUMNS, observationFieldInfo(model)),
      primaryKey: OBSERVATION_PRIMARY_KEY.filter((c) => (OBSERVATION_COLUMNS as readonly string[]).includes(c)),
      missingValues: NO_VALUE,
    },
    'sdmx/mch.csv': {
      fields: fieldsOf(SDMX_COLUMNS, sdmxFieldInfo(model)),
      // the SDMX dimensions (sdmx.ts), those the file has
      primaryKey: SDMX_DIMENSIONS.filter((c) => (SDMX_COLUMNS as readonly string[]).includes(c)),
      missingValues: NO_VALUE,
    },
  } as Record<string, { fields: Field[]; primaryKey: string[]; missingValues: typeof NO_VALUE }>;
}

const RESOURCE_TEXT: Record<string, { title: string; description: string }> = {
  'index.html': {
    title: 'Release page',
    description: 'Open in a browser straight from the folder (no server, nothing loaded from the network): choose a table, countries, years, sex, type and partners; the figures as in the Excel tables, charts, the mirror matrix, and the selection as CSV. Its data are the scripts in site/.',
  },
  'data/observations.csv': {
    title: 'Harmonised observations',
    description: 'Every published value, one row per country, table, year, type of migration, sex, age group and partner, with its status, definition basis, derived mark and source cell.',
  },
  'sdmx/mch.csv': {
    title: 'SDMX-CSV 2.0 of the dataflow UNECE:MCH(1.0)',
    description: 'Every published value as SDMX-CSV, with frequency, unit of measure and the role of the partner (COUNTERPART_ROLE) on every row; see mch:tables for the tables.',
  },
};

function packageDescription(model: ReleaseModel, paths: readonly string[]): string {
  const c = model.config;
  const years = [...c.reference_years].sort((a, b) => a - b);
  const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]);
  const countries = Object.keys(c.countries).sort(cmp);
  const tables = [...model.tableSet.tables].map((t) => t.id).sort(cmp);
  const has = (prefix: string) => paths.some((p) => p.startsWith(prefix));
  const parts = [
    has('data/observations.csv') && 'data/observations.csv, every published value with its status, definition basis and source',
    has('sdmx/mch.csv') && 'sdmx/mch.csv, the same values as SDMX-CSV 2.0',
    has('tables/') && 'tables/, the Excel tables',
    has('px/') && 'px/, PX files for PxWeb',
    has('jsonstat/') && 'jsonstat/, JSON-stat 2.0',
    has('sdmx/structure.xml') && 'sdmx/structure.xml, the SDMX-ML 2.1 structure (code lists, data structure, dataflow) behind sdmx/mch.csv',
    has('notes/') && 'notes/, the methodological notes in English and Russian',
    has('quality/') && 'quality/, the public quality summary',
    has('CHANGES.md') && 'CHANGES.md, what changed since the previous release and why',
    has('index.html') && 'index.html, the release page to browse, chart and download the figures offline (its data in site/)',
  ].filter(Boolean);
  return (
    `Release ${c.version} (${c.release_date}) of the UNECE Clearing House on Migration Statistics: the migration tables ` +
    `${tables[0]}–${tables[tables.length - 1]} (listed with the role of their partner in the mch:tables property of the CSV resources) ` +
    `reported by the national statistical offices of ${countries.length} countries (${countries.join(', ')}) for the reference years ${span}, harmonised to one set of codes. ` +
    'Values are numbers of persons; values the Clearing House computed (aggregates) are marked derived; each series carries its definition basis. ' +
    (parts.length ? `Files: ${parts.join('; ')}.` : '')
  ).trim();
}

/** datapackage.json (Frictionless Data Package v2) over every other file of the release. */
export function dataPackage(model: ReleaseModel, files: readonly WrittenFile[]): string {
  const schemas = tableSchemas(model);
  const tables = tableStatement(model);
  const resources = [...files]
    .sort((a, b) => cmp(a.path, b.path))
    .map((f) => {
      const ext = f.path.slice(f.path.lastIndexOf('.') + 1);
      const schema = schemas[f.path];
      return {
        name: f.path.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        path: f.path,
        bytes: f.bytes,
        hash: `sha256:${f.sha256}`,
        mediatype: MEDIA_TYPES[ext] ?? 'application/octet-stream',
        ...(RESOURCE_TEXT[f.path] ?? {}),
        ...(ext === 'csv' ? { type: 'table', format: 'csv', encoding: 'utf-8', dialect: { header: true, delimiter: ',', lineTerminator: '\n' } } : {}),
        ...(schema ? { schema, 'mch:tables': tables } : {}),
      };
    });
  // the configuration's licence; core's schema defaults it to CC BY 3.0 IGO, as UNECE's statistical databases
  const license = model.config.metadata.license;
  const manifest = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'unece-mch',
    title: model.config.metadata.title_en,
    description: packageDescription(model, files.map((f) => f.path)),
    version: model.config.version,
    created: `${model.config.release_date}T00:00:00Z`,
    licenses: [{ name: license.name, path: license.path, title: license.title }],
    resources,
    mch: {
      release_date: model.config.release_date,
      reference_years: [...model.config.reference_years].sort((a, b) => a - b),
      // the folder as configured (a later release follows this link back); its version beside it
      previous_release: model.config.previous_release ?? null,
      previous_version: model.previous?.version ?? null,
      configuration: model.configFile ? { path: model.configFile.path, hash: `sha256:${model.configFile.sha256}` } : null,
      inputs: [...model.inputs].sort((a, b) => cmp(a.path, b.path)).map((i) => ({ path: i.path, bytes: i.bytes, hash: `sha256:${i.sha256}` })),
      // the waivers the gate passed under (scale-and-safety.md: recorded in the manifest and the notes)
      waivers: publishedWaivers(model).map((w) => ({ rule: w.rule, ref_area: w.ref_area, table: w.table, years: w.years, findings: w.count, justification: w.justification, approved_on: w.date, expires: w.expires })),
      code_version: { packages: model.codeVersion.packages, lockfile_hash: `sha256:${model.codeVersion.lockfile_sha256}` },
      environment: { node: model.environment.node, platform: model.environment.platform },
    },
  };
  return stableJson(manifest);
}
