import type { ConfStatus, LegendEntry, ObsStatus } from '@mch/core';
import { collapseSpaces } from './text';

export interface Status {
  obs_status: ObsStatus;
  conf_status: ConfStatus;
}
export interface SymbolMeaning extends Status {
  value: number | null;
}

/** A country's symbols (whole-cell) and flags (after a number), the default legend overridden by its own. */
export interface Legend {
  symbols: ReadonlyMap<string, SymbolMeaning>;
  /** the symbols by their lower-case spelling, the first of each in `symbols` order */
  lower: ReadonlyMap<string, SymbolMeaning>;
  /** longest first, so "(p)" is tried before "p" */
  flags: readonly { suffix: string; status: Status }[];
}

const missing: SymbolMeaning = { value: null, obs_status: 'O', conf_status: 'F' };
const zero: SymbolMeaning = { value: 0, obs_status: 'A', conf_status: 'F' };
const cannotExist: SymbolMeaning = { value: null, obs_status: 'M', conf_status: 'F' };
const confidential: SymbolMeaning = { value: null, obs_status: 'Q', conf_status: 'C' };

// definitions.md "Symbols and flags"; Cyrillic х, с, р, е are written as escapes so they cannot be mistaken for Latin
const DEFAULT_SYMBOLS: [string, SymbolMeaning][] = [
  ['..', missing],
  ['...', missing],
  ['…', missing],
  [':', missing],
  ['-', zero],
  ['–', zero],
  ['—', zero],
  ['x', cannotExist],
  ['X', cannotExist],
  ['\u0445', cannotExist],
  ['\u0425', cannotExist],
  ['c', confidential],
  ['C', confidential],
  ['\u0441', confidential],
  ['\u0421', confidential],
  ['conf', confidential],
];

const P: Status = { obs_status: 'P', conf_status: 'F' };
const E: Status = { obs_status: 'E', conf_status: 'F' };
const B: Status = { obs_status: 'B', conf_status: 'F' };
const DEFAULT_FLAGS: [string, Status][] = [
  ['*', P],
  ['p', P],
  ['(p)', P],
  ['\u0440', P],
  ['(\u0440)', P],
  ['e', E],
  ['(e)', E],
  ['est', E],
  ['\u0435', E],
  ['(\u0435)', E],
  ['b', B],
  ['(b)', B],
];

export function buildLegend(own: Readonly<Record<string, LegendEntry>>): Legend {
  const symbols = new Map<string, SymbolMeaning>(DEFAULT_SYMBOLS);
  const flags = new Map<string, Status>(DEFAULT_FLAGS);
  for (const [key, entry] of Object.entries(own)) {
    const k = collapseSpaces(key);
    if (!k) continue;
    symbols.set(k, { value: entry.value, obs_status: entry.obs_status, conf_status: entry.conf_status });
    // a symbol that is not itself a number can also follow one, as a flag ("123 к")
    if (!/\d/.test(k)) flags.set(k, { obs_status: entry.obs_status, conf_status: entry.conf_status });
  }
  const ordered = [...flags].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const lower = new Map<string, SymbolMeaning>();
  for (const [k, v] of symbols) if (!lower.has(k.toLowerCase())) lower.set(k.toLowerCase(), v);
  return { symbols, lower, flags: ordered.map(([suffix, status]) => ({ suffix, status })) };
}

/** Whole-cell symbol: exact spelling first, then ignoring case. */
export function lookupSymbol(legend: Legend, text: string): SymbolMeaning | undefined {
  return legend.symbols.get(text) ?? legend.lower.get(text.toLowerCase());
}
