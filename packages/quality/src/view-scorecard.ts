import type { Finding, FindingGroup, QualityReport, RuleId } from '@mch/core';
import { cellsNotCounted, ratioText, ruleName } from '@mch/core';
import { fmt, pctOf, ruPlural } from './format';
import { worstText, yearRuns } from './groups';
import { shareOf } from './view-completeness';

/** Questions listed on a scorecard, one per group of findings; the rest are counted and left to report.html (one page per country). */
export const ASK_SHOWN = 12;
const MIRROR_SHOWN = 4;
const WAIVERS_SHOWN = 6;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const counted = (n: number, what: string) => `${fmt(n)} ${what}${n === 1 ? '' : 's'}`;
const base = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** "T01–T05 T07 T09–T11": runs of consecutive table numbers joined, so a list of eleven reads at a glance. */
export function tableRuns(tables: readonly string[]): string {
  const sorted = [...new Set(tables)].sort();
  const runs: string[][] = [];
  for (const t of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && /^T\d+$/.test(t) && Number(t.slice(1)) === Number(prev.slice(1)) + 1) last.push(t);
    else runs.push([t]);
  }
  return runs.map((r) => (r.length > 2 ? `${r[0]}–${r[r.length - 1]}` : r.join(' '))).join(' ');
}

/** What a country sent: its files with their accounting, the tables received and the share of cells present. */
function sent(report: QualityReport, r: string) {
  const files = (report.submissions ?? []).filter((s) => s.ref_area === r);
  const cells = report.completeness.filter((c) => c.ref_area === r);
  const present = cells.reduce((s, c) => s + shareOf(c).present, 0);
  const received = cells.reduce((s, c) => s + shareOf(c).received, 0);
  const late = cells.filter((c) => c.expected && c.observations + c.rejected === 0).map((c) => `${c.table} ${c.time_period}`);
  return {
    files: files.map((f) => ({
      name: base(f.file),
      path: f.file,
      format: f.format,
      received: f.received || '–',
      supersedes: f.supersedes,
      cells: fmt(f.value_cells),
      observations: fmt(f.observations),
      refused: fmt(f.rejections),
      tables: tableRuns(f.tables),
      notes: [...f.warnings, ...(f.hidden_sheets.length ? [`hidden sheets read: ${f.hidden_sheets.join(', ')}`] : []), ...(f.ignored_sheets.length ? [`sheets ignored: ${f.ignored_sheets.join(', ')}`] : [])],
    })),
    tables: tableRuns(cells.filter((c) => c.observations > 0).map((c) => c.table)) || '–',
    present: received ? `${fmt(present)} of ${fmt(received)} cells (${pctOf(present, received)})` : 'nothing',
    not_counted: notCounted(files, received),
    late: late.length ? late.join(', ') : '',
  };
}

/**
 * The value cells of the country's files the completeness count leaves out, said beside it: the
 * file table lists every file's cells (4 671 for three files), completeness only those of the
 * tables and years in use (4 392), and the two side by side read as cells gone missing.
 */
function notCounted(files: readonly { value_cells: number }[], counted: number): string {
  const other = cellsNotCounted(files, counted);
  return other > 0 ? `${fmt(other)} more value ${other === 1 ? 'cell' : 'cells'} of these files not in this count, such as cells another file (or the same one) gives again, cells of years or tables outside the release, and refused cells without a year` : '';
}

const placeOf = (f: Finding) => (f.sources[0] ? `${base(f.sources[0].file)}${f.sources[0].sheet ? ` ${f.sources[0].sheet}!` : ' line '}${f.sources[0].cell}` : '');

/**
 * The questions for the country, one per series: its unwaived errors first, then warnings, each
 * with its place; a group of several says how many, the years and the worst, told by its message.
 */
function questions(groups: FindingGroup[], byId: Map<string, Finding>) {
  const open = groups
    .map((g) => ({ g, members: g.findings.map((id) => byId.get(id)!).filter((f) => !f.waived) }))
    .filter(({ g, members }) => members.length > 0 && g.severity !== 'info' && g.rule !== 'MCH-W01')
    .sort((a, b) => SEVERITY_ORDER[a.g.severity] - SEVERITY_ORDER[b.g.severity]);
  return {
    ask: open.slice(0, ASK_SHOWN).map(({ g, members }) => {
      const lead = members.find((f) => f.id === g.worst.finding) ?? members[0]!;
      if (members.length === 1) return { severity: g.severity, rule: g.rule, message: lead.message, message_ru: lead.message_ru, where: placeOf(lead) };
      const years = yearRuns([...new Set(members.flatMap((f) => (f.time_period === null ? [] : [f.time_period])))]);
      const worst = worstText(g);
      return {
        severity: g.severity,
        rule: g.rule,
        message: `${fmt(members.length)} findings ${years}${worst.en ? `, ${worst.en}` : ''}: ${lead.message}`,
        message_ru: `${fmt(members.length)} ${ruPlural(members.length, 'замечание', 'замечания', 'замечаний')} ${years}${worst.ru ? `, ${worst.ru}` : ''}: ${lead.message_ru}`,
        where: placeOf(lead),
      };
    }),
    more: Math.max(0, open.length - ASK_SHOWN),
  };
}

/** The pairs of the country outside the band, largest departure from 1 first, as "RUS ← TJK 2012: 11.7". */
function mirrorPairs(report: QualityReport, r: string) {
  const flagged = report.mirror.filter((m) => m.sex === '_T' && m.flagged && (m.receiving === r || m.sending === r));
  const departure = (x: number | null) => (x === null || x <= 0 ? Number.POSITIVE_INFINITY : Math.abs(Math.log(x)));
  const worst = [...flagged].sort((a, b) => departure(b.ratio) - departure(a.ratio) || a.time_period - b.time_period).slice(0, MIRROR_SHOWN);
  return { flagged: flagged.length, worst: worst.map((m) => `${m.receiving} ← ${m.sending} ${m.time_period}: ${ratioText(m.ratio, m.immigration, m.emigration)} (${fmt(m.immigration)} against ${fmt(m.emigration)})`) };
}

/** One scorecard per country: what it sent, what failed, what was waived, what to ask it. */
export function scorecardsView(report: QualityReport, countries: string[], groups: readonly FindingGroup[]) {
  const changes = report.changes;
  const byId = new Set(changes?.new ?? []);
  const open = new Set(changes?.still_open ?? []);
  const findingById = new Map(report.findings.map((f) => [f.id, f]));
  const ownOf = bucket(report.findings.filter((f) => f.rule !== 'MCH-W01'));
  const groupsOf = bucket(groups);
  return countries.map((r) => {
    const own = ownOf.get(r) ?? [];
    const byRule = bucket(own, (f) => f.rule);
    const seriesOf = bucket(groupsOf.get(r) ?? [], (g) => g.rule);
    const rules = [...byRule.keys()].sort().map((id) => {
      const of = byRule.get(id)!;
      return { id: id as RuleId, name: ruleName(id as RuleId, 'en'), severity: of[0]!.severity, failed: fmt(of.length), series: fmt(seriesOf.get(id)?.length ?? 0), waived: fmt(of.filter((f) => f.waived).length) };
    });
    const count = (s: Finding['severity'], waived = false) => own.filter((f) => f.severity === s && f.waived === waived).length;
    const counts = { errors: count('error'), warnings: count('warning'), info: count('info'), waived: own.filter((f) => f.waived).length };
    // the open ones counted, and the waived beside their severity: "0 errors" above a rule table listing six waived errors read as a contradiction
    const waivedToo = (s: Finding['severity']) => (count(s, true) ? ` (+${fmt(count(s, true))} waived)` : '');
    return {
      ref_area: r,
      headline: `${counted(counts.errors, 'error')}${waivedToo('error')}, ${counted(counts.warnings, 'warning')}${waivedToo('warning')}, ${counts.info} info${waivedToo('info')}`,
      sent: sent(report, r),
      counts,
      rules,
      changes: changes
        ? {
            previous: changes.previous_version,
            new: own.filter((f) => byId.has(f.id)).length,
            still_open: own.filter((f) => open.has(f.id)).length,
            resolved: changes.resolved.filter((f) => f.ref_area === r).length,
          }
        : null,
      waivers: own
        .filter((f) => f.waived)
        .slice(0, WAIVERS_SHOWN)
        .map((f) => ({ rule: f.rule, message: f.message, justification: f.waiver?.justification ?? '', until: f.waiver?.expires ?? '' })),
      waivers_more: Math.max(0, own.filter((f) => f.waived).length - WAIVERS_SHOWN),
      ...questions(groupsOf.get(r) ?? [], findingById),
      mirror: mirrorPairs(report, r),
    };
  });
}

/** Items by a key (the country unless told), in their order: one pass instead of a filter per country. */
function bucket<T extends { ref_area: string }>(items: readonly T[], key: (t: T) => string = (t) => t.ref_area): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}
