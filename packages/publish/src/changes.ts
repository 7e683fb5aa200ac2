import { type Observation, cmp, compareObservations, observationKey, toCsv } from '@mch/core';

export type ChangeKind = 'revised' | 'new' | 'withdrawn';

/** One value that differs between two releases (the rows of `mch diff`). */
export interface Change {
  ref_area: string;
  table: string;
  time_period: number;
  migr_type: Observation['migr_type'];
  sex: Observation['sex'];
  age: string;
  partner: string;
  old_value: number | null;
  new_value: number | null;
  old_status: string;
  new_status: string;
  change: ChangeKind;
}

export const DIFF_COLUMNS = [
  'ref_area',
  'table',
  'time_period',
  'migr_type',
  'sex',
  'age',
  'partner',
  'old_value',
  'new_value',
  'old_status',
  'new_status',
  'change',
] as const;

/** Revised (same key, other value or status), new and withdrawn values, in observation order. */
export function diffObservations(
  previous: readonly Observation[],
  current: readonly Observation[],
  ageOrder: ReadonlyMap<string, number> = new Map(),
): Change[] {
  const before = new Map(previous.map((o) => [observationKey(o), o]));
  const after = new Map(current.map((o) => [observationKey(o), o]));
  const changes: Change[] = [];
  for (const [key, now] of after) {
    const old = before.get(key);
    if (!old) changes.push(change(now, null, now, 'new'));
    else if (old.obs_value !== now.obs_value || old.obs_status !== now.obs_status) changes.push(change(now, old, now, 'revised'));
  }
  for (const [key, old] of before) if (!after.has(key)) changes.push(change(old, old, null, 'withdrawn'));
  return changes.sort(compareObservations(ageOrder));
}

function change(at: Observation, old: Observation | null, now: Observation | null, kind: ChangeKind): Change {
  return {
    ref_area: at.ref_area,
    table: at.table,
    time_period: at.time_period,
    migr_type: at.migr_type,
    sex: at.sex,
    age: at.age,
    partner: at.partner,
    old_value: old?.obs_value ?? null,
    new_value: now?.obs_value ?? null,
    old_status: old?.obs_status ?? '',
    new_status: now?.obs_status ?? '',
    change: kind,
  };
}

export function diffCsv(changes: readonly Change[]): string {
  return toCsv(
    DIFF_COLUMNS,
    changes.map((c) => DIFF_COLUMNS.map((k) => (c[k] === null ? '' : String(c[k])))),
  );
}

/** Counts by country and table, for CHANGES.md and the notes' revision section. */
export function changeCounts(changes: readonly Change[]): { ref_area: string; table: string; revised: number; new: number; withdrawn: number }[] {
  const counts = new Map<string, { ref_area: string; table: string; revised: number; new: number; withdrawn: number }>();
  for (const c of changes) {
    const key = `${c.ref_area}|${c.table}`;
    const row = counts.get(key) ?? { ref_area: c.ref_area, table: c.table, revised: 0, new: 0, withdrawn: 0 };
    row[c.change]++;
    counts.set(key, row);
  }
  return [...counts.values()].sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table));
}

/** CHANGES.md: release notes, counts, then every revised and withdrawn value (new values are counted, not listed). */
export function changesMarkdown(version: string, previousVersion: string | undefined, changes: readonly Change[], releaseNotes: string): string {
  const out: string[] = [`# Changes in release ${md(version)}`, ''];
  out.push(previousVersion ? `Compared with release ${md(previousVersion)}.` : 'First release: there is no previous release, so every value is new.', '');
  out.push('## Release notes', '', releaseNotes.trim() ? mdBlock(releaseNotes.trim()) : 'None.', '');
  out.push('## Summary by country and table', '');
  const counts = changeCounts(changes);
  if (!counts.length) out.push('No value changed.', '');
  else {
    out.push('| country | table | revised | new | withdrawn |', '|---|---|---:|---:|---:|');
    for (const c of counts) out.push(`| ${md(c.ref_area)} | ${md(c.table)} | ${c.revised} | ${c.new} | ${c.withdrawn} |`);
    out.push('');
  }
  for (const kind of ['revised', 'withdrawn'] as const) out.push(...listSection(kind, changes.filter((c) => c.change === kind)));
  return `${out.join('\n').trimEnd()}\n`;
}

function listSection(kind: 'revised' | 'withdrawn', rows: readonly Change[]): string[] {
  if (!rows.length) return [];
  const out = [`## ${kind === 'revised' ? 'Revised' : 'Withdrawn'} values`, ''];
  let group = '';
  for (const c of rows) {
    const here = `${c.ref_area} ${c.table}`;
    if (here !== group) {
      if (group) out.push('');
      out.push(`### ${md(here)}`, '', '| year | type | sex | age | partner | old value | new value | old status | new status |', '|---|---|---|---|---|---:|---:|---|---|');
      group = here;
    }
    const cells = [String(c.time_period), c.migr_type, c.sex, c.age, c.partner, fmt(c.old_value), fmt(c.new_value), c.old_status, c.new_status];
    out.push(`| ${cells.map(md).join(' | ')} |`);
  }
  out.push('');
  return out;
}

const fmt = (v: number | null) => (v === null ? '' : String(v));

/** Table-cell text: no line breaks, pipes escaped, no HTML. */
function md(text: string): string {
  return mdBlock(text).replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

/** Free text as inert Markdown: control characters dropped, HTML brackets escaped. */
function mdBlock(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
