import { readTape, resolveTapeSource, type TapeReadResult, type TapeSource } from '../../engine/index.ts';

/** Most contracts the page reads: a tape this size reads and runs in a browser tab's memory. */
export const PAGE_MAX_ROWS = 2_000_000;

/** A dropped file that is not a tape the page can read: said in one sentence. */
export class TapeFileError extends Error {}

/** The chunks of a browser stream, as the engine's reader takes them. */
async function* chunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads and checks a dropped contract tape in the page, with the engine's own reader (the same problems
 * at the same rows and columns as `cyclecast tape check`): CSV, or gzip-compressed CSV (told by its
 * first bytes, decompressed with the browser's DecompressionStream), in the default dialect with the
 * model's own region and grade names. The file is read from memory the browser already holds: nothing
 * is sent anywhere or stored. Returns the read with the tape settings it was read with. Throws a TapeFileError for a spreadsheet, damaged gzip data, or a file the browser cannot read.
 */
export async function readTapeInPage(
  file: Blob & { readonly name: string },
): Promise<TapeReadResult & { source: TapeSource }> {
  const magic = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04)
    throw new TapeFileError(`${file.name}: is a spreadsheet (.xlsx), not a CSV tape: save it as CSV (UTF-8)`);
  const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
  if (!gzip && file.name.endsWith('.gz'))
    throw new TapeFileError(`${file.name}: is named .gz but is not gzip-compressed`);
  const raw: ReadableStream<BufferSource> = file.stream();
  const bytes = (gzip ? raw.pipeThrough(new DecompressionStream('gzip')) : raw) as ReadableStream<Uint8Array>;
  const { source } = resolveTapeSource(file.name, { name: 'tape', pointer: '' });
  try {
    return {
      ...(await readTape(chunks(bytes), file.name, source!, { maxRows: PAGE_MAX_ROWS })),
      source: source!,
    };
  } catch (error) {
    // The reader reports every problem of the content; what it throws comes from the byte stream.
    const why = error instanceof Error ? error.message : String(error);
    throw new TapeFileError(
      gzip ? `${file.name}: the gzip data is damaged (${why})` : `${file.name}: cannot be read (${why})`,
    );
  }
}
