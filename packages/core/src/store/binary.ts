import type { CodeColumn, Dictionary, GrowingColumn } from './columns';
import { ObservationStore } from './store';

/** File signature and format version of a serialised store; a change of layout changes the version. */
const MAGIC = 'MCHOBS\u0001\n';

type Numbers = Float64Array | Uint32Array | Uint16Array | Uint8Array;
type NumbersCtor = { new (buffer: ArrayBuffer): Numbers; BYTES_PER_ELEMENT: number };

/** Typed arrays are written little-endian whatever the machine, so the bytes are the same everywhere. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The store as bytes, deterministically: the same observations appended in the same order give
 * the same bytes. Dictionaries are JSON arrays, columns their little-endian bytes.
 */
export function serialiseStore(store: ObservationStore): Uint8Array {
  const w = new Writer();
  w.text(MAGIC);
  w.u32(store.length);
  for (const c of [...Object.values(store.coded), ...Object.values(store.optional)]) {
    w.json(c.dict.values);
    w.codes(c.codes);
  }
  w.json(store.years.values);
  w.codes(store.yearCodes);
  w.column(store.value.view());
  w.column(store.flags.view());
  w.json(store.noteRefs.values);
  w.codes(store.noteCodes);
  w.json(store.origins.values);
  w.codes(store.originCodes);
  w.column(store.cellRow.view());
  w.column(store.cellCol.view());
  w.json(store.cellText.values);
  w.json(store.raw.texts.values);
  w.column(store.raw.ref.view());
  w.codes(store.raw.fields);
  return w.bytes();
}

/** The store serialised by `serialiseStore`; throws a RangeError on bytes that are not one, so a damaged file is never half-read. */
export function deserialiseStore(bytes: Uint8Array): ObservationStore {
  const r = new Reader(bytes);
  if (r.text(MAGIC.length) !== MAGIC) throw new RangeError('not a serialised observation store (or another format version)');
  const n = r.u32();
  const store = new ObservationStore();
  for (const c of Object.values(store.coded)) {
    load(c.dict, r.json() as string[]);
    r.codes(c.codes, n);
  }
  for (const c of Object.values(store.optional)) {
    load(c.dict, (r.json() as (string | null)[]).map((v) => v ?? undefined));
    r.codes(c.codes, n);
  }
  load(store.years, r.json() as number[]);
  r.codes(store.yearCodes, n);
  r.column(store.value, Float64Array, n);
  r.column(store.flags, Uint8Array, n);
  load(
    store.noteRefs,
    (r.json() as string[][]).map((l) => Object.freeze(l)),
  );
  r.codes(store.noteCodes, n);
  load(store.origins, r.json() as [string, string, string][]);
  r.codes(store.originCodes, n);
  r.column(store.cellRow, Uint32Array, n);
  r.column(store.cellCol, Uint16Array, n);
  load(store.cellText, r.json() as string[]);
  load(store.raw.texts, r.json() as string[]);
  r.column(store.raw.ref, Uint32Array, n);
  r.codes(store.raw.fields);
  if (!r.done()) throw new RangeError('trailing bytes after the serialised store');
  return store;
}

/** Numbers the values in their order; the store's constructor may have numbered the first already. */
function load<T>(dict: Dictionary<T>, values: readonly T[]): void {
  values.forEach((v, i) => {
    if (dict.code(v) !== i) throw new RangeError('a dictionary of the serialised store repeats a value');
  });
  if (dict.size !== values.length) throw new RangeError('a dictionary of the serialised store is shorter than its reserved codes');
}

class Writer {
  private readonly chunks: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();

  text(s: string): void {
    this.chunks.push(this.encoder.encode(s));
  }

  u32(n: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    this.chunks.push(b);
  }

  json(v: unknown): void {
    const b = this.encoder.encode(JSON.stringify(v));
    this.u32(b.length);
    this.chunks.push(b);
  }

  codes(c: CodeColumn): void {
    this.chunks.push(Uint8Array.of(c.width));
    this.column(c.view());
  }

  column(values: Numbers): void {
    this.u32(values.length);
    this.chunks.push(littleEndianBytes(values));
  }

  bytes(): Uint8Array {
    const total = this.chunks.reduce((a, c) => a + c.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

class Reader {
  private at = 0;
  private readonly view: DataView;

  constructor(private readonly b: Uint8Array) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  private take(n: number): Uint8Array {
    if (n < 0 || this.at + n > this.b.length) throw new RangeError('the serialised store is cut short');
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  text(n: number): string {
    return new TextDecoder().decode(this.take(n));
  }

  u32(): number {
    this.take(4);
    return this.view.getUint32(this.at - 4, true);
  }

  json(): unknown {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(this.take(this.u32()));
    try {
      return JSON.parse(text);
    } catch {
      throw new RangeError('a dictionary of the serialised store is not JSON');
    }
  }

  codes(c: CodeColumn, n?: number): void {
    const width = this.take(1)[0];
    const ctor = width === 1 ? Uint8Array : width === 2 ? Uint16Array : width === 4 ? Uint32Array : undefined;
    if (!ctor) throw new RangeError(`a code column of the serialised store has width ${width}`);
    c.adopt(this.numbers(ctor, n) as Uint8Array | Uint16Array | Uint32Array);
  }

  column<T extends Numbers>(into: GrowingColumn<T>, ctor: NumbersCtor, n?: number): void {
    into.adopt(this.numbers(ctor, n) as T);
  }

  private numbers(ctor: NumbersCtor, expected?: number): Numbers {
    const n = this.u32();
    if (expected !== undefined && n !== expected) throw new RangeError(`a column of the serialised store has ${n} rows, not ${expected}`);
    const bytes = this.take(n * ctor.BYTES_PER_ELEMENT);
    // a copy: aligned for the typed array, and independent of the buffer it was read from (a
    // Buffer's slice() is a view, not a copy, hence set())
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    if (!LITTLE_ENDIAN) swapBytes(copy, ctor.BYTES_PER_ELEMENT);
    return new ctor(copy.buffer);
  }

  done(): boolean {
    return this.at === this.b.length;
  }
}

function littleEndianBytes(values: Numbers): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (LITTLE_ENDIAN || values.BYTES_PER_ELEMENT === 1) return bytes;
  const copy = bytes.slice();
  swapBytes(copy, values.BYTES_PER_ELEMENT);
  return copy;
}

function swapBytes(b: Uint8Array, width: number): void {
  for (let i = 0; i < b.length; i += width) b.subarray(i, i + width).reverse();
}
