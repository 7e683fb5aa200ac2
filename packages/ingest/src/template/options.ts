import type { CodeLists, Observation, TableSet } from '@mch/core';

/** What the blank (or prefilled) questionnaire for one country is made from. */
export interface TemplateOptions {
  /** ISO alpha-3 code of the reporting country */
  country: string;
  /** reference years, one column block each, in this order */
  years: readonly number[];
  tableSet: TableSet;
  codelists: CodeLists;
  /** the data-collection round on the Cover; default: the last year + 1 */
  round?: number;
  contact?: string;
  /** YYYY-MM-DD for the Cover and the workbook properties; never the clock */
  date?: string;
  /** the country's own aliases, so names on the sheets match what its files are read with */
  aliases?: Record<string, string>;
  /** observations to write into their cells (the country's last published figures, for --prefill) */
  values?: readonly Observation[];
}
