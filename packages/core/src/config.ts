import { z } from 'zod';
import { ConfStatus, DefinitionBasis, MigrType, ObsStatus, Severity } from './codes';
import { RuleId } from './finding';

// parseYamlWith refuses prototype-pollution keys before validation
const safeRecord = <V extends z.ZodType>(value: V) => z.record(z.string(), value);

const TableId = z.string().regex(/^T\d{2}$/, 'a table id such as T04');
const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as ARM');
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'a date that exists, as YYYY-MM-DD');

/** 2013-02-30 matches the pattern but is no date. */
export function isCalendarDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
/** Paths are relative to the repository root and may not leave it. */
const RepoPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'a path inside the repository, without ".."');

export const SubmittedFile = z.strictObject({
  path: RepoPath,
  /** data-collection round the file belongs to, e.g. 2011 or 2013 */
  round: z.number().int(),
  /** the file replaces the values of earlier files for the keys it covers */
  supersedes: z.boolean().default(false),
  received: IsoDate.optional(),
  /** why the country sent this file (a resubmission's reason), for CHANGES.md; else the file's own note is used */
  reason: z.string().min(1).optional().describe('why this file was sent (for a resubmission: what it corrects), shown in CHANGES.md beside the values it revises; without it, the note the file itself gives is used'),
  /** the reason in Russian */
  reason_ru: z.string().min(1).optional().describe('the reason in Russian'),
});
export type SubmittedFile = z.infer<typeof SubmittedFile>;

export const LegendEntry = z.strictObject({
  /** the value the symbol stands for; null = no value */
  value: z.number().nullable(),
  obs_status: ObsStatus,
  conf_status: ConfStatus.default('F'),
});
export type LegendEntry = z.infer<typeof LegendEntry>;

export const Layout = z.strictObject({
  years: z.enum(['columns', 'rows', 'sheets']).default('columns'),
  migr_type: z.enum(['row-blocks', 'column-blocks']).default('row-blocks'),
  sex: z.enum(['columns', 'row-blocks']).default('columns'),
});
export type Layout = z.infer<typeof Layout>;

export const RuleSettings = z.strictObject({
  enabled: z.boolean().optional(),
  severity: Severity.optional(),
  /** absolute tolerance in persons */
  tolerance: z.number().min(0).optional(),
  /** relative tolerance, 0.01 = 1 % */
  tolerance_share: z.number().min(0).optional(),
  threshold: z.number().min(0).optional(),
  min_size: z.number().min(0).optional(),
  z_score: z.number().min(0).optional(),
  band_low: z.number().min(0).optional(),
  band_high: z.number().min(0).optional(),
  /** MCH-T01: cells of one table, year and type that move together make one level-shift finding */
  shift_cells: z.number().int().min(1).optional(),
  shift_share: z.number().min(0).max(1).optional(),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

export const CountrySettings = z.strictObject({
  files: z.array(SubmittedFile).default([]),
  /** label → code, for labels no library or alias table knows */
  aliases: safeRecord(z.string()).default({}),
  /** the country's own symbols, overriding the default legend */
  legend: safeRecord(LegendEntry).default({}),
  blank_is_zero: z.boolean().default(false),
  layout: Layout.default({ years: 'columns', migr_type: 'row-blocks', sex: 'columns' }),
  /** per table id, or `default` */
  definition_basis: safeRecord(DefinitionBasis).default({}),
  /** a basis that applies from a year on (Russian Federation 2011: STAY_REG_9M), over definition_basis */
  basis_changes: z
    .array(z.strictObject({ first_year: z.number().int(), tables: z.array(TableId).optional(), basis: DefinitionBasis }))
    .default([]),
  /**
   * what a basis means for this country, in its own words: the duration rule of border-crossing
   * data (BORDER), the definition behind OTHER (definitions.md: "with a text"), by table or for all
   */
  basis_notes: z
    .array(z.strictObject({ basis: DefinitionBasis, tables: z.array(TableId).optional(), en: z.string().min(1), ru: z.string().min(1) }))
    .default([]),
  /** territory notes that apply from a year on (Ukraine 2014), over `territory` */
  territory_changes: z.array(z.strictObject({ first_year: z.number().int(), text: z.string().min(1), text_ru: z.string().min(1).optional() })).default([]),
  /** IMEM duration of the country's flow definition, for the optional 12-month series; none = no coefficient */
  imem_duration: z.enum(['0', '3', '6', '12', 'permanent', 'none']).optional(),
  /** stock reference date as reported: '01-01' or '12-31' (31 December is published as 1 January t+1) */
  stock_reference: z.enum(['01-01', '12-31']).optional(),
  territory: z.string().default(''),
  /** the territory note in Russian, for the Russian notes and the bilingual tables */
  territory_ru: z.string().optional(),
  /** groups of tables the country declares as coming from one source (MCH-A04 errors) */
  same_source: z.array(z.array(TableId)).default([]),
  /** what the country says it can supply (MCH-C01) */
  supply: z
    .strictObject({ tables: z.array(TableId), years: z.array(z.number().int()).optional(), migr_types: z.array(MigrType).optional() })
    .optional(),
  clearance: z.strictObject({ cleared: z.boolean(), by: z.string().default(''), date: IsoDate.optional() }).optional(),
  /** who the country's figures cover, as the country says it; the Russian texts for the Russian notes */
  coverage: z
    .strictObject({ labour_migrants: z.string(), refugees: z.string(), labour_migrants_ru: z.string().optional(), refugees_ru: z.string().optional() })
    .optional(),
  sun_is_foreign_born: z.boolean().default(true),
  /** CIS membership as this country reports its CIS aggregate */
  cis_members: z.array(Iso3).optional(),
  rules: z.partialRecord(RuleId, RuleSettings).default({}),
});
export type CountrySettings = z.infer<typeof CountrySettings>;

export const BreakEntry = z.strictObject({
  ref_area: Iso3,
  first_year: z.number().int(),
  tables: z.array(TableId).min(1),
  text_en: z.string().min(1),
  text_ru: z.string().min(1),
});
export type BreakEntry = z.infer<typeof BreakEntry>;

/** A break register kept in its own file: a YAML list of breaks. */
export const BreakRegister = z.array(BreakEntry);

export const Waiver = z.strictObject({
  rule: RuleId,
  ref_area: Iso3,
  table: TableId.optional(),
  time_period: z.number().int().optional(),
  /** observation key (ref_area|table|year|type|sex|age|partner) */
  key: z.string().optional(),
  /** sha256 of the values the waived finding saw; a resubmission that changes them revives it */
  fingerprint: z.string().optional(),
  justification: z.string().min(1),
  approved_by: z.string().min(1),
  date: IsoDate,
  /** a release version ("2014.1") or a date; judged against the release date, never the clock */
  expires: z.string().min(1),
});
export type Waiver = z.infer<typeof Waiver>;

export const NotesMetadata = z.strictObject({
  title_en: z.string(),
  title_ru: z.string(),
  contact: z.strictObject({ organisation: z.string(), unit: z.string(), email: z.string(), organisation_ru: z.string(), unit_ru: z.string().optional() }),
  /** free SIMS sections by concept id, each in both languages */
  sections: safeRecord(z.strictObject({ en: z.string(), ru: z.string() })).default({}),
  /** the licence of the published figures (datapackage.json `licenses`); default: CC BY 3.0 IGO, as UNECE's statistical databases */
  license: z
    .strictObject({
      /** an Open Definition / SPDX licence id, as the Data Package profile asks */
      name: z.string().regex(/^[-a-zA-Z0-9._]+$/, 'a licence id such as CC-BY-3.0-IGO'),
      path: z.string().regex(/^https?:\/\/\S+$/, 'the URL of the licence text'),
      title: z.string().min(1),
    })
    .default({ name: 'CC-BY-3.0-IGO', path: 'https://creativecommons.org/licenses/by/3.0/igo/', title: 'Creative Commons Attribution 3.0 IGO' })
    .describe('licence of the published figures, written to datapackage.json; default CC BY 3.0 IGO, the licence of UNECE statistical databases'),
});
export type NotesMetadata = z.infer<typeof NotesMetadata>;

/** pipelines/<pipeline>/<version>.yaml (cli.md "Release configuration"). */
export const ReleaseConfig = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().regex(/^\d{4}\.\d+$/, 'a release version such as 2013.1'),
  release_date: IsoDate,
  reference_years: z.array(z.number().int().min(1950).max(2100)).min(1),
  table_set: RepoPath,
  codelists: RepoPath,
  /** optional external break register (YAML list), merged with `breaks` */
  break_register: RepoPath.optional(),
  breaks: z.array(BreakEntry).default([]),
  previous_release: RepoPath.optional(),
  countries: z.partialRecord(Iso3, CountrySettings),
  rules: z.partialRecord(RuleId, RuleSettings).default({}),
  waivers: z.array(Waiver).default([]),
  /** optional derived series: flows on a 12-month basis with the IMEM duration coefficients (analytical annex only) */
  imem: z
    .strictObject({
      enabled: z.boolean(),
      coefficients: z
        .strictObject({ '0': z.number(), '3': z.number(), '6': z.number(), '12': z.number(), permanent: z.number() })
        .default({ '0': 0.53, '3': 0.63, '6': 0.73, '12': 1, permanent: 2.26 }),
    })
    .default({ enabled: false, coefficients: { '0': 0.53, '3': 0.63, '6': 0.73, '12': 1, permanent: 2.26 } }),
  benchmarks: z.strictObject({ ims2019: RepoPath.optional(), wpp2024: RepoPath.optional() }).default({}),
  metadata: NotesMetadata,
  release_notes: z.string().default(''),
  /** the release calendar: when the next release is expected (a date or a sentence), if set */
  next_release: z.string().min(1).optional(),
});
export type ReleaseConfig = z.infer<typeof ReleaseConfig>;
export type ReleaseConfigInput = z.input<typeof ReleaseConfig>;

/** Typed helper for configuration written in code (tests, generators). */
export function defineReleaseConfig(config: ReleaseConfigInput): ReleaseConfig {
  return ReleaseConfig.parse(config);
}

/** Every problem of an invalid configuration, as "path: what was expected" lines. */
export function describeConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
