import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  counted,
  formatProblem,
  loadScenario,
  RUN_LIMITS,
  runMonteCarlo,
  runSpec,
  scenarioInput,
  warmUpSpec,
} from '../../engine/index.ts';
import type {
  ChunkExecutor,
  MonteCarloResult,
  ReadFile,
  ResolvedScenario,
  RunProgress,
  RunSpec,
  TapeBook,
  TapeSource,
} from '../../engine/index.ts';
import { isComplete } from '../lib/result-file.ts';
import type { RunSettingsInput } from '../lib/workspace.ts';

export type RunStatus = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'failed';

/** A message for the reader: what happened, and one line per detail (e.g. each located problem). */
export interface RunMessage {
  readonly tone: 'error' | 'info';
  readonly title: string;
  readonly lines: readonly string[];
}

/** A scenario of the shown result, as the reader knows it. */
export interface ShownScenario {
  readonly path: string;
  readonly name: string;
  /** What a reader calls it, when the scenario has a title (results kept before titles have none). */
  readonly title?: string;
  readonly description: string;
}

export interface RunState {
  readonly status: RunStatus;
  /** Iterations merged so far and in all, for the progress bar. */
  readonly completed: number;
  readonly total: number;
  /** Milliseconds since the run started (or its duration, once over). */
  readonly elapsedMs: number;
  /** The result on screen: the last complete one, or the run's partial result while it refines. */
  readonly result?: MonteCarloResult;
  readonly scenarios: readonly ShownScenario[];
  /** Whether `result` covers every iteration it was asked for. */
  readonly complete: boolean;
  readonly message?: RunMessage;
}

export interface RunRequest {
  /** Scenario paths: the baseline first, then the challengers. */
  readonly paths: readonly string[];
  readonly settings: RunSettingsInput;
  readonly read: ReadFile;
  /**
   * A contract tape read in the page (TapeController): every scenario of the run starts from its book
   * instead of its own portfolio's, the rest of the portfolio settings completing what it lacks.
   */
  readonly tape?: { readonly book: TapeBook; readonly source: TapeSource };
}

/** An executor the controller may stop at once (WebWorkerPool); others are stopped between chunks. */
export type StoppableExecutor = ChunkExecutor & {
  terminate?: (reason?: string) => void;
  /**
   * Starts the workers ahead of the first run, so pressing Run does not wait for them to load; with a
   * warm-up spec, new workers also simulate it (see warmUpSpec).
   */
  warm?: (warmUp?: RunSpec) => void;
};

export interface RunControllerOptions {
  /** Makes the executor chunks run on; made once and kept for later runs. */
  readonly executor: () => StoppableExecutor;
  /**
   * Shortest time between two partial results shown, ms (default 2,000). Summaries, the table and the
   * charts redraw on each, a few hundred ms of the page's thread that the workers' cores also need:
   * redrawing on every chunk (every 0.6 s on 2 cores) made a run 1.46 × the CLI's time.
   */
  readonly throttleMs?: number;
  /** A clock, ms. */
  readonly now?: () => number;
  /**
   * Iterations per chunk; default the CLI's (RUN_LIMITS.chunkSize), so the manifest — and the JSON
   * export — equal `cyclecast compare`'s. Smaller chunks show the first partial result sooner.
   */
  readonly chunkSize?: number;
  /** Called with each complete result (to keep it across reloads). */
  readonly onComplete?: (result: MonteCarloResult, scenarios: readonly ShownScenario[]) => void;
}

const IDLE: RunState = {
  status: 'idle',
  completed: 0,
  total: 0,
  elapsedMs: 0,
  scenarios: [],
  complete: false,
};

/**
 * Runs a comparison on the workbench's executor and keeps what the screen shows: progress, results that
 * refine live as chunks merge (throttled), cancellation at any moment, and — when a run fails — the
 * previous results with a message saying why.
 */
export class RunController implements ReactiveController {
  state: RunState = IDLE;
  private executor: StoppableExecutor | undefined;
  private abort: AbortController | undefined;
  private readonly throttleMs: number;
  private warmUp: RunSpec | undefined;
  private readonly now: () => number;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RunControllerOptions,
  ) {
    this.throttleMs = options.throttleMs ?? 2000;
    this.now = options.now ?? (() => performance.now());
    host.addController(this);
  }

  get running(): boolean {
    return this.state.status === 'loading' || this.state.status === 'running';
  }

  hostConnected(): void {
    this.executor ??= this.options.executor();
    this.executor.warm?.(this.warmUp);
  }

  /**
   * Warms the workers on a small run of `scenarios` (typically the baseline on screen), now and after
   * every cancel, so the first partial result of a run does not wait for the engine's code to optimise.
   */
  warmUpOn(scenarios: readonly ResolvedScenario[]): void {
    this.warmUp = warmUpSpec(scenarios.map(scenarioInput));
    if (!this.running) this.executor?.warm?.(this.warmUp);
  }

  hostDisconnected(): void {
    this.cancel();
    void this.executor?.close();
    this.executor = undefined;
  }

  /**
   * Shows a result that was not run here: one kept from an earlier visit, or a result file opened.
   * Refused (false) while a run is in progress, whose results own the screen.
   */
  show(result: MonteCarloResult, scenarios: readonly ShownScenario[], message?: RunMessage): boolean {
    if (this.running) return false;
    this.set({
      status: 'idle',
      completed: 0,
      total: 0,
      elapsedMs: 0,
      result,
      scenarios,
      complete: isComplete(result),
      ...(message ? { message } : {}),
    });
    return true;
  }

  /** Drops the message on screen (the reader has seen it). */
  dismissMessage(): void {
    if (this.state.message) this.set({ ...this.state, message: undefined });
  }

  /** Stops the run in progress now; the partial result so far stays on screen, marked as such. */
  cancel(): void {
    if (!this.running || !this.abort) return;
    this.abort.abort();
    this.executor?.terminate?.('the run was cancelled');
    this.executor?.warm?.(this.warmUp);
  }

  /** Loads the scenarios, then runs them; resolves when the run is over, whichever way it ended. */
  async start(request: RunRequest): Promise<void> {
    if (this.running) return;
    const previous = this.state;
    const abort = new AbortController();
    this.abort = abort;
    const started = this.now();
    const total = request.settings.iterations;
    this.set({ ...previous, status: 'loading', completed: 0, total, elapsedMs: 0, message: undefined });

    const loaded = await this.load(request);
    if ('message' in loaded) return this.fail(previous, loaded.message, started);
    if (abort.signal.aborted) return this.finishCancelled(previous, previous, started);

    const spec: RunSpec = runSpec(
      loaded.scenarios,
      request.settings,
      this.options.chunkSize ?? RUN_LIMITS.chunkSize.default,
    );
    const scenarios = loaded.scenarios.map((s, i) => ({
      path: request.paths[i]!,
      name: s.name,
      ...(s.title !== undefined ? { title: s.title } : {}),
      description: s.description,
    }));
    this.set({ ...this.state, status: 'running' });
    // The clock on screen keeps moving while the first chunk prepares and runs (seconds, not frames).
    const ticker = setInterval(() => {
      if (this.abort === abort && this.state.status === 'running') {
        this.set({ ...this.state, elapsedMs: this.now() - started });
      }
    }, 1000);

    let latest: RunProgress | undefined;
    let shownAt = -Infinity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      timer = undefined;
      if (!latest || abort.signal.aborted || this.abort !== abort) return;
      shownAt = this.now();
      // Summarised now, over every chunk merged by now.
      const partial = latest.partial;
      this.set({
        ...this.state,
        elapsedMs: shownAt - started,
        ...(partial ? { result: partial, scenarios, complete: false } : {}),
      });
    };
    const onProgress = (progress: RunProgress) => {
      latest = progress;
      // The count moves with every chunk (cheap); results redraw at most once per throttle interval.
      this.set({ ...this.state, completed: progress.completedIterations, elapsedMs: this.now() - started });
      const wait = shownAt + this.throttleMs - this.now();
      if (wait <= 0) show();
      else timer ??= setTimeout(show, wait);
    };

    try {
      this.executor ??= this.options.executor();
      const result = await runMonteCarlo(spec, this.executor, {
        signal: abort.signal,
        onProgress,
        partialResults: true,
      });
      clearTimeout(timer);
      clearInterval(ticker);
      this.set({
        status: 'done',
        completed: total,
        total,
        elapsedMs: this.now() - started,
        result,
        scenarios,
        complete: true,
      });
      this.options.onComplete?.(result, scenarios);
    } catch (error) {
      clearTimeout(timer);
      clearInterval(ticker);
      if (abort.signal.aborted) {
        const partial = latest?.partial ? { ...this.state, result: latest.partial, scenarios } : previous;
        return this.finishCancelled(previous, partial, started, latest?.completedIterations ?? 0);
      }
      const text = error instanceof Error ? error.message : String(error);
      this.fail(previous, { tone: 'error', title: 'The simulation failed', lines: [text] }, started);
    }
  }

  private async load(
    request: RunRequest,
  ): Promise<{ scenarios: ResolvedScenario[] } | { message: RunMessage }> {
    const scenarios: ResolvedScenario[] = [];
    const lines: string[] = [];
    const invalid: string[] = [];
    for (const path of request.paths) {
      try {
        const { scenario, problems } = await loadScenario(path, request.read);
        const errors = problems.filter((p) => p.severity === 'error');
        if (!scenario || errors.length > 0) {
          invalid.push(path);
          lines.push(...errors.map(formatProblem));
        } else scenarios.push(scenario);
      } catch (error) {
        invalid.push(path);
        lines.push(`${path}: ${(error as Error).message}`);
      }
    }
    const tape = request.tape;
    if (invalid.length === 0 && tape !== undefined) {
      return {
        scenarios: scenarios.map((s) => ({
          ...s,
          portfolio: { ...s.portfolio, tape: tape.source },
          tape: tape.book,
        })),
      };
    }
    if (invalid.length === 0) return { scenarios };
    return {
      message: {
        tone: 'error',
        title: `Cannot run: ${invalid.join(', ')} ${invalid.length === 1 ? 'is' : 'are'} not valid. The results below are from the previous run.`,
        lines,
      },
    };
  }

  private fail(previous: RunState, message: RunMessage, started: number): void {
    this.set({ ...previous, status: 'failed', elapsedMs: this.now() - started, message });
  }

  private finishCancelled(previous: RunState, shown: RunState, started: number, completed = 0): void {
    const partial = shown !== previous;
    this.set({
      ...shown,
      status: 'cancelled',
      completed,
      elapsedMs: this.now() - started,
      complete: partial ? false : previous.complete,
      message: {
        tone: 'info',
        title: partial
          ? `Run cancelled after ${completed} of ${counted(this.state.total, 'iteration')}: the results below cover ${completed === 1 ? 'that iteration' : `those ${completed} iterations`} only.`
          : 'Run cancelled before any iteration finished: the results below are from the previous run.',
        lines: [],
      },
    });
  }

  private set(state: RunState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
