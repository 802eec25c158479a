import type { JsonDocument } from './document.ts';
import type { Problem } from './problem.ts';

export interface ReportOptions {
  /** What to do about it: 'did you mean "monthsToEnd"?'. */
  readonly hint?: string | undefined;
  /** Point at the member's key rather than its value (an unknown property). */
  readonly at?: 'value' | 'key';
}

/**
 * Collects located problems for one document. A validator reports by JSON pointer; the reporter
 * finds line and column, and drops a problem reported twice at the same place.
 */
export class ProblemReporter {
  private readonly list: Problem[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly doc: JsonDocument) {}

  error(pointer: string, message: string, options: ReportOptions = {}): void {
    this.add('error', pointer, message, options);
  }

  warning(pointer: string, message: string, options: ReportOptions = {}): void {
    this.add('warning', pointer, message, options);
  }

  get errorCount(): number {
    return this.list.filter((p) => p.severity === 'error').length;
  }

  /** The problems in document order (line, then column), reports at one place in reporting order. */
  problems(): Problem[] {
    return sortProblems(this.list);
  }

  private add(severity: Problem['severity'], pointer: string, message: string, options: ReportOptions): void {
    const key = `${severity}\u0000${pointer}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const { line, column } = options.at === 'key' ? this.doc.locateKey(pointer) : this.doc.locate(pointer);
    this.list.push({
      file: this.doc.file,
      line,
      column,
      pointer,
      severity,
      message,
      ...(options.hint ? { hint: options.hint } : {}),
    });
  }
}

/** Problems in document order; stable, so problems at one place keep the order they were found in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
