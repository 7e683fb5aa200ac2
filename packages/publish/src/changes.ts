import { OBSERVATION_KEY_COLUMNS, type Observation, type Rows, type SubmittedFile, cmp, compareObservations, createPartnerResolver, observationKey, toCsv } from '@mch/core';
import type { ReleaseModel } from './model';

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
  ...OBSERVATION_KEY_COLUMNS,
  'old_value',
  'new_value',
  'old_status',
  'new_status',
  'change',
] as const;

/** Revised (same key, other value or status), new and withdrawn values, in observation order (`mch diff`). */
export function diffObservations(
  previous: Rows<Observation>,
  current: readonly Observation[],
  ageOrder: ReadonlyMap<string, number> = new Map(),
): Change[] {
  const compare = compareObservations(ageOrder);
  const changes: Change[] = [];
  if (mergedChanges(previous, current, compare, (c) => changes.push(c))) return changes;
  return keyedChanges(previous, current, compare);
}

/** What a release says of its changes: every revised and withdrawn value, and how many are new. */
export interface ReleaseChanges {
  /** the revised and withdrawn values, in observation order */
  listed: readonly Change[];
  /** by country and table, in that order */
  counts: readonly ChangeCount[];
  /** new values by reference year, in year order */
  newByYear: readonly [year: number, count: number][];
}

export interface ChangeCount {
  ref_area: string;
  table: string;
  revised: number;
  new: number;
  withdrawn: number;
}

/**
 * The changes of a release against the previous one. New values are counted, not kept: a first
 * release of millions of observations would hold a change per value for a count per year.
 */
export function releaseChanges(
  previous: Rows<Observation>,
  current: readonly Observation[],
  ageOrder: ReadonlyMap<string, number> = new Map(),
): ReleaseChanges {
  const compare = compareObservations(ageOrder);
  const summary = new ChangeSummary();
  if (mergedChanges(previous, current, compare, (c) => summary.add(c))) return summary.done();
  // the walk gave up: what it met is dropped with its summary
  return summariseChanges(keyedChanges(previous, current, compare));
}

/** The summary of a list of changes (in observation order), as a release states it. */
export function summariseChanges(changes: Iterable<Change>): ReleaseChanges {
  const summary = new ChangeSummary();
  for (const c of changes) summary.add(c);
  return summary.done();
}

class ChangeSummary {
  private readonly listed: Change[] = [];
  private readonly counts = new Map<string, ChangeCount>();
  private readonly years = new Map<number, number>();

  add(c: Change): void {
    if (c.change === 'new') this.years.set(c.time_period, (this.years.get(c.time_period) ?? 0) + 1);
    else this.listed.push(c);
    const key = `${c.ref_area}|${c.table}`;
    let row = this.counts.get(key);
    if (!row) {
      row = { ref_area: c.ref_area, table: c.table, revised: 0, new: 0, withdrawn: 0 };
      this.counts.set(key, row);
    }
    row[c.change]++;
  }

  done(): ReleaseChanges {
    return {
      listed: this.listed,
      counts: [...this.counts.values()].sort((a, b) => cmp(a.ref_area, b.ref_area) || cmp(a.table, b.table)),
      newByYear: [...this.years].sort(([a], [b]) => a - b),
    };
  }
}

function keyedChanges(previous: Rows<Observation>, current: readonly Observation[], compare: (a: Change, b: Change) => number): Change[] {
  const before = new Map<string, Observation>();
  for (const o of rowsOf(previous)) before.set(observationKey(o), o);
  const after = new Map(current.map((o) => [observationKey(o), o]));
  const changes: Change[] = [];
  for (const [key, now] of after) {
    const old = before.get(key);
    if (!old) changes.push(change(now, null, now, 'new'));
    else if (old.obs_value !== now.obs_value || old.obs_status !== now.obs_status) changes.push(change(now, old, now, 'revised'));
  }
  for (const [key, old] of before) if (!after.has(key)) changes.push(change(old, old, null, 'withdrawn'));
  return changes.sort(compare);
}

/** Each row in order, asked for once (a store rebuilds a row each time it is asked). */
function* rowsOf<T>(rows: Rows<T>): Generator<T> {
  for (let i = 0; i < rows.length; i++) yield rows.at(i)!;
}

/**
 * keyedChanges() of two releases each strictly in observation order (so each key once), as
 * published releases are: one walk down both side by side, which meets the changes in their
 * order, with no key built per observation, each handed to `emit`, and each previous row rebuilt
 * once. False when either is out of order, or two different keys compare equal (a sex outside the
 * code list): what was emitted is then to be dropped, and the caller starts again from the keys.
 */
function mergedChanges(
  previous: Rows<Observation>,
  current: readonly Observation[],
  compare: (a: Observation, b: Observation) => number,
  emit: (c: Change) => void,
): boolean {
  if (!strictlyInOrder(current, compare)) return false;
  let i = 0;
  let j = 0;
  let old = previous.at(0);
  while (i < previous.length || j < current.length) {
    const now = current[j];
    const c = old === undefined ? 1 : now === undefined ? -1 : compare(old, now);
    if (c < 0) {
      emit(change(old!, old!, null, 'withdrawn'));
    } else if (c > 0) {
      emit(change(now!, null, now!, 'new'));
      j++;
      continue;
    } else {
      if (observationKey(old!) !== observationKey(now!)) return false;
      if (old!.obs_value !== now!.obs_value || old!.obs_status !== now!.obs_status) emit(change(now!, old!, now!, 'revised'));
      j++;
    }
    // the previous release's next row, which must come strictly after this one
    const next = previous.at(++i);
    if (next !== undefined && compare(old!, next) >= 0) return false;
    old = next;
  }
  return true;
}

function strictlyInOrder(list: readonly Observation[], compare: (a: Observation, b: Observation) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1]!, list[i]!) >= 0) return false;
  return true;
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

/**
 * Names CHANGES.md gives codes, so a reader need not look them up; codes stay beside them. With
 * `reason`, every block of revised values says why it was revised.
 */
export interface ChangeLabels {
  country: (code: string) => string;
  partner: (code: string) => string;
  table: (id: string) => string;
  sex: (code: string) => string;
  reason?: (change: Change) => RevisionReason;
}

/**
 * English names from the code lists and the table set; given the release's configuration and data
 * (as the release writer does), the reason of each revised value too.
 */
export function changeLabels(model: Pick<ReleaseModel, 'codelists' | 'tableSet'> & Partial<Pick<ReleaseModel, 'config' | 'data' | 'previous'>>): ChangeLabels {
  const names = createPartnerResolver(model.codelists).names;
  const titles = new Map(model.tableSet.tables.map((t) => [t.id, `${t.id} ${t.title_en}`]));
  const sexes = new Map(model.codelists.sex.map((s) => [s.code, s.label_en]));
  const { config, data, previous } = model;
  return {
    country: (c) => names(c).en,
    partner: (c) => names(c).en,
    table: (t) => titles.get(t) ?? t,
    sex: (c) => sexes.get(c) ?? c,
    ...(config && data ? { reason: revisionReasons({ config, data, previous }) } : {}),
  };
}

/**
 * Why a value was revised, from where the new value came: the reason the configuration records
 * for the file that sent it; else the note that file itself gives (a note below the table or the
 * Metadata sheet's notes, for that table, that speak of a correction); else nothing, said so.
 */
export type RevisionReason =
  | { kind: 'configuration'; file: string; received?: string; supersedes: boolean; en: string; ru?: string }
  | { kind: 'file'; file: string; received?: string; supersedes: boolean; notes: { text: string; where: string }[] }
  | { kind: 'none'; file?: string; received?: string; supersedes: boolean }
  /** the value comes from the very file (same content) the previous release read it from */
  | { kind: 'processing'; file: string; previousVersion?: string }
  /** an aggregate the Clearing House derives, recomputed from changed parts */
  | { kind: 'derived' };

// words a country uses when it says a file corrects or replaces earlier figures (English, Russian)
const REVISION_WORDS = /\b(?:correct|revis|resubmi|re-submi|replac|supersed|amend|updat|error|mistak|wrong|instead of)|исправ|уточн|пересм|замен|ошиб|корректир|обновл|вместо|повторн/iu;

/** Whether a note of a country's file speaks of a revision (what the file corrects or replaces). */
export function speaksOfRevision(text: string): boolean {
  return REVISION_WORDS.test(text);
}

export function revisionReasons(model: Pick<ReleaseModel, 'config' | 'data'> & Partial<Pick<ReleaseModel, 'previous'>>): (change: Change) => RevisionReason {
  // built when a revised value first asks (a release without revisions never does)
  let index: { current: Map<string, Observation>; before: Map<string, Observation> } | undefined;
  const indexes = () => {
    if (index) return index;
    // the published value of a key is the reported one where there is one (publishable.ts)
    const current = new Map<string, Observation>();
    for (const o of model.data.observations) {
      const key = observationKey(o);
      const had = current.get(key);
      if (!had || (had.derived && !o.derived)) current.set(key, o);
    }
    const before = new Map<string, Observation>();
    if (model.previous) for (const o of rowsOf(model.previous.observations)) before.set(observationKey(o), o);
    index = { current, before };
    return index;
  };
  const submitted = (ref_area: string, file: string): SubmittedFile | undefined => {
    const own = model.config.countries[ref_area as keyof typeof model.config.countries]?.files.find((f) => f.path === file);
    return own ?? Object.values(model.config.countries).flatMap((c) => c?.files ?? []).find((f) => f.path === file);
  };
  const cache = new Map<string, RevisionReason>();
  const reasonOf = (ref_area: string, table: string, file: string): RevisionReason => {
    const key = `${ref_area}|${table}|${file}`;
    const known = cache.get(key);
    if (known) return known;
    const f = submitted(ref_area, file);
    const base = { file, ...(f?.received ? { received: f.received } : {}), supersedes: f?.supersedes ?? false };
    let reason: RevisionReason;
    if (f?.reason) reason = { kind: 'configuration', ...base, en: f.reason, ...(f.reason_ru ? { ru: f.reason_ru } : {}) };
    else {
      const notes = fileNotes(model.data, ref_area, table, file);
      reason = notes.length ? { kind: 'file', ...base, notes } : { kind: 'none', ...base };
    }
    cache.set(key, reason);
    return reason;
  };
  return (c) => {
    const { current, before } = indexes();
    const key = observationKey(c);
    const now = current.get(key);
    if (!now || now.derived) return { kind: 'derived' };
    if (!now.source) return { kind: 'none', supersedes: false };
    const old = before.get(key);
    if (old?.source && old.source.file === now.source.file && old.source.sha256 === now.source.sha256) {
      return { kind: 'processing', file: now.source.file, ...(model.previous?.version ? { previousVersion: model.previous.version } : {}) };
    }
    return reasonOf(c.ref_area, c.table, now.source.file);
  };
}

/** What the file itself says of a revision of this table: notes below the table, then its Metadata sheet. */
function fileNotes(data: ReleaseModel['data'], ref_area: string, table: string, file: string): { text: string; where: string }[] {
  const found: { text: string; where: string }[] = [];
  for (const n of data.notes) {
    if (n.ref_area !== ref_area || n.table !== table || n.source.file !== file || !speaksOfRevision(n.text)) continue;
    found.push({ text: n.text, where: n.source.sheet ? `sheet "${n.source.sheet}", cell ${n.source.cell}` : `line ${n.source.cell}` });
  }
  for (const m of data.metadata) {
    const [from, sheet] = m.from.split('#');
    if (m.ref_area !== ref_area || m.table !== table || from !== file || !m.notes || !speaksOfRevision(m.notes)) continue;
    found.push({ text: m.notes, where: `sheet "${sheet ?? 'Metadata'}", notes of ${table}` });
  }
  const seen = new Set<string>();
  return found.filter((n) => !seen.has(n.text) && seen.add(n.text));
}

const CODES_ONLY: ChangeLabels = { country: (c) => c, partner: (c) => c, table: (t) => t, sex: (c) => c };

/**
 * CHANGES.md: release notes, a summary a reader takes in at a glance (what was revised, where;
 * what was withdrawn; how many values are new, by year), every revised and withdrawn value by
 * country and table with names beside the codes, then the counts of every country and table.
 */
export function changesMarkdown(
  version: string,
  previousVersion: string | undefined,
  changes: ReleaseChanges,
  releaseNotes: string,
  labels: ChangeLabels = CODES_ONLY,
  code?: { packages: Record<string, string>; lockfile_sha256: string },
  codeChanges?: { package: string; version: string; entries: string[] }[],
): string {
  const out: string[] = [`# Changes in release ${md(version)}`, ''];
  out.push(previousVersion ? `Compared with release ${md(previousVersion)}.` : 'First release: there is no previous release, so every value is new.', '');
  out.push('## Release notes', '', releaseNotes.trim() ? mdBlock(releaseNotes.trim()) : 'None.', '');
  // the code's side of the notes: which versions built it (their changes are in each package's changesets)
  if (code) {
    const versions = Object.entries(code.packages).sort(([a], [b]) => cmp(a, b)).map(([name, v]) => `${md(name)} ${md(v)}`);
    out.push('## Code', '', `Built with ${versions.join(', ')}; lockfile sha256 ${md(code.lockfile_sha256.slice(0, 12))}.`, '');
    for (const l of codeChangeLines(codeChanges, previousVersion)) out.push(l);
  }
  const counts = changes.counts;
  out.push('## Summary', '');
  if (!counts.length) out.push('No value changed.', '');
  else for (const l of [...summaryLines(changes, labels), '']) out.push(l);
  for (const kind of ['revised', 'withdrawn'] as const) for (const l of listSection(kind, changes.listed.filter((c) => c.change === kind), labels)) out.push(l);
  if (counts.length) {
    out.push('## Counts by country and table', '', '| country | table | revised | new | withdrawn |', '|---|---|---:|---:|---:|');
    for (const c of counts) out.push(`| ${md(c.ref_area)} | ${md(c.table)} | ${c.revised} | ${c.new} | ${c.withdrawn} |`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function summaryLines(changes: ReleaseChanges, labels: ChangeLabels): string[] {
  const counts = changes.counts;
  const where = (kind: 'revised' | 'withdrawn') => {
    const byCountry = new Map<string, string[]>();
    for (const c of counts) if (c[kind]) byCountry.set(c.ref_area, [...(byCountry.get(c.ref_area) ?? []), `${c.table} (${c[kind]})`]);
    return [...byCountry].map(([country, tables]) => `${md(labels.country(country))} (${md(country)}) ${md(tables.join(', '))}`).join('; ');
  };
  const total = (kind: ChangeKind) => counts.reduce((n, c) => n + c[kind], 0);
  const byYear = changes.newByYear.map(([y, n]) => `${y}: ${n}`).join(', ');
  return [
    `- Revised: ${total('revised') ? `${values(total('revised'))}, in ${where('revised')}.` : 'none.'}`,
    `- Withdrawn: ${total('withdrawn') ? `${values(total('withdrawn'))}, in ${where('withdrawn')}.` : 'none.'}`,
    `- New: ${total('new') ? `${values(total('new'))}, by reference year ${byYear}.` : 'none.'}`,
  ];
}

function listSection(kind: 'revised' | 'withdrawn', rows: readonly Change[], labels: ChangeLabels): string[] {
  if (!rows.length) return [];
  const out = [`## ${kind === 'revised' ? 'Revised' : 'Withdrawn'} values`, ''];
  let group = '';
  for (const c of rows) {
    const here = `${c.ref_area} ${c.table}`;
    if (here !== group) {
      if (group) out.push('');
      out.push(`### ${md(labels.country(c.ref_area))} (${md(c.ref_area)}), ${md(labels.table(c.table))}`, '');
      if (kind === 'revised' && labels.reason) {
        const block = rows.filter((r) => r.ref_area === c.ref_area && r.table === c.table);
        out.push('Why revised:', '', ...reasonLines(block, labels.reason), '');
      }
      out.push('| year | type | sex | age | partner | old value | new value | difference | old status | new status |', '|---|---|---|---|---|---:|---:|---:|---|---|');
      group = here;
    }
    const name = c.partner ? labels.partner(c.partner) : '';
    const partner = name && name !== c.partner ? `${c.partner} ${name}` : c.partner;
    const difference = c.old_value !== null && c.new_value !== null ? signed(c.new_value - c.old_value) : '';
    const cells = [String(c.time_period), c.migr_type, labels.sex(c.sex), c.age, partner, fmt(c.old_value), fmt(c.new_value), difference, c.old_status, c.new_status];
    out.push(`| ${cells.map(md).join(' | ')} |`);
  }
  out.push('');
  return out;
}

/** One line per distinct reason of a block of revised values, in the order the values come. */
function reasonLines(block: readonly Change[], reasonOf: (c: Change) => RevisionReason): string[] {
  const groups = new Map<string, { reason: RevisionReason; n: number }>();
  for (const c of block) {
    const reason = reasonOf(c);
    const key = JSON.stringify(reason);
    const g = groups.get(key) ?? { reason, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  return [...groups.values()].map(({ reason, n }) => `- ${reasonText(reason, values(n))}`);
}

const NO_REASON = 'no reason given by the country or the configuration.';

function reasonText(r: RevisionReason, count: string): string {
  if (r.kind === 'derived') return `${count}: aggregates the Clearing House derives, recomputed from the changed values the country reported.`;
  if (r.kind === 'processing') {
    const since = r.previousVersion ? ` as in release ${md(r.previousVersion)}` : '';
    return `${count} read from the same file${since} (${md(r.file)}, unchanged): changed in processing (code or configuration, see the release notes), not by a resubmission; ${NO_REASON}`;
  }
  if (!r.file) return `${count}: ${NO_REASON}`;
  const facts = [r.received && `received ${md(r.received)}`, r.supersedes && 'supersedes the earlier files'].filter(Boolean);
  const from = `${count} from ${md(r.file)}${facts.length ? ` (${facts.join('; ')})` : ''}`;
  if (r.kind === 'configuration') return `${from}. Reason (release configuration): ${md(r.en)}${r.ru ? ` / ${md(r.ru)}` : ''}`;
  if (r.kind === 'file') return `${from}. Reason, in the country's own note: ${r.notes.map((n) => `«${md(n.text)}» (${md(n.where)})`).join('; ')}`;
  return `${from}: ${NO_REASON}`;
}

const values = (n: number) => `${n} value${n === 1 ? '' : 's'}`;
const signed = (v: number) => (v > 0 ? `+${v}` : String(v));
const fmt = (v: number | null) => (v === null ? '' : String(v));

/** Table-cell text: no line breaks, pipes escaped, no HTML. */
function md(text: string): string {
  return mdBlock(text).replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

/** Free text as inert Markdown: control characters dropped, HTML brackets escaped. */
function mdBlock(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The code's release notes: what each package released since the code of the previous release
 * (every version, for a first release), as its changesets say it (releases.md: "the code's
 * changesets and the data's revisions").
 */
function codeChangeLines(changes: { package: string; version: string; entries: string[] }[] | undefined, previousVersion: string | undefined): string[] {
  if (!changes) return [];
  const released = changes.filter((c) => c.version !== 'unreleased');
  const pending = changes.filter((c) => c.version === 'unreleased');
  const since = previousVersion ? `since the versions that built release ${md(previousVersion)}` : 'up to the versions that built this first release';
  const out = [released.length ? `Released by the code's packages ${since}, from their changesets:` : `No package of the code released a version ${since}.`, ''];
  const list = (c: (typeof changes)[number], heading: string) => {
    out.push(heading, '');
    for (const e of c.entries) out.push(`- ${mdBlock(e).split('\n').map((l, i) => (i === 0 || !l ? l : `  ${l}`)).join('\n')}`);
    out.push('');
  };
  for (const c of released) list(c, `### ${md(c.package)} ${md(c.version)}`);
  if (pending.length) {
    // between versions the code holds changesets no version has released; a previous release built between the same versions may have held some
    out.push(`### Not yet released as a version`, '', `The changesets the code holds beyond those versions, each by its first paragraph${previousVersion ? ` (built between the same versions, release ${md(previousVersion)} may already have held some of them)` : ''}:`, '');
    for (const c of pending) for (const e of c.entries) out.push(`- ${mdBlock(e).replace(/\s*\n\s*/gu, ' ')}`);
    out.push('');
  }
  return out;
}
