import type { Iso3 } from './calibration';
import { isFlowTable } from './categories';

/** Definition basis per table, as the Metadata sheets and the release configurations record it. */
export function definitionBasis(country: Iso3, table: string, year: number): string {
  if (!isFlowTable(table)) return table === 'T11' ? 'OTHER' : 'REGISTER_STOCK';
  if (country === 'ARM') return 'UN_LT12';
  if (country === 'GEO') return 'BORDER';
  if (country === 'RUS' && year >= 2011) return 'STAY_REG_9M';
  return 'PERM_REG';
}

export const TERRITORY: Partial<Record<Iso3, { en: string; ru: string }>> = {
  GEO: { en: 'Excluding Abkhazia and South Ossetia (territories not controlled by the Government of Georgia)', ru: 'Без Абхазии и Южной Осетии' },
  MDA: { en: 'Excluding Transnistria (left bank of the Dniester)', ru: 'Без левобережья Днестра (Приднестровье)' },
  AZE: { en: 'Territory controlled by the Government', ru: 'Территория, контролируемая правительством' },
};

export function territory(country: Iso3): { en: string; ru: string } {
  return TERRITORY[country] ?? { en: 'Whole territory of the country', ru: 'Вся территория страны' };
}
