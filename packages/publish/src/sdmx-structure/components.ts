import type { Bilingual } from '../published/index';
import { SDMX_COLUMNS, SDMX_DIMENSIONS } from '../sdmx';

/** How a component's values are written: a code list, or an SDMX text type. */
export type Representation = { codelist: string } | { textType: 'ObservationalTimePeriod' | 'Integer' | 'Boolean' };

/**
 * Where an attribute attaches: the whole data set, the table (COUNTERPART_ROLE follows from
 * MCH_TABLE), or each observation.
 */
export type Attachment = 'dataset' | { dimension: string } | 'observation';

export interface Component {
  id: string;
  kind: 'dimension' | 'time' | 'attribute' | 'measure';
  name: Bilingual;
  representation: Representation;
  attachment?: Attachment;
}

const COMPONENTS: Record<string, Omit<Component, 'id' | 'kind'>> = {
  FREQ: { name: { en: 'Frequency', ru: 'Периодичность' }, representation: { codelist: 'CL_FREQ' } },
  REF_AREA: { name: { en: 'Reporting country', ru: 'Отчитывающаяся страна' }, representation: { codelist: 'CL_AREA' } },
  MCH_TABLE: { name: { en: 'Clearing House table', ru: 'Таблица Информационного центра' }, representation: { codelist: 'CL_MCH_TABLE' } },
  TIME_PERIOD: { name: { en: 'Reference year', ru: 'Отчётный год' }, representation: { textType: 'ObservationalTimePeriod' } },
  MIGR_TYPE: { name: { en: 'Type of migration', ru: 'Тип миграции' }, representation: { codelist: 'CL_MIGR_TYPE' } },
  SEX: { name: { en: 'Sex', ru: 'Пол' }, representation: { codelist: 'CL_SEX' } },
  AGE: { name: { en: 'Age group', ru: 'Возрастная группа' }, representation: { codelist: 'CL_AGE' } },
  COUNTERPART_AREA: { name: { en: 'Partner country or category', ru: 'Страна-партнёр или категория' }, representation: { codelist: 'CL_AREA' } },
  // whole persons: a value reported in thousands was converted and is marked E
  OBS_VALUE: { name: { en: 'Number of persons', ru: 'Число человек' }, representation: { textType: 'Integer' } },
  UNIT_MEASURE: { name: { en: 'Unit of measure', ru: 'Единица измерения' }, representation: { codelist: 'CL_UNIT_MEASURE' }, attachment: 'dataset' },
  UNIT_MULT: { name: { en: 'Unit multiplier', ru: 'Множитель единицы' }, representation: { codelist: 'CL_UNIT_MULT' }, attachment: 'dataset' },
  OBS_STATUS: { name: { en: 'Observation status', ru: 'Статус наблюдения' }, representation: { codelist: 'CL_OBS_STATUS' }, attachment: 'observation' },
  CONF_STATUS: { name: { en: 'Confidentiality status', ru: 'Статус конфиденциальности' }, representation: { codelist: 'CL_CONF_STATUS' }, attachment: 'observation' },
  // a yes/no mark: xs:boolean's "true"/"false" is what sdmx/mch.csv writes, and no code list is needed
  DERIVED: { name: { en: 'Derived value', ru: 'Расчётное значение' }, representation: { textType: 'Boolean' }, attachment: 'observation' },
  DEF_BASIS: { name: { en: 'Definition basis', ru: 'Основа определения' }, representation: { codelist: 'CL_DEF_BASIS' }, attachment: 'observation' },
  COUNTERPART_ROLE: { name: { en: 'Role of the partner', ru: 'Роль страны-партнёра' }, representation: { codelist: 'CL_COUNTERPART_ROLE' }, attachment: { dimension: 'MCH_TABLE' } },
};

/** SDMX-CSV's own columns, not components of the data structure. */
const CSV_ONLY = new Set(['STRUCTURE', 'STRUCTURE_ID', 'ACTION']);

/**
 * The components of the data structure, taken from the columns of sdmx/mch.csv (sdmx.ts) so the
 * two cannot drift: the key dimensions in the CSV's order with the time dimension last (it is
 * not part of the series key), then the measure, then the attributes.
 */
export function dataStructureComponents(): Component[] {
  const dimensions = new Set<string>(SDMX_DIMENSIONS);
  return SDMX_COLUMNS.filter((c) => !CSV_ONLY.has(c))
    .map((id): Component => {
      const info = COMPONENTS[id];
      if (!info) throw new Error(`sdmx-structure: no component for the column ${id} of sdmx/mch.csv`);
      const kind = id === 'TIME_PERIOD' ? 'time' : id === 'OBS_VALUE' ? 'measure' : dimensions.has(id) ? 'dimension' : 'attribute';
      return { id, kind, ...info };
    })
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

const KIND_ORDER: readonly Component['kind'][] = ['dimension', 'time', 'measure', 'attribute'];
