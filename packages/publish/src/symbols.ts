/**
 * The one mapping of statuses to symbols (releases.md): every writer takes its symbols from here,
 * and every legend (cover sheets, PX notes, PDFs, the release page) lists these entries.
 *
 * `status` is an OBS_STATUS code, or one of two marks of the published cell that are not
 * statuses: `DERIVED` (a value the Clearing House computed, not one a country sent) and
 * `ELSEWHERE` (no row of its own: the country reported this partner inside another row, such as
 * "Other countries"). `excel` is the text of a cell without a value or the marker beside a value;
 * `px` is the dot code of a cell without a value, or `NOTE` where the value carries a cell note;
 * `csv` is what the status column of the CSV files says.
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
  {
    status: 'ELSEWHERE',
    excel: '[i]',
    px: '"....."',
    csv: '—',
    en: 'included in another row (such as "Other countries")',
    ru: 'включено в другую строку (например, «Прочие страны»)',
  },
  { status: 'E', excel: '[e]', px: 'NOTE', csv: 'E', en: 'estimated', ru: 'оценка' },
  { status: 'P', excel: '[p]', px: 'NOTE', csv: 'P', en: 'provisional', ru: 'предварительные данные' },
  { status: 'B', excel: '[b]', px: 'NOTE', csv: 'B', en: 'break in series', ru: 'разрыв ряда' },
  {
    status: 'DERIVED',
    excel: '[d]',
    px: 'NOTE',
    csv: 'derived=true',
    en: 'derived: computed by the Clearing House from the reported parts, not reported by the country',
    ru: 'расчётное значение: вычислено Информационным центром из представленных данных, страной не представлено',
  },
];

const BY_STATUS = new Map(SYMBOLS.map((s) => [s.status, s]));

export function symbolOf(status: string): SymbolEntry {
  const s = BY_STATUS.get(status);
  if (!s) throw new Error(`symbols: no entry for status ${status}`);
  return s;
}

/** The line of a legend for one entry in one writer's notation, "[x] not available / нет данных". */
export function legendLine(s: SymbolEntry, notation: string): string {
  return `${notation} ${s.en} / ${s.ru}`;
}

/** A zero the country wrote as a dash: 0 in Excel and the CSV files, `-` in PX (releases.md). */
export const DASH_ZERO = { en: '0: reported as "-" (nil)', ru: '0: сообщено как «-» (нет явления)' } as const;
