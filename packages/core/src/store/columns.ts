/** Typed-array columns that grow by doubling; `length` is what is used, the rest is capacity. */

type Numeric = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
type NumericCtor<T extends Numeric> = { new (n: number): T; BYTES_PER_ELEMENT: number };

export class GrowingColumn<T extends Numeric> {
  data: T;
  length = 0;

  constructor(
    private readonly ctor: NumericCtor<T>,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** The used part, without copying. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** Takes over `values` as the column's content (deserialising). */
  adopt(values: T): void {
    this.data = values;
    this.length = values.length;
  }

  bytes(): number {
    return this.length * this.ctor.BYTES_PER_ELEMENT;
  }

  /** Gives back the capacity beyond the used length (a finished country's columns). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length) as T;
  }

  private grow(needed: number): void {
    const next = new this.ctor(Math.max(needed, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

/**
 * Small integers (dictionary codes) one byte each until a code needs more: the column widens to
 * 16 and then 32 bits, so the common case of a few dozen distinct codes costs one byte a row.
 */
export class CodeColumn {
  private column: GrowingColumn<Uint8Array | Uint16Array | Uint32Array> = new GrowingColumn<Uint8Array | Uint16Array | Uint32Array>(Uint8Array);
  private max = 0xff;

  get length(): number {
    return this.column.length;
  }

  /** 1, 2 or 4: bytes per code. */
  get width(): 1 | 2 | 4 {
    return this.max === 0xff ? 1 : this.max === 0xffff ? 2 : 4;
  }

  push(code: number): void {
    if (code > this.max) this.widen(code);
    this.column.push(code);
  }

  at(i: number): number {
    return this.column.at(i);
  }

  view(): Uint8Array | Uint16Array | Uint32Array {
    return this.column.view();
  }

  adopt(values: Uint8Array | Uint16Array | Uint32Array): void {
    const wide = new GrowingColumn<Uint8Array | Uint16Array | Uint32Array>(ctorOf(values.BYTES_PER_ELEMENT), 1);
    wide.adopt(values);
    this.column = wide;
    this.max = values.BYTES_PER_ELEMENT === 1 ? 0xff : values.BYTES_PER_ELEMENT === 2 ? 0xffff : 0xffffffff;
  }

  bytes(): number {
    return this.column.bytes();
  }

  trim(): void {
    this.column.trim();
  }

  private widen(code: number): void {
    const ctor = code <= 0xffff ? Uint16Array : Uint32Array;
    const wide = new GrowingColumn<Uint8Array | Uint16Array | Uint32Array>(ctor, Math.max(1024, this.column.length * 2));
    const old = this.column.view();
    for (let i = 0; i < old.length; i++) wide.push(old[i]!);
    this.column = wide;
    this.max = ctor === Uint16Array ? 0xffff : 0xffffffff;
  }
}

function ctorOf(bytes: number): NumericCtor<Uint8Array | Uint16Array | Uint32Array> {
  return bytes === 1 ? Uint8Array : bytes === 2 ? Uint16Array : Uint32Array;
}

/**
 * Distinct values numbered in the order first seen; `code` 0 can be reserved by the caller. Rows
 * come sorted, so the value of the row before is asked first and most lookups cost a comparison.
 */
export class Dictionary<T> {
  readonly values: T[] = [];
  private readonly codes = new Map<string | number | undefined, number>();
  private last: T | undefined;
  private lastCode = -1;

  /** `keyOf` for values that are not their own key (lists, tuples); strings and numbers are. */
  constructor(private readonly keyOf?: (v: T) => string) {}

  code(v: T): number {
    if (this.lastCode >= 0 && v === this.last) return this.lastCode;
    const key = this.keyOf ? this.keyOf(v) : (v as string | number | undefined);
    let c = this.codes.get(key);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.codes.set(key, c);
    }
    this.last = v;
    this.lastCode = c;
    return c;
  }

  value(code: number): T {
    return this.values[code]!;
  }

  get size(): number {
    return this.values.length;
  }
}
