import type {
  BreakEntry,
  CodeLists,
  Finding,
  FindingSource,
  FlaggedSeries,
  HarmonisedData,
  MirrorRow,
  Observation,
  QualityReport,
  ReleaseConfig,
  RuleId,
  RuleSettings,
  Severity,
  TableSet,
} from '@mch/core';
import type { HoleIndex } from './holes';
import type { DataIndex } from './index-data';

/** The observations of one published release. */
export interface ReleaseObservations {
  version: string;
  observations: Observation[];
}

/** One figure of a benchmark series (UN DESA IMS 2019 stocks, UN WPP 2024 net migration), read by the CLI. */
export interface BenchmarkValue {
  series: 'ims2019' | 'wpp2024';
  ref_area: string;
  time_period: number;
  sex: string;
  value: number;
}

export interface QualityInput {
  config: ReleaseConfig;
  tableSet: TableSet;
  codelists: CodeLists;
  data: HarmonisedData;
  /** the break register: config.breaks plus the external register */
  breaks: BreakEntry[];
  /** the previous published release (MCH-R01, MCH-T03) */
  previous?: ReleaseObservations;
  /**
   * the releases before the previous one, newest first, as far back as the chain of previous
   * releases goes (MCH-T03 "two releases after it first appeared"). Absent: unknown, so a value
   * provisional in the previous release cannot be judged; empty: the previous release was the first.
   */
  history?: ReleaseObservations[];
  /** benchmark figures for MCH-B01; the rule skips when absent */
  benchmarks?: BenchmarkValue[];
  /**
   * the previous release's internal report (its report.json), so the findings of this round are
   * told as new, still open or resolved; absent: not compared (a warning about the run says so
   * when `compareWithPrevious` asks for the comparison)
   */
  previousReport?: Pick<QualityReport, 'version' | 'findings'>;
  /**
   * `mch check` compares with the previous release's internal report; `mch release` does not,
   * so a published release never depends on a report left on this machine
   */
  compareWithPrevious?: boolean;
}

/** A finding as a rule sees it: before severity overrides, fingerprint and waivers. */
export interface Draft {
  /** stable key within the rule; the finding id is `<rule>:<key>` */
  key: string;
  ref_area: string;
  table: string;
  time_period: number | null;
  migr_type: string;
  sex: string;
  age: string;
  partner: string;
  values: Record<string, number | null>;
  /** what else the finding saw that is not a number (the raw text of a refused cell); part of the fingerprint */
  seen?: Record<string, string>;
  sources: FindingSource[];
  message: string;
  message_ru: string;
  /** a rule-specific default (A04: error for tables from one source); config overrides it */
  severity?: Severity;
  /** the series the finding is about, year by year, for the report's chart (MCH-T01) */
  series?: { points: { time_period: number; value: number }[]; flagged_years: number[] };
}

export type Threshold = keyof Omit<RuleSettings, 'enabled' | 'severity'>;

/** What every rule may ask: its settings per country and the counts of what it checked. */
interface Counting {
  /** the rule's threshold for a country: country setting, else release setting, else the rule default */
  setting(refArea: string, name: Threshold): number;
  /** counts identities a rule checked or had to skip, per country */
  checked(refArea: string, n?: number): void;
  skipped(refArea: string, n?: number): void;
}

/**
 * What the rules on one country read: the release without the previous internal report, which
 * only the report's comparison across rounds reads (finishQuality). So a country's checks are the
 * same for `mch check` and `mch release`, and cached once for both.
 */
export type CountryRuleInput = Omit<QualityInput, 'previousReport' | 'compareWithPrevious'>;

/** What a rule of one country may read: that country's input, its index, the placed holes. */
export interface RuleContext extends Counting {
  /** one country's part of the release (countryInputs): its observations, rejections, files … */
  input: CountryRuleInput;
  index: DataIndex;
  /** the cells refused at ingest, placed: an identity that may have lost a part to one skips */
  holes: HoleIndex;
}

/** What a rule across countries may read: the release without its observations, and the mirror. */
export interface ReleaseContext extends Counting {
  input: ReleaseQualityInput;
  /** the mirror comparison, built from every country's extract */
  mirror: MirrorRow[];
}

interface RuleBase {
  id: RuleId;
  severity: Severity;
  /** documented defaults of quality.md; configuration overrides them */
  defaults: Partial<Record<Threshold, number>>;
}

/** A rule that looks at one country at a time (all but the mirror). */
export interface Rule extends RuleBase {
  scope?: 'country';
  check(ctx: RuleContext): Draft[];
}

/** A rule that compares countries: it reads only their extracts. */
export interface ReleaseRule extends RuleBase {
  scope: 'release';
  check(ctx: ReleaseContext): Draft[];
}

/**
 * The release as the rules across countries and the report need it once every country is
 * checked: everything but the observations (the files and metadata records are few).
 */
export interface ReleaseQualityInput extends Omit<QualityInput, 'data' | 'previous' | 'history'> {
  data: Pick<HarmonisedData, 'files' | 'metadata'>;
  previous?: Pick<ReleaseObservations, 'version'>;
}

/** One cell of a mirror table, as little of it as the mirror reads. */
export type MirrorCell = Pick<Observation, 'obs_value' | 'conf_status' | 'definition_basis' | 'territory' | 'source'>;

/**
 * What the mirror needs of one country (the slim extract): for each year and type of its
 * immigration and emigration tables, the flows by sex with each reporting country and the total;
 * and the basis and territory its metadata gives those tables, for cells that carry none.
 */
export interface MirrorExtract {
  ref_area: string;
  /** table → year → migration type → "sex|partner" → cell */
  tables: Map<string, Map<number, Map<string, Map<string, MirrorCell>>>>;
  metadata: Map<string, { definition_basis: string; territory: string }>;
}

/** Observations, missing values, present values and refused cells of one table and year. */
export interface CompletenessCount {
  observations: number;
  missing: number;
  rejected: number;
  present: number;
}

/** Everything one country's checks leave for the rest of the run; its observations can then go. */
export interface CountryChecks {
  ref_area: string;
  /** in the catalogue's order, severity and fingerprint set, waivers not yet applied */
  findings: Finding[];
  /** the series behind year-on-year findings, for the report's chart */
  series: { finding: Finding; series: Omit<FlaggedSeries, 'finding'> }[];
  /** per rule and country (a rule may count for another country than the one checked) */
  tallies: Map<RuleId, Map<string, Tally>>;
  mirror: MirrorExtract;
  /** "table|year" → counts, the years of the release */
  completeness: Map<string, CompletenessCount>;
  /** "ref_area|table|file" → the years of the values each file gave a table (MCH-W01 on the metadata basis) */
  sourceYears: Map<string, Set<number>>;
}

export interface Tally {
  checked: number;
  skipped: number;
}
