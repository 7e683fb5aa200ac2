// Similar findings of one series grouped, so thousands of year-on-year warnings read as hundreds of series.
import type { Finding, FindingGroup } from '@mch/core';
import { cmp } from '@mch/core';
import { fmt, pct } from './format';

/** The figures a group is ranked by, in this order: the first one its findings' values hold. */
const MEASURES = ['difference', 'change', 'z_score', 'asymmetry', 'share'] as const;
const MEASURE_WORDS: Record<string, { en: string; ru: string; share?: boolean }> = {
  difference: { en: 'largest difference', ru: 'наибольшая разница' },
  change: { en: 'largest change', ru: 'наибольшее изменение', share: true },
  z_score: { en: 'largest robust z-score', ru: 'наибольшая робастная z-оценка' },
  asymmetry: { en: 'largest asymmetry', ru: 'наибольшая асимметрия' },
  share: { en: 'largest share', ru: 'наибольшая доля', share: true },
};

/**
 * The group of a finding: its rule and key with the year left out. Keys of one cell or one table
 * and year carry the year third (draft.ts); a duplicate's "#2" joins the first's group.
 */
export function groupId(f: Pick<Finding, 'id' | 'rule' | 'time_period'>): string {
  const key = f.id.slice(f.rule.length + 1).replace(/#\d+$/, '');
  const parts = key.split('|');
  if (f.time_period !== null && parts[2] === String(f.time_period)) parts[2] = '';
  return `${f.rule}:${parts.join('|')}`;
}

const magnitude = (f: Finding, m: string): number | undefined => {
  const v = f.values[m];
  return typeof v === 'number' && Number.isFinite(v) ? Math.abs(v) : undefined;
};

function worstOf(members: Finding[]): FindingGroup['worst'] {
  const measure = MEASURES.find((m) => members.some((f) => magnitude(f, m) !== undefined)) ?? null;
  let worst = members[0]!;
  if (measure) {
    let best = -1;
    // the earliest of equal ones: members are in year order
    for (const f of members) {
      const v = magnitude(f, measure);
      if (v !== undefined && v > best) [best, worst] = [v, f];
    }
  }
  const value = measure ? worst.values[measure] : undefined;
  return { finding: worst.id, time_period: worst.time_period, measure, value: typeof value === 'number' ? value : null };
}

/** One pass over the findings, then one sort of the groups: linear in the findings. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = groupId(f);
    const list = byId.get(id);
    if (list) list.push(f);
    else byId.set(id, [f]);
  }
  const groups: FindingGroup[] = [];
  for (const [id, list] of byId) {
    const members = list.length > 1 ? [...list].sort((a, b) => (a.time_period ?? -1) - (b.time_period ?? -1) || cmp(a.id, b.id)) : list;
    const first = members[0]!;
    const years = [...new Set(members.flatMap((f) => (f.time_period === null ? [] : [f.time_period])))];
    groups.push({
      id,
      rule: first.rule,
      severity: first.severity,
      ref_area: first.ref_area,
      table: first.table,
      migr_type: first.migr_type,
      sex: first.sex,
      age: first.age,
      partner: first.partner,
      count: members.length,
      waived: members.reduce((n, f) => n + (f.waived ? 1 : 0), 0),
      years,
      worst: worstOf(members),
      findings: members.map((f) => f.id),
    });
  }
  return groups.sort(
    (a, b) =>
      cmp(a.ref_area, b.ref_area) ||
      cmp(a.rule, b.rule) ||
      cmp(a.table, b.table) ||
      cmp(a.migr_type, b.migr_type) ||
      cmp(a.sex, b.sex) ||
      cmp(a.age, b.age) ||
      cmp(a.partner, b.partner) ||
      cmp(a.id, b.id),
  );
}

/** 2001 2002 2003 2007 → "2001–2003, 2007". */
export function yearRuns(years: readonly number[]): string {
  const runs: number[][] = [];
  for (const y of years) {
    const last = runs[runs.length - 1];
    if (last && y === last[last.length - 1]! + 1) last.push(y);
    else runs.push([y]);
  }
  return runs.map((r) => (r.length > 2 ? `${r[0]}–${r[r.length - 1]}` : r.join(', '))).join(', ');
}

/** "largest change 158 % (2012)" and its Russian twin; '' when the group's findings carry no measure. */
export function worstText(g: Pick<FindingGroup, 'worst'>): { en: string; ru: string } {
  const { measure, value, time_period } = g.worst;
  if (!measure || value === null) return { en: '', ru: '' };
  const w = MEASURE_WORDS[measure]!;
  const shown = w.share ? pct(value) : fmt(value);
  const year = time_period === null ? '' : ` (${time_period})`;
  return { en: `${w.en} ${shown}${year}`, ru: `${w.ru} ${shown}${year}` };
}
