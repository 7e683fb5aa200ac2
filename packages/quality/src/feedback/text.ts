import type { Finding } from '@mch/core';

/** Fixed wording of the feedback workbook, in both languages. */
export const SEVERITY: Record<Finding['severity'], { en: string; ru: string; argb: string }> = {
  error: { en: 'error', ru: 'ошибка', argb: 'FFF4A09A' },
  warning: { en: 'warning', ru: 'предупреждение', argb: 'FFFDE8B0' },
  info: { en: 'information', ru: 'информация', argb: 'FFD6E4F5' },
};

export const LISTING_HEADER = [
  'finding / замечание',
  'rule / правило',
  'severity / важность',
  'table / таблица',
  'year / год',
  'type / тип',
  'sex / пол',
  'age / возраст',
  'partner / страна',
  'message',
  'сообщение',
  'file / файл',
  'sheet / лист',
  'cell or line / ячейка или строка',
  'original value / исходное значение',
  'waived / исключение',
];

/** The cell comment: every finding on that cell, English then Russian. */
export function noteText(findings: Finding[]): string {
  return findings
    .map((f) => {
      const waived = f.waived ? ` — waived / исключение: ${f.waiver?.justification ?? ''}` : '';
      return `${f.rule} (${SEVERITY[f.severity].en} / ${SEVERITY[f.severity].ru})${waived}\n${f.message}\n${f.message_ru}`;
    })
    .join('\n\n');
}
