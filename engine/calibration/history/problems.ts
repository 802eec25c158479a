import type { Problem } from '../../json/problem.ts';

/**
 * The problems found in one pass over a history's files, each at `file:ROW:COLUMN  column  message`
 * (the header is row 1), kept up to a limit and counted by kind beyond it. A message never quotes an
 * identifier.
 */
export class HistoryProblems {
  readonly list: Problem[] = [];
  readonly kinds: Record<string, number> = {};
  count = 0;

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
    const kind = `${columnName}: ${message}`;
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
