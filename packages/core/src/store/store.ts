import type { Observation, Source } from '../observation';
import { CodeColumn, Dictionary, GrowingColumn } from './columns';
import { decodeCell, encodeCell } from './cells';
import { RAW_CANONICAL, RawText } from './raw';

/**
 * Rows read by index, one at a time: a list of observations, or a store that rebuilds each row
 * as it is asked for (a published release of millions of rows held as columns). Array and
 * ObservationStore both are one.
 */
export interface Rows<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** A file a value came from and the sheet it sat in; code 0 is "no source" (derived values). */
export type Origin = readonly [file: string, sha256: string, sheet: string] | null;

const NULL_VALUE = 1;
const DERIVED = 2;
const THOUSANDS = 4;
const RAW_KIND_SHIFT = 3;

const CODED = ['ref_area', 'table', 'migr_type', 'sex', 'age', 'partner', 'obs_status', 'conf_status', 'definition_basis'] as const;
const OPTIONAL = ['parent', 'reference_date', 'territory'] as const;
type Coded = (typeof CODED)[number];
type Optional = (typeof OPTIONAL)[number];

/** One dictionary-encoded string column. */
export class StringColumn<T extends string | undefined = string> {
  readonly dict: Dictionary<T>;
  readonly codes = new CodeColumn();

  constructor(optional: boolean) {
    this.dict = new Dictionary<T>();
    // an optional column numbers "absent" 0, so a row without the field costs one byte of zeros
    if (optional) this.dict.code(undefined as T);
  }

  push(v: T): void {
    this.codes.push(this.dict.code(v));
  }

  at(i: number): T {
    return this.dict.value(this.codes.at(i));
  }
}

/**
 * The harmonised observations as columns (issue 13): codes dictionary-encoded (one byte a row while
 * a column has under 256 distinct codes), values in a Float64Array with null as a flag bit, the
 * source as a reference (file and sheet by number, the cell as row and column numbers) and the raw
 * text only where it is not the value's own rendering. `get(i)` rebuilds the Observation on demand;
 * nothing of the object survives in the store. Append-only and pure.
 */
export class ObservationStore {
  readonly coded = Object.fromEntries(CODED.map((k) => [k, new StringColumn(false)])) as Record<Coded, StringColumn>;
  readonly optional = Object.fromEntries(OPTIONAL.map((k) => [k, new StringColumn<string | undefined>(true)])) as Record<Optional, StringColumn<string | undefined>>;
  /** years repeat: numbered like the codes */
  readonly years = new Dictionary<number>();
  readonly yearCodes = new CodeColumn();
  readonly value = new GrowingColumn(Float64Array);
  /** bit 0 null value, 1 derived, 2 reported in thousands, 3–4 how the raw text is kept */
  readonly flags = new GrowingColumn(Uint8Array);
  readonly noteRefs = new Dictionary<readonly string[]>((l) => JSON.stringify(l));
  readonly noteCodes = new CodeColumn();
  readonly origins = new Dictionary<Origin>((o) => JSON.stringify(o));
  readonly originCodes = new CodeColumn();
  /** A1 cells as row and column; a CSV line as its number with column 0; anything else by dictionary */
  readonly cellRow = new GrowingColumn(Uint32Array);
  readonly cellCol = new GrowingColumn(Uint16Array);
  readonly cellText = new Dictionary<string>();
  readonly raw = new RawText();

  /** the source of the row before, so a file's rows find their origin by comparing three strings */
  private lastSource: { file: string; sha256: string; sheet: string; code: number } | undefined;

  constructor() {
    this.origins.code(null);
    this.noteRefs.code(Object.freeze([]));
  }

  get length(): number {
    return this.flags.length;
  }

  /** How many of the rows are derived (aggregates harmonise made), counted on the flags alone. */
  countDerived(): number {
    let n = 0;
    for (let i = 0; i < this.length; i++) if (this.flags.at(i) & DERIVED) n++;
    return n;
  }

  /** Appends one observation; its index is returned. */
  append(o: Observation): number {
    const i = this.length;
    // a year is numbered by a Map, which cannot tell -0 from 0
    if (!Number.isInteger(o.time_period) || Object.is(o.time_period, -0)) throw new RangeError(`time_period ${o.time_period} is not an integer`);
    if (o.unit_mult !== 0 && o.unit_mult !== 3) throw new RangeError(`unit_mult ${o.unit_mult} is neither 0 nor 3`);
    // written out, not a loop over the names: this runs for every row of a release
    const c = this.coded;
    c.ref_area.push(o.ref_area);
    c.table.push(o.table);
    c.migr_type.push(o.migr_type);
    c.sex.push(o.sex);
    c.age.push(o.age);
    c.partner.push(o.partner);
    c.obs_status.push(o.obs_status);
    c.conf_status.push(o.conf_status);
    c.definition_basis.push(o.definition_basis);
    const opt = this.optional;
    opt.parent.push(o.parent);
    opt.reference_date.push(o.reference_date);
    opt.territory.push(o.territory);
    this.yearCodes.push(this.years.code(o.time_period));
    this.value.push(o.obs_value ?? 0);
    this.noteCodes.push(o.note_refs.length ? this.noteRefs.code(Object.freeze([...o.note_refs])) : 0);
    const s = o.source;
    this.originCodes.push(s ? this.originOf(s) : 0);
    if (s) encodeCell(s.cell, this.cellText, this.cellRow, this.cellCol);
    else {
      this.cellRow.push(0);
      this.cellCol.push(0);
    }
    const rawKind = s ? this.raw.push(s.raw, canonical(o.obs_value)) : this.raw.none();
    this.flags.push((o.obs_value === null ? NULL_VALUE : 0) | (o.derived ? DERIVED : 0) | (o.unit_mult === 3 ? THOUSANDS : 0) | (rawKind << RAW_KIND_SHIFT));
    return i;
  }

  /** Appends every observation of a list or another store, in order (a loop: no spread of a data-sized array). */
  appendAll(list: Iterable<Observation>): this {
    for (const o of list) this.append(o);
    return this;
  }

  /**
   * The observation at `i`, rebuilt; its note list is shared and frozen. With `provenance` 'origin' its
   * source names file, hash and sheet alone (one frozen object per origin, shared), and keeps the
   * raw text of a zero only, which may be a dash: what publish reads of a value's provenance, at a
   * third of the memory (cell and raw text stay here in the columns).
   */
  get(i: number, provenance: 'whole' | 'origin' = 'whole'): Observation {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no observation ${i} in a store of ${this.length}`);
    const f = this.flags.at(i);
    const obs_value = f & NULL_VALUE ? null : this.value.at(i);
    const ref_area = this.coded.ref_area.at(i);
    const table = this.coded.table.at(i);
    const time_period = this.years.value(this.yearCodes.at(i));
    const migr_type = this.coded.migr_type.at(i) as Observation['migr_type'];
    const sex = this.coded.sex.at(i) as Observation['sex'];
    const age = this.coded.age.at(i);
    const partner = this.coded.partner.at(i);
    const obs_status = this.coded.obs_status.at(i) as Observation['obs_status'];
    const conf_status = this.coded.conf_status.at(i) as Observation['conf_status'];
    const definition_basis = this.coded.definition_basis.at(i) as Observation['definition_basis'];
    const unit_mult = (f & THOUSANDS ? 3 : 0) as 0 | 3;
    const derived = (f & DERIVED) !== 0;
    const note_refs = this.noteRefs.value(this.noteCodes.at(i)) as string[];
    const source = provenance === 'whole' ? this.sourceAt(i, f, obs_value) : this.originAt(i, f, obs_value);
    const parent = this.optional.parent.at(i);
    const reference_date = this.optional.reference_date.at(i);
    const territory = this.optional.territory.at(i);
    // the order ingest and harmonise give the optional fields: parent, then what harmonise adds.
    // The usual sets are whole literals, so an object holds its fields in itself (added later, they
    // would go to a second allocation)
    if (reference_date !== undefined && territory !== undefined) {
      if (parent === undefined) {
        return { ref_area, table, time_period, migr_type, sex, age, partner, obs_value, obs_status, conf_status, definition_basis, unit_mult, derived, note_refs, source, reference_date, territory };
      }
      return { ref_area, table, time_period, migr_type, sex, age, partner, obs_value, obs_status, conf_status, definition_basis, unit_mult, derived, note_refs, source, parent, reference_date, territory };
    }
    const o: Observation = { ref_area, table, time_period, migr_type, sex, age, partner, obs_value, obs_status, conf_status, definition_basis, unit_mult, derived, note_refs, source };
    if (parent !== undefined) o.parent = parent;
    if (reference_date !== undefined) o.reference_date = reference_date;
    if (territory !== undefined) o.territory = territory;
    return o;
  }

  /** The observation at `i`, rebuilt (`get`), or undefined outside the store: a store is `Rows` as a list is. */
  at(i: number): Observation | undefined {
    return i >= 0 && i < this.length ? this.get(i) : undefined;
  }

  /** The whole source of the observation at `i` (cell and raw text included), without the rest of it. */
  source(i: number): Source | null {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`no observation ${i} in a store of ${this.length}`);
    const f = this.flags.at(i);
    return this.sourceAt(i, f, f & NULL_VALUE ? null : this.value.at(i));
  }

  *[Symbol.iterator](): IterableIterator<Observation> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** Every observation as objects, in order. */
  toArray(): Observation[] {
    const out: Observation[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    return out;
  }

  /** The rows [start, end) as a store of their own. */
  slice(start: number, end = this.length): ObservationStore {
    const out = new ObservationStore();
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.append(this.get(i));
    return out;
  }

  /** Reporting country → its rows [start, end), for a store sorted by key (ref_area first). */
  countryRanges(): Map<string, { start: number; end: number }> {
    const out = new Map<string, { start: number; end: number }>();
    const codes = this.coded.ref_area;
    for (let i = 0; i < this.length; i++) {
      const r = codes.at(i);
      const range = out.get(r);
      if (range && range.end === i) range.end = i + 1;
      else if (range) throw new RangeError(`the rows of ${r} are not contiguous (row ${i}); sort the store by key first`);
      else out.set(r, { start: i, end: i + 1 });
    }
    return out;
  }

  /** Bytes held by the columns (used length, not capacity) and an estimate for the dictionaries' strings. */
  byteLength(): { columns: number; dictionaries: number } {
    const codeColumns = [...Object.values(this.coded), ...Object.values(this.optional)].map((c) => c.codes.bytes());
    const columns =
      codeColumns.reduce((a, b) => a + b, 0) +
      this.yearCodes.bytes() +
      this.value.bytes() +
      this.flags.bytes() +
      this.noteCodes.bytes() +
      this.originCodes.bytes() +
      this.cellRow.bytes() +
      this.cellCol.bytes() +
      this.raw.columnBytes();
    // V8 keeps a one-byte string in about length + 16 bytes, and a Map entry in about 30
    const text = (s: string | undefined) => (s === undefined ? 0 : s.length * 2 + 16 + 30);
    let dictionaries = 0;
    for (const c of [...Object.values(this.coded), ...Object.values(this.optional)]) for (const v of c.dict.values) dictionaries += text(v);
    for (const l of this.noteRefs.values) dictionaries += l.reduce((a, s) => a + text(s), 30);
    for (const o of this.origins.values) dictionaries += o ? o.reduce((a, s) => a + text(s), 30) : 0;
    for (const s of this.cellText.values) dictionaries += text(s);
    dictionaries += this.raw.dictionaryBytes(text);
    return { columns, dictionaries };
  }

  /** Gives back the capacity the columns hold beyond their rows (a finished country). */
  trim(): this {
    for (const c of [...Object.values(this.coded), ...Object.values(this.optional)]) c.codes.trim();
    for (const c of [this.yearCodes, this.value, this.flags, this.noteCodes, this.originCodes, this.cellRow, this.cellCol]) c.trim();
    this.raw.trim();
    return this;
  }

  private originOf(s: Source): number {
    const last = this.lastSource;
    if (last && last.file === s.file && last.sha256 === s.sha256 && last.sheet === s.sheet) return last.code;
    const code = this.origins.code([s.file, s.sha256, s.sheet]);
    this.lastSource = { file: s.file, sha256: s.sha256, sheet: s.sheet, code };
    return code;
  }

  /** Per origin code, its shared source without cell or raw text (get(i, 'origin')). */
  private originSources: (Source | null)[] = [];

  private originAt(i: number, f: number, value: number | null): Source | null {
    const code = this.originCodes.at(i);
    const origin = this.origins.value(code);
    if (!origin) return null;
    const [file, sha256, sheet] = origin;
    const kind = f >> RAW_KIND_SHIFT;
    // a zero whose raw text is not its rendering "0" may be a dash ("-", or a CSV line with one)
    if (value === 0 && kind !== RAW_CANONICAL) return { file, sha256, sheet, cell: '', raw: this.raw.at(i, kind, canonical(0)) };
    let shared = this.originSources[code];
    if (shared === undefined) this.originSources[code] = shared = Object.freeze({ file, sha256, sheet, cell: '', raw: '' });
    return shared;
  }

  private sourceAt(i: number, f: number, value: number | null): Source | null {
    const origin = this.origins.value(this.originCodes.at(i));
    if (!origin) return null;
    const [file, sha256, sheet] = origin;
    const cell = decodeCell(this.cellRow.at(i), this.cellCol.at(i), this.cellText);
    return { file, sha256, sheet, cell, raw: this.raw.at(i, f >> RAW_KIND_SHIFT, canonical(value)) };
  }
}

/** The value's own rendering: what the raw text of most cells is. */
function canonical(value: number | null): string {
  return value === null ? '' : String(value);
}
