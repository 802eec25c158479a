import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  formatProblem,
  parseOverride,
  loadScenario,
  paramGrid,
  paramMessage,
  parseParamRange,
  runMonteCarlo,
  runSensitivity,
  runSpec,
  sweepResult,
} from '../../engine/index.ts';
import type {
  KpiId,
  ReadFile,
  ResolvedScenario,
  RunProgress,
  ScenarioOverride,
  SensitivityResult,
  SweepResult,
} from '../../engine/index.ts';
import type { RunSettingsInput } from '../lib/workspace.ts';
import type { StoppableExecutor } from './run-controller.ts';

export type AnalysisStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** One analysis panel's state: what it shows and how far its run has got. */
export interface AnalysisState {
  readonly status: AnalysisStatus;
  /** Iterations done and (at most) to do over every run of the analysis. */
  readonly completed: number;
  readonly total: number;
  readonly error?: string;
}

export interface SensitivityRun {
  /** Scenario paths: the baseline, then the challenger. */
  readonly baseline: string;
  readonly challenger: string;
  readonly settings: RunSettingsInput;
  readonly kpi: KpiId;
  readonly read: ReadFile;
  /** `PATH=VALUE` settings over both scenarios, as `--set` takes them (e.g. a world value as a distribution). */
  readonly set?: readonly string[];
  /** Bisection steps per break-even value and how many get one (the CLI's --steps and --break-even). */
  readonly bisectionSteps?: number;
  readonly breakEvens?: number;
  /** Declared ranges held, the top ones by |ρ| in the base run (default 10). */
  readonly top?: number;
}

export interface SweepRun {
  readonly scenario: string;
  /** `NAME=FROM..TO[:STEP]`, as `cyclecast sweep --param` takes it. */
  readonly param: string;
  readonly settings: RunSettingsInput;
  readonly kpi: KpiId;
  readonly read: ReadFile;
  /** `PATH=VALUE` settings over the scenario, as `--set` takes them. */
  readonly set?: readonly string[];
}

const IDLE: AnalysisState = { status: 'idle', completed: 0, total: 0 };

/** A reader's mistake, shown as it is (no "failed" prefix, no stack). */
class InputError extends Error {}

/**
 * Runs the workbench's sensitivity (tornado and break-even values) and sweep analyses with the engine's
 * own functions (those `cyclecast sensitivity` and `cyclecast sweep` run) on an executor of its own,
 * so a comparison on screen is never disturbed; one analysis at a time, cancellable at any moment.
 */
export class AnalysisController implements ReactiveController {
  sensitivity: AnalysisState = IDLE;
  sweep: AnalysisState = IDLE;
  sensitivityResult: SensitivityResult | undefined;
  sweepResult: SweepResult | undefined;
  private executor: StoppableExecutor | undefined;
  private abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly makeExecutor: () => StoppableExecutor,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.sensitivity.status === 'running' || this.sweep.status === 'running';
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
    void this.executor?.close();
    this.executor = undefined;
  }

  /** Stops the analysis in progress; the previous result stays on screen. */
  cancel(): void {
    if (!this.running || !this.abort) return;
    this.abort.abort();
    this.executor?.terminate?.('the analysis was cancelled');
  }

  /** The tornado of the challenger's paired delta against the baseline, with break-even values. */
  async runSensitivity(run: SensitivityRun): Promise<void> {
    await this.track('sensitivity', async (signal, onProgress) => {
      const paths = [run.baseline, run.challenger];
      const set = parseSet(run.set);
      const base = await loadAll(paths, set, run.read);
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      this.sensitivityResult = await runSensitivity(
        {
          load: async (fixed) => {
            if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
            return fixed.length === 0 ? base : loadAll(paths, [...set, ...fixed], run.read);
          },
          settings: run.settings,
          kpi: run.kpi,
          executor: this.executorNow(),
          ...(run.bisectionSteps !== undefined ? { bisectionSteps: run.bisectionSteps } : {}),
          ...(run.breakEvens !== undefined ? { breakEvens: run.breakEvens } : {}),
          ...(run.top !== undefined ? { top: run.top } : {}),
          onProgress,
        },
        set,
      );
    });
  }

  /** The scenario at every value of one setting, all on the same random numbers. */
  async runSweep(run: SweepRun): Promise<void> {
    await this.track('sweep', async (signal, onProgress) => {
      const { range, problem } = parseParamRange(run.param.trim(), true);
      if (!range) throw new InputError(problem ? formatProblem(problem) : `invalid range ${run.param}`);
      const grid = paramGrid([range]);
      if (!grid.points) throw new InputError(formatProblem(grid.problem!));
      const set = parseSet(run.set);
      const scenarios: ResolvedScenario[] = [];
      for (const point of grid.points) {
        try {
          scenarios.push(...(await loadAll([run.scenario], [...set, ...point.overrides], run.read)));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          throw new InputError(paramMessage(error.message, [range], point));
        }
      }
      const result = await runMonteCarlo(runSpec(scenarios, run.settings), this.executorNow(), {
        signal,
        onProgress,
      });
      this.sweepResult = sweepResult(result, [range], grid.points, run.kpi);
    });
  }

  private executorNow(): StoppableExecutor {
    return (this.executor ??= this.makeExecutor());
  }

  private async track(
    kind: 'sensitivity' | 'sweep',
    work: (signal: AbortSignal, onProgress: (p: RunProgress) => void) => Promise<void>,
  ): Promise<void> {
    if (this.running) return;
    const abort = new AbortController();
    this.abort = abort;
    this.set(kind, { status: 'running', completed: 0, total: 0 });
    try {
      await work(abort.signal, (p) =>
        this.set(kind, { status: 'running', completed: p.completedIterations, total: p.totalIterations }),
      );
      this.set(kind, { ...this[kind], status: 'done' });
    } catch (error) {
      if (abort.signal.aborted) this.set(kind, { ...this[kind], status: 'cancelled' });
      else
        this.set(kind, {
          ...this[kind],
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
    }
  }

  private set(kind: 'sensitivity' | 'sweep', state: AnalysisState): void {
    this[kind] = state;
    this.host.requestUpdate();
  }
}

/** Loads each path with `overrides`; any error-severity problem stops, every one of them listed. */
async function loadAll(
  paths: readonly string[],
  overrides: readonly ScenarioOverride[],
  read: ReadFile,
): Promise<ResolvedScenario[]> {
  const scenarios: ResolvedScenario[] = [];
  for (const path of paths) {
    const { scenario, problems } = await loadScenario(path, read, overrides);
    const errors = problems.filter((p) => p.severity === 'error');
    if (!scenario || errors.length > 0) throw new InputError(errors.map(formatProblem).join('\n'));
    scenarios.push(scenario);
  }
  return scenarios;
}

/** The reader's `PATH=VALUE` lines as overrides; every malformed line is reported, one per line. */
function parseSet(lines: readonly string[] = []): ScenarioOverride[] {
  const overrides: ScenarioOverride[] = [];
  const problems: string[] = [];
  for (const line of lines.map((l) => l.trim()).filter((l) => l !== '')) {
    const { override, problem } = parseOverride(line);
    if (override) overrides.push(override);
    else problems.push(problem ? formatProblem(problem) : `invalid setting ${line}: expected PATH=VALUE`);
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return overrides;
}
