import type {
  BreakEntry,
  CodeLists,
  FindingSource,
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

/** What a rule may read: the input, the shared index and its own settings per country. */
export interface RuleContext {
  input: QualityInput;
  index: DataIndex;
  /** the mirror comparison, built once before the rules run */
  mirror: MirrorRow[];
  /** the cells refused at ingest, placed: an identity that may have lost a part to one skips */
  holes: HoleIndex;
  /** the rule's threshold for a country: country setting, else release setting, else the rule default */
  setting(refArea: string, name: Threshold): number;
  /** counts identities a rule checked or had to skip, per country */
  checked(refArea: string, n?: number): void;
  skipped(refArea: string, n?: number): void;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** documented defaults of quality.md; configuration overrides them */
  defaults: Partial<Record<Threshold, number>>;
  check(ctx: RuleContext): Draft[];
}
