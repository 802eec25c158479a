import type { Problem } from '../../json/problem.ts';

/** Problem kinds told apart in a summary; the rest are counted as {@link OTHER_KINDS}. */
const MAX_KINDS = 1000;
const OTHER_KINDS = '(other kinds)';

/**
 * The problems found in one pass over a CSV file (a tape, a dealer list, a history, count tables), each
 * at `file:ROW:COLUMN  column  message` (the header is row 1): the first `maxProblems` kept, all of them
 * counted by kind. Memory is bounded whatever the file: past 1,000 kinds (messages that quote a value),
 * new kinds count together. A message never quotes an identifier.
 */
export class RowProblems {
  readonly list: Problem[] = [];
  readonly kinds: Record<string, number> = {};
  count = 0;
  private kindCount = 0;

  constructor(readonly maxProblems = 100) {}

  report(
    file: string,
    row: number,
    column: number,
    columnName: string,
    message: string,
    hint?: string,
  ): void {
    this.count++;
    let kind = `${columnName}: ${message}`;
    if (this.kinds[kind] === undefined && this.kindCount >= MAX_KINDS) kind = OTHER_KINDS;
    if (this.kinds[kind] === undefined) this.kindCount++;
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
    if (this.list.length < this.maxProblems) {
      this.list.push({
        file,
        line: row,
        column,
        pointer: columnName,
        severity: 'error',
        message,
        ...(hint ? { hint } : {}),
      });
    }
  }
}
