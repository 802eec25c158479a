/**
 * Small readers for aggregate JSON that arrives from worker messages, shard files or the browser:
 * such JSON is data, so every field is checked and a failure names its path.
 */
export class AggregateFormatError extends Error {
  constructor(
    what: string,
    /** Where, from the aggregate's root `$`. */
    readonly path: string,
    /** What was wrong and what was expected. */
    readonly detail: string,
  ) {
    super(`invalid ${what}: ${path}: ${detail}`);
    this.name = 'AggregateFormatError';
  }
}

export type Fail = (path: string, detail: string) => never;

/** A reader bound to what is being read, e.g. `run aggregate`. */
export function failer(what: string): Fail {
  return (path, detail) => {
    throw new AggregateFormatError(what, path, detail);
  };
}

export function readObject(json: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail(path, 'expected an object');
  return json as Record<string, unknown>;
}

export function readArray(json: unknown, path: string, fail: Fail, length?: number): unknown[] {
  if (!Array.isArray(json)) return fail(path, 'expected an array');
  if (length !== undefined && json.length !== length) {
    fail(path, `expected ${length} entries, got ${json.length}`);
  }
  return json;
}

/** A non-negative safe integer. */
export function readCount(json: unknown, path: string, fail: Fail): number {
  if (!Number.isSafeInteger(json) || (json as number) < 0) {
    fail(path, `expected a non-negative integer, got ${JSON.stringify(json)}`);
  }
  return json as number;
}

export function readString(json: unknown, path: string, fail: Fail): string {
  if (typeof json !== 'string') fail(path, `expected a string, got ${JSON.stringify(json)}`);
  return json as string;
}

/** Runs `read`, turning a RangeError from deeper readers into a failure at `path`. */
export function within<T>(path: string, fail: Fail, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RangeError) fail(path, e.message);
    throw e;
  }
}
