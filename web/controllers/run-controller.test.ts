import type { ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { InProcessExecutor } from '../../engine/index.ts';
import type { ChunkResult, ChunkTask, RunSpec } from '../../engine/index.ts';
import { FIXTURE_BASELINE, FIXTURE_TCM, diskRead, fixtureResult } from '../testing/fixtures.ts';
import { RunController, type RunState, type StoppableExecutor } from './run-controller.ts';

/** A host that records every state the controller asks it to draw. */
function host() {
  const states: RunState[] = [];
  let controller: RunController | undefined;
  const h: ReactiveControllerHost = {
    addController: () => {},
    removeController: () => {},
    requestUpdate: () => {
      if (controller) states.push(controller.state);
    },
    updateComplete: Promise.resolve(true),
  };
  return { h, states, bind: (c: RunController) => (controller = c) };
}

/** Runs chunks in process, waiting for `gate` before each chunk after the first. */
class GatedExecutor extends InProcessExecutor implements StoppableExecutor {
  terminated = 0;
  chunks = 0;
  constructor(
    private readonly gate: () => Promise<void>,
    public failAt = -1,
  ) {
    super();
  }
  override async run(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult> {
    if (this.chunks++ > 0) await this.gate();
    if (task.index === this.failAt) throw new Error('a simulation worker failed: out of memory');
    return super.run(runId, spec, task);
  }
  terminate() {
    this.terminated++;
  }
}

const settings = { iterations: 12, seed: 5, horizonMonths: 24 };
const request = (paths = [FIXTURE_BASELINE, FIXTURE_TCM], iterations = 12) => ({
  paths,
  settings: { ...settings, iterations },
  read: diskRead,
});

describe('RunController', () => {
  it('runs the comparison to the same result as the engine run directly', async () => {
    const { h, bind } = host();
    const run = bind(new RunController(h, { executor: () => new InProcessExecutor() }));
    await run.start(request());
    expect(run.state.status).toBe('done');
    expect(run.state.complete).toBe(true);
    expect(run.state.result).toEqual(await fixtureResult());
    expect(run.state.scenarios.map((s) => s.name)).toEqual(['baseline', 'tcm']);
  });

  it('shows partial results as chunks merge, at most once per throttle interval', async () => {
    const fast = host();
    const run = fast.bind(
      new RunController(fast.h, { executor: () => new InProcessExecutor(), throttleMs: 0, chunkSize: 2 }),
    );
    await run.start(request(undefined, 6));
    /** The partial results shown, in order (a state repeats the last one while only the count moves). */
    const partialsOf = (states: RunState[]) => [
      ...new Set(
        states.filter((s) => s.status === 'running' && s.result && !s.complete).map((s) => s.result!),
      ),
    ];
    // Chunk 0 holds one iteration (the first partial result comes early), then chunks of 2.
    expect(partialsOf(fast.states).map((r) => r.scenarios[0]!.summary.iterations)).toEqual([1, 3, 5, 6]);

    let clock = 0;
    const slow = host();
    const throttled = slow.bind(
      new RunController(slow.h, {
        executor: () => new InProcessExecutor(),
        throttleMs: 1e9,
        chunkSize: 2,
        now: () => clock++,
      }),
    );
    await throttled.start(request(undefined, 6));
    // The first partial result shows at once; the next would wait out the interval. The count moves on.
    expect(partialsOf(slow.states).map((r) => r.scenarios[0]!.summary.iterations)).toEqual([1]);
    expect(slow.states.filter((s) => s.status === 'running').map((s) => s.completed)).toContain(5);
    expect(throttled.state.status).toBe('done');
  });

  it('cancels at once, stops the executor and keeps the partial result, marked as partial', async () => {
    const { h, states, bind } = host();
    let release: () => void = () => {};
    const executor = new GatedExecutor(() => new Promise<void>((resolve) => (release = resolve)));
    const run = bind(new RunController(h, { executor: () => executor, throttleMs: 0, chunkSize: 10 }));
    const done = run.start(request(undefined, 30));
    // The first chunk (one iteration) runs; the gate holds the next.
    while (!states.some((s) => s.completed === 1)) await new Promise((r) => setTimeout(r, 5));
    run.cancel();
    release();
    await done;
    expect(executor.terminated).toBe(1);
    expect(run.state.status).toBe('cancelled');
    expect(run.state.complete).toBe(false);
    expect(run.state.result!.scenarios[0]!.summary.iterations).toBe(1);
    expect(run.state.message!.title).toBe(
      'Run cancelled after 1 of 30 iterations: the results below cover that iteration only.',
    );
    expect(run.running).toBe(false);
  });

  it('keeps the previous results and says why when a scenario is invalid', async () => {
    const { h, bind } = host();
    const run = bind(new RunController(h, { executor: () => new InProcessExecutor() }));
    await run.start(request(undefined, 2));
    const previous = run.state.result;
    expect(previous?.scenarios[0]!.summary.iterations).toBe(2);
    await run.start(request([FIXTURE_BASELINE, 'test/fixtures/scenarios/missing.json']));
    expect(run.state.status).toBe('failed');
    expect(run.state.result).toBe(previous);
    expect(run.state.complete).toBe(true);
    expect(run.state.message!.title).toBe(
      'Cannot run: test/fixtures/scenarios/missing.json is not valid. The results below are from the previous run.',
    );
    expect(run.state.message!.lines[0]).toMatch(
      /^test\/fixtures\/scenarios\/missing\.json:1:1 .*cannot read scenario/,
    );
  });

  it('keeps the previous results when the simulation fails midway', async () => {
    const { h, bind } = host();
    const executor = new GatedExecutor(async () => {});
    const run = bind(new RunController(h, { executor: () => executor, throttleMs: 0 }));
    await run.start(request(undefined, 2));
    const previous = run.state.result;
    expect(previous?.scenarios[0]!.summary.iterations).toBe(2);
    executor.failAt = 1;
    await run.start(request(undefined, 30));
    expect(run.state.status).toBe('failed');
    expect(run.state.result).toBe(previous);
    expect(run.state.message).toEqual({
      tone: 'error',
      title: 'The simulation failed',
      lines: ['a simulation worker failed: out of memory'],
    });
  });
});
