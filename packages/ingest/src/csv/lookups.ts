import type { CodeMatch, CodeResolver } from '../cells/codes';
import type { CategoryResult } from '../cells/category';
import { checkedCategory } from '../cells/label-text';
import { migrTypeOfText, tableIdOf, yearOf } from '../cells/codes';
import { MAX_LABEL } from '../cells/text';
import type { IngestEnv } from '../env';
import { type TableDef, tableById } from '@mch/core';

/**
 * What each distinct text of a coded column means, worked out once per file: a 10⁶-row file
 * names a few dozen tables, years, sexes and types and a few hundred partners.
 */
export class Lookups {
  private readonly tables = new Map<string, TableDef | undefined>();
  private readonly areas = new Map<string, boolean>();
  private readonly years = new Map<string, number | undefined>();
  private readonly sexes = new Map<string, CodeMatch>();
  private readonly types = new Map<string, CodeMatch>();
  private readonly categories = new Map<TableDef, Map<string, CategoryResult>>();

  constructor(
    private readonly env: IngestEnv,
    private readonly ref_area: string,
  ) {}

  table(text: string): TableDef | undefined {
    if (this.tables.has(text)) return this.tables.get(text);
    const id = tableIdOf(text, this.env.tableSet);
    const t = id ? tableById(this.env.tableSet, id) : undefined;
    this.tables.set(text, t);
    return t;
  }

  tableId(text: string): string {
    return this.table(text)?.id ?? '';
  }

  /** Whether REF_AREA names another country than the file's. */
  otherArea(text: string): boolean {
    let other = this.areas.get(text);
    if (other === undefined) {
      const m = text ? (text.length > MAX_LABEL ? { kind: 'unmapped' as const } : this.env.category.partner.resolve(text)) : undefined;
      other = m !== undefined && (m.kind !== 'code' || m.code !== this.ref_area);
      this.areas.set(text, other);
    }
    return other;
  }

  year(text: string): number | undefined {
    if (this.years.has(text)) return this.years.get(text);
    const y = yearOf(text);
    this.years.set(text, y);
    return y;
  }

  // no closure per call: these run for every row
  sex(text: string): CodeMatch {
    let m = this.sexes.get(text);
    if (m === undefined) {
      m = this.env.sheet.sex.resolve(text);
      this.sexes.set(text, m);
    }
    return m;
  }

  migr(text: string): CodeMatch {
    let m = this.types.get(text);
    if (m === undefined) {
      m = migrTypeOf(text, this.env.sheet.migr);
      this.types.set(text, m);
    }
    return m;
  }

  category(table: TableDef, text: string): CategoryResult {
    let byText = this.categories.get(table);
    if (!byText) {
      byText = new Map();
      this.categories.set(table, byText);
    }
    let r = byText.get(text);
    if (r === undefined) {
      r = checkedCategory(table, '', text, this.env.category);
      byText.set(text, r);
    }
    return r;
  }
}

/** A MIGR_TYPE label read as the questionnaire reads a block title (cells/codes.ts). */
function migrTypeOf(text: string, migr: CodeResolver): CodeMatch {
  const m = migr.resolve(text);
  if (m.kind === 'code' || text.length > MAX_LABEL) return m;
  const code = migrTypeOfText(text, migr);
  return code ? { kind: 'code', code } : m;
}
