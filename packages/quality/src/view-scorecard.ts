import type { Finding, QualityReport, RuleId } from '@mch/core';
import { ratioText, ruleName } from '@mch/core';
import { fmt, pct } from './format';
import { shareOf } from './view-completeness';

/** Questions listed on a scorecard; the rest are counted and left to report.html (one page per country). */
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
    present: received ? `${fmt(present)} of ${fmt(received)} cells (${pct(present / received)})` : 'nothing',
    late: late.length ? late.join(', ') : '',
  };
}

/** The questions for the country: its unwaived errors first, then warnings, each with its place. */
function questions(own: Finding[]) {
  const open = own.filter((f) => !f.waived && f.severity !== 'info').sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    ask: open.slice(0, ASK_SHOWN).map((f) => ({ severity: f.severity, rule: f.rule, message: f.message, message_ru: f.message_ru, where: f.sources[0] ? `${base(f.sources[0].file)}${f.sources[0].sheet ? ` ${f.sources[0].sheet}!` : ' line '}${f.sources[0].cell}` : '' })),
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
export function scorecardsView(report: QualityReport, countries: string[]) {
  const changes = report.changes;
  const byId = new Set(changes?.new ?? []);
  const open = new Set(changes?.still_open ?? []);
  return countries.map((r) => {
    const own = report.findings.filter((f) => f.ref_area === r && f.rule !== 'MCH-W01');
    const rules = [...new Set(own.map((f) => f.rule))].sort().map((id: RuleId) => {
      const of = own.filter((f) => f.rule === id);
      return { id, name: ruleName(id, 'en'), severity: of[0]!.severity, failed: fmt(of.length), waived: fmt(of.filter((f) => f.waived).length) };
    });
    const count = (s: Finding['severity']) => own.filter((f) => f.severity === s && !f.waived).length;
    const counts = { errors: count('error'), warnings: count('warning'), info: count('info'), waived: own.filter((f) => f.waived).length };
    return {
      ref_area: r,
      headline: `${counted(counts.errors, 'error')}, ${counted(counts.warnings, 'warning')}, ${counts.info} info, ${counts.waived} waived`,
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
      ...questions(own),
      mirror: mirrorPairs(report, r),
    };
  });
}
