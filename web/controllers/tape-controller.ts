import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { counted, formatProblem, type TapeBook, type TapeSource } from '../../engine/index.ts';
import { readTapeInPage, TapeFileError } from '../lib/tape-file.ts';

/** Whether a file is a contract tape by its name: CSV or gzip-compressed CSV. */
export function isTapeFile(name: string): boolean {
  return /\.csv(\.gz)?$/i.test(name);
}

export interface TapeState {
  readonly status: 'none' | 'reading' | 'ready' | 'invalid';
  /** The dropped file's name. */
  readonly name?: string;
  /** Contracts read (so far, while reading). */
  readonly contracts?: number;
  /** Customers and dealers of a tape read without problems. */
  readonly customers?: number;
  readonly dealers?: number;
  readonly asOf?: string;
  /** Each problem as `file:row:column  column  message (hint)`, as the CLI prints it, then a count by kind. */
  readonly lines: readonly string[];
}

/**
 * The contract tape dropped on the page: read and checked here, kept in this page's memory only (never
 * sent, never stored: a reload forgets it), and handed to the next runs as their portfolio.
 */
export class TapeController implements ReactiveController {
  state: TapeState = { status: 'none', lines: [] };
  private tape: { book: TapeBook; source: TapeSource } | undefined;
  private reading = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The book and how it was read, when a tape without problems is loaded. */
  get loaded(): { book: TapeBook; source: TapeSource } | undefined {
    return this.tape;
  }

  /** Reads `file` as the book of the next runs; a tape with problems lists them and is not used. */
  async read(file: File): Promise<void> {
    const token = ++this.reading;
    this.tape = undefined;
    this.set({ status: 'reading', name: file.name, lines: [] });
    try {
      const { book, summary, problems, source } = await readTapeInPage(file);
      if (token !== this.reading) return;
      if (book === undefined) {
        const more = summary.problemCount - problems.length;
        const kinds = Object.entries(summary.problemKinds).sort((a, b) => b[1] - a[1]);
        this.set({
          status: 'invalid',
          name: file.name,
          contracts: summary.rows,
          lines: [
            ...problems.map(formatProblem),
            ...(more > 0 ? [`and ${counted(more, 'more problem')}`] : []),
            `${counted(summary.problemCount, 'problem')}, by kind: ${kinds.map(([k, n]) => `${k} (${n})`).join('; ')}`,
          ],
        });
        return;
      }
      this.tape = { book, source };
      this.set({
        status: 'ready',
        name: file.name,
        contracts: book.contracts.count,
        customers: book.customers.count,
        dealers: book.dealers.count,
        asOf: book.asOf,
        lines: [],
      });
    } catch (error) {
      if (token !== this.reading) return;
      const text =
        error instanceof TapeFileError ? error.message : `${file.name}: ${(error as Error).message}`;
      this.set({ status: 'invalid', name: file.name, lines: [text] });
    }
  }

  /** Forgets the tape: the next runs use the scenarios' own portfolios. */
  clear(): void {
    this.reading++;
    this.tape = undefined;
    this.set({ status: 'none', lines: [] });
  }

  private set(state: TapeState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
