/** A typed array kind a tape's columns are held in. */
export type TypedColumn = Float64Array | Int32Array | Int8Array | Uint8Array;
type ColumnType = {
  new (length: number): TypedColumn;
  new (buffer: ArrayBufferLike): TypedColumn;
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * Memory a finished book can be shared in across threads: a SharedArrayBuffer where the platform
 * offers one (Node; a cross-origin-isolated page), so sending the book to workers shares it instead
 * of copying it; else an ordinary ArrayBuffer.
 */
function sharedBuffer(bytes: number): ArrayBufferLike {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  const canShare = typeof SharedArrayBuffer === 'function' && isolated !== false;
  return canShare ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/**
 * One column of a book being read, grown by doubling: 1 to 8 bytes a row, where an array of numbers
 * takes 8 or more and an object per row far more.
 */
export class GrowableColumn<T extends TypedColumn> {
  private data: T;
  length = 0;

  constructor(
    private readonly type: ColumnType,
    capacity = 1024,
  ) {
    this.data = new type(capacity) as T;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.type(this.data.length * 2) as T;
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The column at its length, in memory that can be shared with workers (see sharedBuffer). */
  finish(): T {
    const out = new this.type(sharedBuffer(this.length * this.data.BYTES_PER_ELEMENT)) as T;
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}

/** `values` as a typed column in memory that can be shared with workers (see sharedBuffer). */
export function sharedColumn<T extends TypedColumn>(type: ColumnType, values: ArrayLike<number>): T {
  const out = new type(sharedBuffer(values.length * type.BYTES_PER_ELEMENT)) as T;
  out.set(values);
  return out;
}
