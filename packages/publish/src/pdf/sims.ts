/**
 * The SIMS 2.0 concepts the methodological notes are outlined by (the numbering ESMS shares with
 * SIMS, as national and Eurostat metadata files print it: 1 Contact … 19 Comment, with the
 * sub-concepts of 3 Statistical presentation). The templates carry the headings, so a
 * statistician can edit the wording; the tests hold the templates to this list, in both languages.
 */
export interface SimsConcept {
  number: string;
  en: string;
  ru: string;
}

export const SIMS_CONCEPTS: readonly SimsConcept[] = [
  { number: '1', en: 'Contact', ru: 'Контактная информация' },
  { number: '2', en: 'Metadata update', ru: 'Обновление метаданных' },
  { number: '3', en: 'Statistical presentation', ru: 'Статистическое представление' },
  { number: '3.1', en: 'Data description', ru: 'Описание данных' },
  { number: '3.2', en: 'Classification system', ru: 'Система классификации' },
  { number: '3.3', en: 'Sector coverage', ru: 'Охват секторов' },
  { number: '3.4', en: 'Statistical concepts and definitions', ru: 'Статистические понятия и определения' },
  { number: '3.5', en: 'Statistical unit', ru: 'Статистическая единица' },
  { number: '3.6', en: 'Statistical population', ru: 'Статистическая совокупность' },
  { number: '3.7', en: 'Reference area', ru: 'Территориальный охват' },
  { number: '3.8', en: 'Time coverage', ru: 'Временной охват' },
  { number: '3.9', en: 'Base period', ru: 'Базисный период' },
  { number: '4', en: 'Unit of measure', ru: 'Единица измерения' },
  { number: '5', en: 'Reference period', ru: 'Отчётный период' },
  { number: '6', en: 'Institutional mandate', ru: 'Институциональный мандат' },
  { number: '7', en: 'Confidentiality', ru: 'Конфиденциальность' },
  { number: '8', en: 'Release policy', ru: 'Политика распространения' },
  { number: '9', en: 'Frequency of dissemination', ru: 'Периодичность распространения' },
  { number: '10', en: 'Accessibility and clarity', ru: 'Доступность и ясность' },
  { number: '11', en: 'Quality management', ru: 'Управление качеством' },
  { number: '12', en: 'Relevance', ru: 'Актуальность' },
  { number: '13', en: 'Accuracy and reliability', ru: 'Точность и надёжность' },
  { number: '14', en: 'Timeliness and punctuality', ru: 'Своевременность и пунктуальность' },
  { number: '15', en: 'Coherence and comparability', ru: 'Согласованность и сопоставимость' },
  { number: '16', en: 'Cost and burden', ru: 'Затраты и нагрузка на респондентов' },
  { number: '17', en: 'Data revision', ru: 'Пересмотр данных' },
  { number: '18', en: 'Statistical processing', ru: 'Статистическая обработка' },
  { number: '19', en: 'Comment', ru: 'Комментарий' },
];

/** The heading a concept has in the notes: "3.7 Reference area", "13. Accuracy and reliability". */
export function simsHeading(c: SimsConcept, lang: 'en' | 'ru'): string {
  return `${c.number}${c.number.includes('.') ? '' : '.'} ${c[lang]}`;
}
