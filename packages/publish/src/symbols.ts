import type { Observation } from '@mch/core';

/**
 * The one mapping of statuses to symbols (releases.md): every writer takes its symbols from here.
 * `excel` is the text of a cell without a value (O, M, Q) or the marker beside a value (E, P, B).
 */
export interface SymbolEntry {
  status: string;
  excel: string;
  px: string;
  csv: string;
  en: string;
  ru: string;
}

export const SYMBOLS: readonly SymbolEntry[] = [
  { status: 'O', excel: '[x]', px: '".."', csv: 'O', en: 'not available', ru: 'нет данных' },
  { status: 'M', excel: '[z]', px: '"..."', csv: 'M', en: 'not applicable', ru: 'не имеет смысла' },
  { status: 'Q', excel: '[c]', px: '"...."', csv: 'Q', en: 'confidential', ru: 'конфиденциально' },
  { status: 'E', excel: '[e]', px: 'NOTE', csv: 'E', en: 'estimated', ru: 'оценка' },
  { status: 'P', excel: '[p]', px: 'NOTE', csv: 'P', en: 'provisional', ru: 'предварительные данные' },
  { status: 'B', excel: '[b]', px: 'NOTE', csv: 'B', en: 'break in series', ru: 'разрыв ряда' },
];

const BY_STATUS = new Map(SYMBOLS.map((s) => [s.status, s]));

/** What an Excel cell shows for a published observation: a number (with an optional marker) or a symbol. */
export type ExcelCell = { kind: 'number'; value: number; marker: string } | { kind: 'symbol'; text: string };

export function excelCell(o: Pick<Observation, 'obs_value' | 'obs_status' | 'conf_status'>): ExcelCell {
  if (o.conf_status !== 'F') return { kind: 'symbol', text: '[c]' };
  if (o.obs_value === null) return { kind: 'symbol', text: BY_STATUS.get(o.obs_status)?.excel ?? '[x]' };
  const marker = ['E', 'P', 'B'].includes(o.obs_status) ? (BY_STATUS.get(o.obs_status)?.excel ?? '') : '';
  return { kind: 'number', value: o.obs_value, marker };
}

/** The cell shown where a country sent nothing for a row and column that other rows have. */
export const NOT_AVAILABLE = '[x]';
