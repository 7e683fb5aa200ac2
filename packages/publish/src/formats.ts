import { type TableDef, cmp } from '@mch/core';

/** One format of a release: where it is (release-relative) and what it is for, in both languages. */
export interface ReleaseFormat {
  path: string;
  en: string;
  ru: string;
}

/**
 * The formats of a release as the cover sheets and the notes tell them (releases.md, "Contents
 * of a release"), in the order a reader needs them. Paths of per-table files name the first and
 * last table of the configured table set.
 */
export function releaseFormats(tables: readonly Pick<TableDef, 'id'>[]): ReleaseFormat[] {
  const ids = tables.map((t) => t.id).sort(cmp);
  const each = (folder: string, ext: string) =>
    ids.length > 1 ? `${folder}/${ids[0]}.${ext} … ${folder}/${ids[ids.length - 1]}.${ext}` : `${folder}/${ids[0] ?? '<table>'}.${ext}`;
  return [
    {
      path: 'index.html, site/',
      en: 'the release page: open it in a browser, offline, to choose a table, countries and years, see the figures with their symbols and notes, chart them and download the selection as CSV (site/ holds its data, loaded per table)',
      ru: 'страница выпуска: открывается в браузере без подключения к сети; позволяет выбрать таблицу, страны и годы, увидеть данные с условными обозначениями и примечаниями, построить график и загрузить выборку в формате CSV (данные страницы — в папке site/, загружаются по таблицам)',
    },
    {
      path: each('tables', 'xlsx'),
      en: 'the Excel tables, one workbook per table with one worksheet per reporting country, to read and print',
      ru: 'таблицы Excel: по одной книге на таблицу, по одному листу на отчитывающуюся страну, для чтения и печати',
    },
    {
      path: 'notes/methodology.en.pdf, notes/methodology.ru.pdf',
      en: "the methodological notes in English and Russian: concepts, sources, each country's definition basis, territory and breaks in series, quality",
      ru: 'методологические примечания на английском и русском языках: понятия, источники, основа определения, территория и разрывы рядов по каждой стране, качество',
    },
    {
      path: each('px', 'px'),
      en: 'PX files for PxWeb, the database software of statistical offices',
      ru: 'файлы PX для PxWeb — программы баз данных статистических служб',
    },
    {
      path: each('jsonstat', 'json'),
      en: "JSON-stat 2.0, one dataset per table (the format of PxWeb's API), for programs and charting libraries; Russian labels in its extension",
      ru: 'JSON-stat 2.0, по одному набору данных на таблицу (формат API PxWeb), для программ и библиотек построения графиков; подписи на русском языке — в расширении (extension)',
    },
    {
      path: 'data/observations.csv',
      en: 'every published value, one row each, with its status, definition basis, derived mark and the source cell it was read from, for any statistical software',
      ru: 'все опубликованные значения, по одной строке на значение, со статусом, основой определения, отметкой расчётного значения и исходной ячейкой, для любой статистической программы',
    },
    {
      path: 'sdmx/mch.csv',
      en: 'every published value as SDMX-CSV 2.0 of the dataflow UNECE:MCH(1.0), for SDMX tools',
      ru: 'все опубликованные значения в формате SDMX-CSV 2.0 потока данных UNECE:MCH(1.0), для программ SDMX',
    },
    {
      path: 'sdmx/structure.xml',
      en: 'the SDMX-ML 2.1 structure behind sdmx/mch.csv: data structure definition, code lists in English and Russian, dataflow',
      ru: 'структура SDMX-ML 2.1 для sdmx/mch.csv: определение структуры данных, классификаторы на английском и русском языках, поток данных',
    },
    {
      path: 'quality/report.html, quality/report.json, quality/report.pdf',
      en: 'the public quality summary: the checks run on the tables and their results',
      ru: 'открытая сводка контроля качества: проверки таблиц и их результаты',
    },
    {
      path: 'CHANGES.md',
      en: 'what changed since the previous release (revised, new and withdrawn values) and why',
      ru: 'изменения по сравнению с предыдущим выпуском (пересмотренные, новые и исключённые значения) и их причины',
    },
    {
      path: 'datapackage.json, datapackage.json.sha256',
      en: 'the manifest: every file with its size and SHA-256 hash, the table schemas of the CSV files, the inputs and the code version; mch verify checks a copy against it',
      ru: 'манифест: каждый файл с размером и хешем SHA-256, схемы таблиц файлов CSV, исходные файлы и версия программ; команда mch verify проверяет по нему копию выпуска',
    },
  ];
}
