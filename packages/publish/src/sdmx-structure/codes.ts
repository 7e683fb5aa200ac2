import { BASIS_LABELS, CONF_STATUS_CODES, OBS_STATUS_CODES, cmp, createPartnerResolver } from '@mch/core';
import type { ReleaseModel } from '../model';
import { type Bilingual, type PublishedRelease, partnerOrder, partnerRoleName } from '../published/index';
import { counterpartRole } from '../sdmx';
import { symbolOf } from '../symbols';

export interface Code {
  id: string;
  name: Bilingual;
  description?: Bilingual;
}

export interface CodeList {
  id: string;
  name: Bilingual;
  codes: Code[];
}

/** SDMX's code for "not applicable", which sdmx/mch.csv writes in a column that has no value for the row. */
const NOT_APPLICABLE: Code = { id: '_Z', name: { en: 'Not applicable', ru: 'Неприменимо' } };

/** OBS_STATUS A is no symbol of the one mapping: a value shown as it is. */
const NORMAL: Bilingual = { en: 'Normal value', ru: 'Обычное значение' };

/** CONF_STATUS: no configuration lists it; these are the SDMX codes the pipeline uses (definitions.md). */
const CONF: Record<(typeof CONF_STATUS_CODES)[number], Bilingual> = {
  F: { en: 'Free for publication', ru: 'Для свободной публикации' },
  C: { en: 'Confidential: the value is not published', ru: 'Конфиденциально: значение не публикуется' },
  N: { en: 'Not for publication, shared for mirror comparisons only: the value is not published', ru: 'Не для публикации, только для зеркальных сравнений: значение не публикуется' },
};

const bi = (x: { label_en: string; label_ru: string }): Bilingual => ({ en: x.label_en, ru: x.label_ru });

/**
 * The code lists behind sdmx/mch.csv, labels from the configuration: codelists.yaml, the table
 * set, country names from core's resolver, bases from core's BASIS_LABELS, statuses from the one
 * symbol mapping. CL_AREA holds the configured countries and partner rows and every code the
 * release publishes, so it is complete for its sdmx/mch.csv.
 */
export function structureCodeLists(model: ReleaseModel, release: Pick<PublishedRelease, 'observations'>): CodeList[] {
  const cl = model.codelists;
  const names = createPartnerResolver(cl).names;
  const areas = new Set([...Object.keys(model.config.countries), ...cl.standard_partner_rows, ...cl.special_partners.map((p) => p.code)]);
  // a loop, not a list of every observation's two codes: a release has millions
  for (const o of release.observations) {
    areas.add(o.ref_area);
    areas.add(o.partner);
  }
  areas.delete('');
  const order = partnerOrder(cl);
  const roles = [...new Set(model.tableSet.tables.flatMap((t) => (t.partner_role ? [t.partner_role] : [])))].sort(cmp);
  const symbolName = (status: string): Code => {
    const s = symbolOf(status);
    return { id: status, name: { en: s.en, ru: s.ru }, description: { en: `Shown as ${s.excel} in the Excel tables and JSON-stat files.`, ru: `Обозначается ${s.excel} в таблицах Excel и файлах JSON-stat.` } };
  };
  const list = (id: string, en: string, ru: string, codes: Code[]): CodeList => ({ id, name: { en, ru }, codes });
  return [
    list('CL_FREQ', 'Frequency', 'Периодичность', [{ id: 'A', name: { en: 'Annual', ru: 'Годовая' } }]),
    list('CL_AREA', 'Countries and partner categories', 'Страны и категории стран-партнёров', [
      ...[...areas].sort(order.compare).map((code) => ({ id: code, name: names(code) })),
      NOT_APPLICABLE,
    ]),
    list('CL_MCH_TABLE', 'Clearing House tables', 'Таблицы Информационного центра', model.tableSet.tables.map((t) => ({ id: t.id, name: { en: t.title_en, ru: t.title_ru } }))),
    list('CL_MIGR_TYPE', 'Type of migration', 'Тип миграции', [...cl.migr_type.map((m) => ({ id: m.code, name: bi(m) })), NOT_APPLICABLE]),
    list('CL_SEX', 'Sex', 'Пол', cl.sex.map((s) => ({ id: s.code, name: bi(s) }))),
    list('CL_AGE', 'Age group', 'Возрастная группа', [...cl.age.map((a) => ({ id: a.code, name: bi(a) })), NOT_APPLICABLE]),
    list('CL_UNIT_MEASURE', 'Unit of measure', 'Единица измерения', [{ id: 'PS', name: { en: 'Persons', ru: 'Человек' } }]),
    list('CL_UNIT_MULT', 'Unit multiplier', 'Множитель единицы', [{ id: '0', name: { en: 'Units', ru: 'Единицы' } }]),
    list('CL_OBS_STATUS', 'Observation status', 'Статус наблюдения', OBS_STATUS_CODES.map((s) => (s === 'A' ? { id: s, name: NORMAL } : symbolName(s)))),
    list('CL_CONF_STATUS', 'Confidentiality status', 'Статус конфиденциальности', CONF_STATUS_CODES.map((c) => ({ id: c, name: CONF[c] }))),
    list('CL_DEF_BASIS', 'Definition basis', 'Основа определения', [
      ...BASIS_LABELS.map((b) => ({ id: b.code, name: { en: b.short_en, ru: b.short_ru }, description: { en: b.meaning_en, ru: b.meaning_ru } })),
      { id: '_Z', name: { en: 'Not applicable or not given', ru: 'Неприменимо или не указано' } },
    ]),
    list('CL_COUNTERPART_ROLE', 'Role of the partner', 'Роль страны-партнёра', [
      ...roles.map((r) => ({ id: counterpartRole(r), name: partnerRoleName(r) })),
      { id: '_Z', name: { en: 'Not applicable: an age table has no partner', ru: 'Неприменимо: в таблице по возрасту нет страны-партнёра' } },
    ]),
  ];
}
