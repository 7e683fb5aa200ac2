import { type Observation, type TableDef, cmp, createPartnerResolver } from '@mch/core';
import type { ReleaseModel } from '../model';
import { SYMBOLS } from '../symbols';
import type { PxCell } from './entries';

type Bilingual = { en: string; ru: string };

/** One variable of a PX table: codes in output order, with their labels in both languages. */
export interface CubeVariable {
  name: Bilingual;
  codes: string[];
  labels: Bilingual[];
  time: boolean;
}

/** A table's observations as the full cube PX needs: STUB variables, HEADING variables, one cell per combination. */
export interface Cube {
  stub: CubeVariable[];
  heading: CubeVariable[];
  cells: PxCell[];
  /** status notes of the E, P and B cells, by cell index */
  notes: Map<number, Bilingual>;
}

const SEX_ORDER = ['_T', 'M', 'F', '_U'];
const DASHES = new Set(['-', '–', '—']);

/** The dot code of a status without a value, from the one symbol table. */
export function pxSymbol(status: string): string {
  const px = SYMBOLS.find((s) => s.status === status)?.px ?? '';
  return /^"\.+"$/.test(px) ? px.slice(1, -1) : '..';
}

/** What a published observation becomes in a PX cell (releases.md, "One mapping of statuses to symbols"). */
export function pxCell(o: Pick<Observation, 'obs_value' | 'obs_status' | 'conf_status' | 'source'>): PxCell {
  if (o.conf_status !== 'F') return { kind: 'symbol', symbol: pxSymbol('Q') };
  if (o.obs_value === null) return { kind: 'symbol', symbol: pxSymbol(o.obs_status) };
  if (o.obs_value === 0 && o.obs_status === 'A' && reportedAsDash(o)) return { kind: 'symbol', symbol: '-' };
  return { kind: 'number', value: o.obs_value };
}

/** The note a value carries in PX when its status is E, P or B. */
export function pxStatusNote(status: string): Bilingual | null {
  if (!['E', 'P', 'B'].includes(status)) return null;
  const s = SYMBOLS.find((x) => x.status === status);
  return s ? { en: s.en, ru: s.ru } : null;
}

/** The dimension values of an observation in the order of the cube's variables. */
export function cubeKey(table: TableDef, o: Pick<Observation, 'ref_area' | 'migr_type' | 'partner' | 'age' | 'time_period' | 'sex'>): string[] {
  return [o.ref_area, ...(table.has_migr_type ? [o.migr_type] : []), table.breakdown === 'AGE' ? o.age : o.partner, String(o.time_period), o.sex];
}

/**
 * Stub: reporting country, migration type (where the table has one), partner or age group;
 * heading: year and sex. A combination nobody reported is `..` (not available). A table with
 * no observations still gets the release's countries and years, every cell `..`.
 */
export function buildCube(model: ReleaseModel, table: TableDef, rows: readonly Observation[]): Cube {
  const names = createPartnerResolver(model.codelists).names;
  const cl = model.codelists;
  const byAge = table.breakdown === 'AGE';
  const present = (pick: (o: Observation) => string) => [...new Set(rows.map(pick))];
  const countries = rows.length ? present((o) => o.ref_area).sort(cmp) : Object.keys(model.config.countries).sort(cmp);
  const ageIndex = new Map(cl.age.map((a, i) => [a.code, i]));
  const items = rows.length
    ? present((o) => (byAge ? o.age : o.partner)).sort((a, b) => (byAge ? (ageIndex.get(a) ?? 9999) - (ageIndex.get(b) ?? 9999) : 0) || cmp(a, b))
    : ['_T'];
  const migr = rows.length ? present((o) => o.migr_type).sort(cmp) : cl.migr_type.map((m) => m.code).sort(cmp);
  const years = [...new Set([...model.config.reference_years, ...rows.map((o) => o.time_period)])].sort((a, b) => a - b).map(String);
  const sexes = (rows.length ? present((o) => o.sex) : ['_T', 'M', 'F']).sort((a, b) => SEX_ORDER.indexOf(a) - SEX_ORDER.indexOf(b) || cmp(a, b));

  const listLabel = (list: { code: string; label_en: string; label_ru: string }[]) => (code: string) => {
    const x = list.find((e) => e.code === code);
    return x ? { en: x.label_en, ru: x.label_ru } : { en: code, ru: code };
  };
  const stub = [
    variable({ en: 'Reporting country', ru: 'Отчитывающаяся страна' }, countries, names),
    ...(table.has_migr_type ? [variable({ en: 'Type of migration', ru: 'Тип миграции' }, migr, listLabel(cl.migr_type))] : []),
    byAge ? variable({ en: 'Age group', ru: 'Возрастная группа' }, items, listLabel(cl.age)) : variable(partnerName(table), items, names),
  ];
  const heading = [
    { ...variable({ en: 'Year', ru: 'Год' }, years, (y) => ({ en: y, ru: y })), time: true },
    variable({ en: 'Sex', ru: 'Пол' }, sexes, listLabel(cl.sex)),
  ];
  return { stub, heading, ...fillCells(table, [...stub, ...heading], rows) };
}

function fillCells(table: TableDef, variables: readonly CubeVariable[], rows: readonly Observation[]): Pick<Cube, 'cells' | 'notes'> {
  const index = variables.map((v) => new Map(v.codes.map((c, i) => [c, i])));
  const size = variables.reduce((n, v) => n * v.codes.length, 1);
  const cells: PxCell[] = Array.from({ length: size }, () => ({ kind: 'symbol', symbol: pxSymbol('O') }));
  const notes = new Map<number, Bilingual>();
  for (const o of rows) {
    const at = cubeKey(table, o).reduce((n, code, d) => n * variables[d]!.codes.length + index[d]!.get(code)!, 0);
    cells[at] = pxCell(o);
    const note = o.conf_status === 'F' && o.obs_value !== null ? pxStatusNote(o.obs_status) : null;
    if (note) notes.set(at, note);
  }
  return { cells, notes };
}

/** Labels must be unique within a variable: a repeated name gets its code in brackets. */
function variable(name: Bilingual, codes: string[], label: (code: string) => Bilingual): CubeVariable {
  const raw = codes.map(label);
  const unique = (lang: 'en' | 'ru') => {
    const count = new Map<string, number>();
    for (const l of raw) count.set(l[lang], (count.get(l[lang]) ?? 0) + 1);
    return raw.map((l, i) => ((count.get(l[lang]) ?? 0) > 1 ? `${l[lang]} (${codes[i]})` : l[lang]));
  };
  const en = unique('en');
  const ru = unique('ru');
  return { name, codes, labels: codes.map((_, i) => ({ en: en[i]!, ru: ru[i]! })), time: false };
}

function partnerName(table: TableDef): Bilingual {
  switch (table.partner_role) {
    case 'birth':
      return { en: 'Country of birth', ru: 'Страна рождения' };
    case 'citizenship':
      return { en: 'Citizenship', ru: 'Гражданство' };
    case 'previous_residence':
      return { en: 'Country of previous residence', ru: 'Страна предыдущего проживания' };
    case 'next_residence':
      return { en: 'Country of next residence', ru: 'Страна следующего проживания' };
    case 'previous_citizenship':
      return { en: 'Previous citizenship', ru: 'Прежнее гражданство' };
    default:
      return { en: 'Partner country', ru: 'Страна-партнёр' };
  }
}


/**
 * A zero the country wrote as a dash. A questionnaire cell's raw text is the cell; a CSV row's is
 * the whole line, where the dash is one of its fields (a dash in no other column means zero).
 */
export function reportedAsDash(o: Pick<Observation, 'source'>): boolean {
  const raw = o.source?.raw.trim() ?? '';
  if (o.source?.sheet) return DASHES.has(raw);
  return raw.split(/[,;\t]/).some((field) => DASHES.has(field.replace(/^"|"$/g, '').trim()));
}
