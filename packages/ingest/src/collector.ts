import {
  type FileSummary,
  type IngestResult,
  type NetMigrationCell,
  type Observation,
  type Rejection,
  type RejectionReason,
  type Source,
  type TableMetadata,
  type TableNote,
  KeyColumns,
} from '@mch/core';
import { quote, safeRaw } from './cells/text';

/** Where a message says the cell is, in English and Russian. */
export function place(src: Source): { en: string; ru: string } {
  if (!src.sheet) return { en: `${src.file}, line ${src.cell}`, ru: `${src.file}, строка ${src.cell}` };
  return { en: `${src.file}, sheet ${quote(src.sheet)}, cell ${src.cell}`, ru: `${src.file}, лист ${quote(src.sheet)}, ячейка ${src.cell}` };
}

/**
 * Everything read from one file, in reading order. Every value cell goes through observe() or
 * reject() exactly once, which is what makes the accounting of submissions.md §3 hold.
 */
export class Collector {
  readonly observations: Observation[] = [];
  readonly rejections: Rejection[] = [];
  readonly notes: TableNote[] = [];
  readonly metadata: TableMetadata[] = [];
  readonly net: NetMigrationCell[] = [];
  readonly warnings: string[] = [];
  readonly tables = new Set<string>();
  readonly ignored: string[] = [];
  readonly hidden: string[] = [];
  /** value cells met by the readers, counted apart from their outcome so the summary can prove it adds up */
  private valueCells = 0;

  constructor(
    readonly file: string,
    readonly sha256: string,
    readonly ref_area: string,
  ) {}

  countValueCell(): void {
    this.valueCells++;
  }

  source(sheet: string, cell: string, raw: string): Source {
    return { file: this.file, sha256: this.sha256, sheet, cell, raw: safeRaw(raw) };
  }

  observe(o: Observation): void {
    this.tables.add(o.table);
    this.observations.push(o);
  }

  /** Records a refused value cell; `time_period` where the layout told the cell's reference year. */
  reject(table: string, source: Source, reason: RejectionReason, en: string, ru: string, suggestions: string[] = [], time_period?: number): void {
    if (table) this.tables.add(table);
    const where = place(source);
    const raw = source.raw ? ` ${quote(source.raw)}` : '';
    this.rejections.push({
      ref_area: this.ref_area,
      table,
      source,
      ...(time_period ? { time_period } : {}),
      reason,
      message: `${where.en}${raw}: ${en}`,
      message_ru: `${where.ru}${raw}: ${ru}`,
      suggestions,
    });
  }

  warn(text: string): void {
    this.warnings.push(text);
  }

  /** Refuses every cell of a key that two cells of this file give different values (submissions.md). */
  finish(format: 'xlsx' | 'csv'): IngestResult {
    const kept = this.withoutConflicts();
    if (kept.length + this.rejections.length !== this.valueCells) {
      throw new Error(`accounting broken for ${this.file}: ${this.valueCells} value cells, ${kept.length} observations, ${this.rejections.length} rejections`);
    }
    const summary: FileSummary = {
      file: this.file,
      sha256: this.sha256,
      ref_area: this.ref_area,
      format,
      value_cells: this.valueCells,
      observations: kept.length,
      rejections: this.rejections.length,
      tables: [...this.tables].sort(),
      ignored_sheets: this.ignored,
      hidden_sheets: this.hidden,
      warnings: this.warnings,
    };
    return { observations: kept, rejections: this.rejections, files: [summary], metadata: this.metadata, notes: this.notes, net_migration: this.net };
  }

  /**
   * Cells that give one observation the same value again (a country written twice under two
   * names, «Киргизия» and «Кыргызстан»): not a conflict, and published once, but said, so that a
   * row the office meant for another country is not passed over.
   */
  private warnRepeated(groups: Observation[][]): void {
    const named = groups.slice(0, REPEATS_NAMED).map((g) => g.map((o) => `${o.source?.sheet ? `${o.source.sheet}!` : 'line '}${o.source?.cell ?? ''} ${quote(o.source?.raw ?? '')}`).join(' = '));
    const more = groups.length > REPEATS_NAMED ? ` and ${groups.length - REPEATS_NAMED} more` : '';
    this.warn(`${this.file}: ${groups.length} ${groups.length === 1 ? 'observation is' : 'observations are'} given twice with the same value (${named.join('; ')}${more}); each is published once: check that no row was meant for another country or category`);
  }

  /**
   * The observations but those of keys that two cells give different values; where no key repeats
   * (the usual file) the list itself, not a copy. Keys are compared as numbers (core's KeyColumns):
   * no string per observation.
   */
  private withoutConflicts(): Observation[] {
    const all = this.observations;
    const groups = repeatedKeys(KeyColumns.of(all).groupKeys());
    const conflicting = new Map<number, Observation[]>();
    const repeated: Observation[][] = [];
    for (const rows of groups) {
      const group = rows.map((i) => all[i]!);
      if (!group.every((g) => sameValue(g, group[0]!))) for (const i of rows) conflicting.set(i, group);
      // an "of which" row gives a partner again as a part of its group («из них: Россия» under CIS): no repeat
      else if (group.filter((g) => !g.parent).length > 1) repeated.push(group);
    }
    if (repeated.length) this.warnRepeated(repeated);
    if (conflicting.size === 0) return all;
    const kept: Observation[] = [];
    for (const [i, o] of all.entries()) {
      const group = conflicting.get(i);
      if (!group) {
        kept.push(o);
        continue;
      }
      this.reject(
        o.table,
        o.source!,
        'conflicting-value',
        `another cell gives a different value for the same observation (${othersOf(group, o)}); none is kept`,
        `другая ячейка даёт иное значение для того же показателя (${othersOf(group, o, 'ru')}); ни одно не принято`,
        [],
        o.time_period,
      );
    }
    return kept;
  }
}

/** How many repeated groups a warning names by their cells. */
const REPEATS_NAMED = 5;

/** The rows of each key given more than once, in file order; none for a file without repeats (one sort tells). */
function repeatedKeys(keys: Float64Array | string[]): number[][] {
  const byKey = new Map<number | string, number[]>();
  if (Array.isArray(keys)) {
    for (const [i, k] of keys.entries()) {
      const rows = byKey.get(k);
      if (rows) rows.push(i);
      else byKey.set(k, [i]);
    }
    return [...byKey.values()].filter((rows) => rows.length > 1);
  }
  const sorted = keys.slice().sort();
  const repeated = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
  if (repeated.size === 0) return [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!repeated.has(k)) continue;
    const rows = byKey.get(k);
    if (rows) rows.push(i);
    else byKey.set(k, [i]);
  }
  return [...byKey.values()];
}

/** The other cells of a conflicting group, a few by name: a file repeating one key 10⁵ times must not cost 10¹⁰. */
function othersOf(group: Observation[], o: Observation, lang: 'en' | 'ru' = 'en', max = 5): string {
  const named: string[] = [];
  for (const g of group) {
    if (g === o) continue;
    if (named.length === max) break;
    // on another sheet (a copy of the table, an old version kept hidden), the cell is named with its sheet
    const sheet = g.source?.sheet && g.source.sheet !== o.source?.sheet ? `sheet ${quote(g.source.sheet)} ` : '';
    named.push(`${sheet}${g.source?.cell ?? ''} ${quote(g.source?.raw ?? '')}`);
  }
  const more = group.length - 1 - named.length;
  return more > 0 ? `${named.join(', ')} ${lang === 'en' ? `and ${more} more` : `и ещё ${more}`}` : named.join(', ');
}

function sameValue(a: Observation, b: Observation): boolean {
  return a.obs_value === b.obs_value && a.obs_status === b.obs_status && a.conf_status === b.conf_status && a.unit_mult === b.unit_mult;
}
