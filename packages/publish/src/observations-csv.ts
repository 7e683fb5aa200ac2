import { MchError, OBSERVATION_COLUMNS, Observation, ObservationStore, observationRow } from '@mch/core';
import { csvPieces } from './csv-pieces';
import { csvRecords, parseCsv, unguard } from './csv-read';

/**
 * data/observations.csv of a release, in pieces: published observations only, raw text of non-free
 * values blanked; each row's source from `sources` where given (published/sources.ts), in order.
 */
export function observationsCsv(published: readonly Observation[], sources?: Iterator<Observation['source']>): Iterable<Buffer> {
  return csvPieces(OBSERVATION_COLUMNS, published.length, (i) => observationRow(published[i]!, true, sources ? (sources.next().value ?? null) : published[i]!.source));
}

const FILE = 'observations.csv';

const COLUMN_AT = Object.fromEntries(OBSERVATION_COLUMNS.map((c, i) => [c, i])) as Record<(typeof OBSERVATION_COLUMNS)[number], number>;

/**
 * Strict reader of observations.csv (previous releases, diff, reproduce): header, field count and
 * every value checked. Bytes are read piece by piece (csvRecords), so a file larger than one
 * string may hold is read too.
 */
export function readObservationsCsv(input: string | Buffer, chunkBytes?: number): Observation[] {
  const out: Observation[] = [];
  const reader = new ObservationsReader((o) => out.push(o));
  for (const fields of recordsOf(input, chunkBytes)) reader.take(fields);
  reader.end();
  return out;
}

/** Records read between two turns of the event loop in readObservationsCsvInTurns: some 10 ms of work. */
const RECORDS_PER_TURN = 20_000;

/**
 * readObservationsCsv into columns, giving the event loop a turn every few thousand rows. A
 * previous release of millions of rows is read while worker threads ingest, and a worker that
 * finished a country waits for this thread to hand it the next one (tier M's 612 MB had both
 * workers idle for 15 s); and it is held as columns, some 100 bytes a row, where objects with
 * their sources took 340.
 */
export async function readObservationsCsvInTurns(input: string | Buffer, chunkBytes?: number): Promise<ObservationStore> {
  const store = new ObservationStore();
  const reader = new ObservationsReader((o) => store.append(o));
  let turn = 0;
  for (const fields of recordsOf(input, chunkBytes)) {
    reader.take(fields);
    if (++turn === RECORDS_PER_TURN) {
      turn = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  reader.end();
  return store.trim();
}

function recordsOf(input: string | Buffer, chunkBytes: number | undefined): Iterable<string[]> {
  return typeof input === 'string' ? parseCsv(input.replace(/^\uFEFF/, ''), FILE) : csvRecords(withoutBom(input), FILE, chunkBytes);
}

/** The rows of observations.csv as they come: the header checked first, then each row handed on. */
class ObservationsReader {
  private readonly codes = new Codes();
  private line = 0;

  constructor(private readonly handOn: (o: Observation) => void) {}

  take(fields: string[]): void {
    this.line++;
    if (this.line === 1) {
      if (fields.join(',') !== OBSERVATION_COLUMNS.join(',')) throw badHeader();
      return;
    }
    this.handOn(parseRow(fields, this.line, this.codes));
  }

  end(): void {
    if (this.line === 0) throw badHeader();
  }
}

function badHeader(): MchError {
  return new MchError('manifest-invalid', `${FILE}: the header is not ${OBSERVATION_COLUMNS.join(',')}`, { where: `${FILE}:1` });
}

function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function parseRow(fields: string[], line: number, codes: Codes): Observation {
  if (fields.length !== OBSERVATION_COLUMNS.length) {
    const where = `${FILE}:${line}`;
    throw new MchError('manifest-invalid', `${where}: ${fields.length} fields, expected ${OBSERVATION_COLUMNS.length}`, { where });
  }
  // by the column's place (no object of the row's fields built first)
  const at = COLUMN_AT;
  const sourceFile = codes.of(at.source_file, unguard(fields[at.source_file]!));
  const sourceSha256 = codes.of(at.source_sha256, unguard(fields[at.source_sha256]!));
  const noteRefs = unguard(fields[at.note_refs]!);
  const candidate = {
    ref_area: codes.of(at.ref_area, unguard(fields[at.ref_area]!)),
    table: codes.of(at.table, unguard(fields[at.table]!)),
    time_period: integer(unguard(fields[at.time_period]!), line, 'time_period'),
    migr_type: codes.of(at.migr_type, unguard(fields[at.migr_type]!)),
    sex: codes.of(at.sex, unguard(fields[at.sex]!)),
    age: codes.of(at.age, unguard(fields[at.age]!)),
    partner: codes.of(at.partner, unguard(fields[at.partner]!)),
    obs_value: number(unguard(fields[at.obs_value]!), line),
    obs_status: codes.of(at.obs_status, unguard(fields[at.obs_status]!)),
    conf_status: codes.of(at.conf_status, unguard(fields[at.conf_status]!)),
    definition_basis: codes.of(at.definition_basis, unguard(fields[at.definition_basis]!)),
    unit_mult: integer(unguard(fields[at.unit_mult]!), line, 'unit_mult'),
    derived: boolean(unguard(fields[at.derived]!), line),
    note_refs: noteRefs === '' ? [] : noteRefs.split('|').map((r) => codes.of(NOTE_REFS, r)),
    source:
      sourceFile !== '' || sourceSha256 !== ''
        ? { file: sourceFile, sha256: sourceSha256, sheet: codes.of(at.source_sheet, unguard(fields[at.source_sheet]!)), cell: own(unguard(fields[at.source_cell]!)), raw: own(unguard(fields[at.source_raw]!)) }
        : null,
  };
  if (surelyValid(candidate, codes)) return candidate as Observation;
  const parsed = Observation.safeParse(candidate);
  if (!parsed.success) {
    const where = `${FILE}:${line}`;
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new MchError('manifest-invalid', `${where}: not a valid observation (${problems.join('; ')})`, { where, details: problems });
  }
  // checked, and of the schema's shape already (it has no defaults or transforms): kept, not zod's copy of it
  return candidate as Observation;
}

/**
 * The fields whose text the schema restricts (a code list, a length): each value is checked once,
 * however many rows repeat it. Every other field is any string, or was checked as it was read.
 */
const CODED = ['ref_area', 'migr_type', 'sex', 'obs_status', 'conf_status', 'definition_basis'] as const;
const CODED_SCHEMA = CODED.map((field) => Observation.shape[field]);

/**
 * Whether the schema would take the row, without asking it row by row (zod on each of a previous
 * release's rows was more than half the time of reading it). False means "ask zod": its answer,
 * and its message, decide.
 */
function surelyValid(o: { [K in (typeof CODED)[number]]: string } & { time_period: number; obs_value: number | null; unit_mult: number }, codes: Codes): boolean {
  for (let i = 0; i < CODED.length; i++) if (!codes.valid(i, o[CODED[i]!], CODED_SCHEMA[i]!)) return false;
  return Number.isSafeInteger(o.time_period) && (o.unit_mult === 0 || o.unit_mult === 3) && (o.obs_value === null || Number.isFinite(o.obs_value));
}

/** note_refs' place among the interned columns (one past the file's). */
const NOTE_REFS = OBSERVATION_COLUMNS.length;

/**
 * One string for each value of a code column (area, table, partner, statuses, source file and
 * hash…), however many rows repeat it, held apart from the text it was read from. A field cut
 * from the text keeps the whole piece it came from alive (V8 shares the piece with a slice of 13
 * characters or more), and a previous release of millions of rows read into objects held each
 * piece and a string per field: 920 bytes of heap a row, 340 with one string per value.
 */
class Codes {
  private readonly known = new Map<string, string>();
  // rows come in key order: most fields repeat the row before's, a comparison rather than a lookup
  private readonly last: (string | undefined)[] = [];
  private readonly lastOwn: string[] = [];
  private readonly validated = CODED.map(() => new Set<string>());

  /** Whether `schema` takes `value`, asked once per value of the field at `field` (CODED). */
  valid(field: number, value: string, schema: { safeParse(v: unknown): { success: boolean } }): boolean {
    const seen = this.validated[field]!;
    if (seen.has(value)) return true;
    if (!schema.safeParse(value).success) return false;
    seen.add(value);
    return true;
  }

  of(column: number, text: string): string {
    if (text === this.last[column]) return this.lastOwn[column]!;
    let value = this.known.get(text);
    if (value === undefined) {
      value = own(text);
      this.known.set(value, value);
    }
    this.last[column] = text;
    this.lastOwn[column] = value;
    return value;
  }
}

/** The text as a string of its own, not a slice of the piece it was cut from (which it would keep alive). */
function own(text: string): string {
  return text.length < SHORTEST_SLICE ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** V8 copies a substring shorter than this and shares the parent's characters from it on. */
const SHORTEST_SLICE = 13;

function integer(text: string, line: number, column: string): number {
  if (!/^-?\d+$/.test(text)) throw notA(line, `${column} "${text}" is not an integer`);
  return Number(text);
}

function number(text: string, line: number): number | null {
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw notA(line, `obs_value "${text}" is not a number`);
  return Number(text);
}

function boolean(text: string, line: number): boolean {
  if (text !== 'true' && text !== 'false') throw notA(line, `derived "${text}" is not true or false`);
  return text === 'true';
}

function notA(line: number, problem: string): MchError {
  const where = `${FILE}:${line}`;
  return new MchError('manifest-invalid', `${where}: ${problem}`, { where });
}
