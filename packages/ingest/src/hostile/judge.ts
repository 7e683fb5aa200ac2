import { type FileSummary, type IngestResult, isMchError } from '@mch/core';
import { ingestFile } from '../ingest';
import { context, obsLines, rejLines } from '../test-support/dump';
import type { HostileFile } from './types';

/** What ingest did with one file, small enough to cross a process boundary. */
export type Seen = { ms: number } & (
  | { kind: 'read'; summary: FileSummary; lengths: [observations: number, rejections: number]; inert: boolean; lines?: string[] }
  | { kind: 'refused'; message: string; where: string }
  | { kind: 'crashed'; message: string }
);

/** In-process runs of light files may take this long; a hang is far beyond. */
export const MAX_MS = 15_000;
// provenance, messages, notes and warnings keep no character that could hide or reorder text in an output
const LIVE = /[\u0000\u202a-\u202e\u2066-\u2069]/u;

/** Runs one file through ingest's API, as `mch ingest` does, and keeps what the oracle needs. */
export async function look(f: HostileFile, keepLines = true): Promise<Seen> {
  const bytes = f.bytes();
  const t = performance.now();
  try {
    const r = await ingestFile({ path: f.name, bytes }, context(f.country ?? 'ARM'));
    return { ...seenRead(r, keepLines), ms: performance.now() - t };
  } catch (e) {
    const ms = performance.now() - t;
    if (isMchError(e) && e.code === 'file-unreadable') return { ms, kind: 'refused', message: e.message, where: e.where };
    return { ms, kind: 'crashed', message: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e) };
  }
}

function seenRead(r: IngestResult, keepLines: boolean): Seen & { kind: 'read' } {
  const summary = r.files[0]!;
  const lines = keepLines ? [...obsLines(r), ...rejLines(r)] : undefined;
  return { ms: 0, kind: 'read', summary, lengths: [r.observations.length, r.rejections.length], inert: inert(r), ...(lines ? { lines } : {}) };
}

function inert(r: IngestResult): boolean {
  for (const t of texts(r)) if (LIVE.test(t)) return false;
  return true;
}

/** Every text of a result a writer may put out, one at a time (a result of 10⁶ cells is no one JSON string). */
function* texts(r: IngestResult): Generator<string> {
  for (const o of r.observations) yield o.source?.raw ?? '';
  for (const x of r.rejections) yield* [x.source.raw, x.message, x.message_ru];
  for (const n of r.notes) yield* [n.text, n.source.raw];
  for (const m of r.metadata) yield* [m.notes, m.territory, m.source_kind, m.reference_date];
  for (const f of r.files) yield* f.warnings;
}

/**
 * The oracle: why what ingest did with `f` breaks the contract (scale-and-safety.md "Bad input"),
 * or undefined. `bases` holds what was seen of the files that damaged copies are held to.
 */
export function judge(f: HostileFile, seen: Seen, bases: ReadonlyMap<string, Seen>, maxMs = MAX_MS): string | undefined {
  if (seen.kind === 'crashed') return `crashed: ${seen.message}`;
  if (seen.ms > maxMs) return `took ${Math.round(seen.ms)} ms`;
  const e = f.expect;
  if (seen.kind === 'refused') {
    if (!seen.message.includes(f.name) || !seen.where.includes(f.name)) return `refused without naming the file: ${seen.message}`;
    if (e.outcome === 'read') return `refused, but should be read: ${seen.message}`;
    if (e.outcome === 'refused' && e.place && !seen.message.includes(e.place) && !seen.where.includes(e.place)) return `refused without naming ${e.place}: ${seen.message} (${seen.where})`;
    return undefined;
  }
  const s = seen.summary;
  if (s.value_cells !== s.observations + s.rejections || s.observations !== seen.lengths[0] || s.rejections !== seen.lengths[1]) {
    return `accounting broken: ${s.value_cells} value cells, ${s.observations} observations, ${s.rejections} rejections`;
  }
  if (!seen.inert) return 'a control or bidi character came through into the result';
  if (e.outcome === 'refused') return `read (${s.value_cells} value cells), but should be refused`;
  if (e.outcome === 'read') {
    if (s.value_cells !== e.valueCells) return `${s.value_cells} value cells read, ${e.valueCells} written`;
    if (e.rejections !== undefined && s.rejections !== e.rejections) return `${s.rejections} rejections, ${e.rejections} expected`;
    if (e.warning && !s.warnings.some((w) => w.includes(e.warning!))) return `no warning "${e.warning}" among: ${s.warnings.join(' | ') || 'none'}`;
    return undefined;
  }
  const base = bases.get(e.base);
  if (base?.kind !== 'read') return `its base ${e.base} was not read`;
  if (e.outcome === 'refused-or-count') return s.value_cells === base.summary.value_cells ? undefined : `${s.value_cells} value cells read, the undamaged file has ${base.summary.value_cells}`;
  const same = JSON.stringify(seen.lines) === JSON.stringify(base.lines);
  return same ? undefined : 'read differently from the undamaged file, without a refusal';
}
