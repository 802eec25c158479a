import { HistoryCounter, type HistoryCountOptions, type HistoryCountResult } from './counter.ts';

/** One parsed CSV row at its row number (the header is row 1), or bytes that did not decode there. */
export type HistoryRow =
  | { readonly row: number; readonly cells: string[] }
  | { readonly row: number; readonly column: number; readonly undecodable: true };

export type Rows = AsyncIterable<HistoryRow> | Iterable<HistoryRow>;

/** The history's files as row sources; `events` is opened twice (new contracts first, for renewals). */
export interface HistoryInput {
  readonly snapshots: Rows;
  readonly events?: () => Rows;
}

/**
 * Counts a history (docs/history.md): merges snapshots and events, both sorted by contract_id then
 * month, into a {@link HistoryCounter}, one contract at a time. Runs on any row source: CSV streams in
 * the CLI, arrays in tests, a file in a browser.
 */
export async function countHistory(
  input: HistoryInput,
  options: HistoryCountOptions,
): Promise<HistoryCountResult> {
  const counter = new HistoryCounter(options);
  let events: AsyncIterator<HistoryRow> | Iterator<HistoryRow> | undefined;
  let pending: { row: number; cells: string[] } | undefined;
  let eventsDone = true;

  if (input.events !== undefined) {
    // First pass: the new contracts by customer (renewals join a contract to a later one of its customer).
    let header = true;
    for await (const item of input.events()) {
      if ('undecodable' in item) continue;
      if (header) {
        header = false;
        if (!counter.eventHeader(item.cells)) break;
        continue;
      }
      counter.indexNewContract(item.cells);
    }
    if (header)
      counter.problems.report(
        counter.events.file,
        1,
        1,
        '(header)',
        'the events file is empty: expected a header row',
      );
    else if (counter.problems.count === 0) {
      const source = input.events();
      events = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
      eventsDone = false;
      await nextEvent(); // the header, already checked
      await nextEvent();
    }
  }

  async function nextEvent(): Promise<void> {
    pending = undefined;
    while (!eventsDone) {
      const step = await events!.next();
      if (step.done === true) {
        eventsDone = true;
        return;
      }
      const item = step.value;
      if ('undecodable' in item) {
        undecodable(counter, counter.events.file, item.row, item.column, counter.options.dialect?.encoding);
        continue;
      }
      pending = item;
      return;
    }
  }

  /** Hands the counter every event of a contract before `id` (all, without `id`). */
  async function eventsBefore(id: string | undefined): Promise<void> {
    while (pending !== undefined) {
      const eventId = pending.cells[counter.eventIdIndex]?.trim() ?? '';
      if (id !== undefined && eventId >= id) return;
      counter.eventRow(pending.cells, pending.row);
      await nextEvent();
    }
  }

  let header = true;
  let current: string | undefined;
  for await (const item of input.snapshots) {
    if ('undecodable' in item) {
      undecodable(counter, counter.snapshots.file, item.row, item.column, counter.options.dialect?.encoding);
      continue;
    }
    if (header) {
      header = false;
      if (!counter.snapshots.header(item.cells)) break;
      continue;
    }
    const id = item.cells[counter.snapshotIdIndex]?.trim() ?? '';
    if (id !== current && (current === undefined || id > current)) {
      await eventsBefore(id);
      current = id;
    }
    counter.snapshotRow(item.cells, item.row);
  }
  if (header)
    counter.problems.report(
      counter.snapshots.file,
      1,
      1,
      '(header)',
      'the snapshots file is empty: expected a header row',
    );
  await eventsBefore(undefined);
  return counter.finish();
}

function undecodable(
  counter: HistoryCounter,
  file: string,
  row: number,
  column: number,
  encoding?: string,
): void {
  counter.problems.report(
    file,
    row,
    column,
    '(bytes)',
    `invalid ${encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'} bytes`,
    'save the file as CSV (UTF-8), or declare its encoding',
  );
}
