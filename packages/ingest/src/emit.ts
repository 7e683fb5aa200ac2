import { type ConfStatus, type DefinitionBasis, type MigrType, type Observation, type ObsStatus, type Sex, type Source, type TableDef, migrTypeForBasis } from '@mch/core';
import type { CountrySettings } from '@mch/core';
import type { CategoryResult } from './cells/category';
import type { Legend } from './cells/legend';
import { type ValueInput, parseValue } from './cells/value';
import type { Collector } from './collector';

/** The dimensions of one value cell, as far as the reader could establish them. */
export interface CellKey {
  table: TableDef;
  year: number;
  migr_type: MigrType | '';
  sex: Sex;
  category: CategoryResult;
  /** the partner of the row this "of which" row is a part of */
  parent?: string;
}

export interface EmitOptions {
  legend: Legend;
  thousands: boolean;
  basis: DefinitionBasis | '';
  blankIsZero: boolean;
  /** note references that apply to every value of the row or column (marker on a label) */
  extraNotes?: readonly string[];
  /** OBS_STATUS / CONF_STATUS given beside the value (CSV) win over what the value text says */
  status?: { obs?: ObsStatus; conf?: ConfStatus };
}

/** Turns one value cell into exactly one observation or one rejection. */
export function emitValue(c: Collector, key: CellKey, input: ValueInput, src: Source, opt: EmitOptions): void {
  c.countValueCell();
  const cat = key.category;
  if (!cat.ok) {
    c.reject(key.table.id, src, cat.reason, cat.en, cat.ru, cat.suggestions, key.year);
    return;
  }
  const blank = input.number === undefined && input.text.trim() === '';
  const parsed = blank ? ({ ok: true, value: 0, status: { obs_status: 'A', conf_status: 'F' }, note_refs: [] } as const) : parseValue(input, opt.thousands, opt.legend);
  if (!parsed.ok) {
    c.reject(key.table.id, src, parsed.reason, parsed.en, parsed.ru, [], key.year);
    return;
  }
  const o: Observation = {
    ref_area: c.ref_area,
    table: key.table.id,
    time_period: key.year,
    migr_type: key.table.has_migr_type ? key.migr_type : '',
    sex: key.sex,
    age: cat.age,
    partner: cat.partner,
    obs_value: parsed.value,
    obs_status: opt.status?.obs ?? parsed.status.obs_status,
    conf_status: opt.status?.conf ?? parsed.status.conf_status,
    definition_basis: opt.basis,
    unit_mult: opt.thousands ? 3 : 0,
    derived: false,
    note_refs: noteRefs(opt.extraNotes, parsed.note_refs),
    source: src,
  };
  if (key.parent && cat.partner) o.parent = key.parent;
  c.observe(o);
}

/** One frozen empty list for the millions of values without notes. */
export const NO_NOTES: string[] = Object.freeze([]) as unknown as string[];

/** NO_NOTES where neither list has a note; no spread of either list. */
function noteRefs(extra: readonly string[] | undefined, own: readonly string[]): string[] {
  if (!extra?.length && !own.length) return NO_NOTES;
  const out = new Set(extra);
  for (const n of own) out.add(n);
  return [...out];
}

export function basisFor(settings: CountrySettings, table: string): DefinitionBasis | '' {
  return settings.definition_basis[table] ?? settings.definition_basis.default ?? '';
}

/** MIGR_TYPE of a flow table without block rows: from its definition basis, else NAT (submissions.md). */
export function defaultMigrType(table: TableDef, basis: DefinitionBasis | ''): MigrType | '' {
  if (!table.has_migr_type) return '';
  return (basis ? migrTypeForBasis(basis) : undefined) ?? 'NAT';
}
