import type { RuleId } from './finding';

/**
 * The names of the quality rules (quality.md, "Rule catalogue") in both languages: every writer
 * that names a rule (notes, reports, terminal) says its id and its name, never the id alone.
 */
export const RULE_NAMES: Record<RuleId, { en: string; ru: string }> = {
  'MCH-I01': { en: 'cells refused at ingest', ru: 'ячейки, не принятые при загрузке' },
  'MCH-S01': { en: 'codes allowed in their table, years within the reference years', ru: 'допустимые коды в таблице, годы в пределах отчётных лет' },
  'MCH-S02': { en: 'files that disagree on a value', ru: 'расхождения между файлами по одному значению' },
  'MCH-S03': { en: 'secondary confidentiality', ru: 'вторичная конфиденциальность' },
  'MCH-A01': { en: 'sex additivity', ru: 'аддитивность по полу' },
  'MCH-A02': { en: 'age additivity', ru: 'аддитивность по возрасту' },
  'MCH-A03': { en: 'partner additivity and reported aggregates', ru: 'аддитивность по странам-партнёрам и представленные агрегаты' },
  'MCH-A04': { en: 'totals across tables', ru: 'согласованность итогов разных таблиц' },
  'MCH-A05': { en: 'impossible partner and net migration', ru: 'невозможная страна-партнёр и чистая миграция' },
  'MCH-C01': { en: 'completeness against what the country can supply', ru: 'полнота относительно заявленного страной' },
  'MCH-C02': { en: 'share of unknown partner', ru: 'доля неизвестной страны-партнёра' },
  'MCH-T01': { en: 'year-on-year change', ru: 'изменение к предыдущему году' },
  'MCH-T02': { en: 'every break in series explained', ru: 'объяснение каждого разрыва ряда' },
  'MCH-T03': { en: 'provisional values left provisional', ru: 'давно не уточнённые предварительные данные' },
  'MCH-G01': { en: 'release readiness (clearance and metadata)', ru: 'готовность к публикации (согласие страны и метаданные)' },
  'MCH-M01': { en: 'mirror flows', ru: 'зеркальные потоки' },
  'MCH-B01': { en: 'comparison with external benchmarks', ru: 'сопоставление с внешними источниками' },
  'MCH-R01': { en: 'revisions since the previous release', ru: 'пересмотры по сравнению с предыдущим выпуском' },
  'MCH-W01': { en: 'warnings about the run (waivers that match nothing, benchmarks left out)', ru: 'предупреждения о прогоне (исключения без соответствия, неиспользованные внешние источники)' },
};

/** A rule's name in one language; an id without a name is a bug of the catalogue. */
export function ruleName(id: string, lang: 'en' | 'ru'): string {
  const name = RULE_NAMES[id as RuleId];
  if (!name) throw new Error(`the quality rule ${id} has no name; add it to RULE_NAMES`);
  return name[lang];
}
