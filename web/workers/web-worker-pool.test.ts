import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import type { ChunkResult, ChunkTask, RunSpec } from '../../engine/index.ts';
import { WebWorkerPool } from './web-worker-pool.ts';

/**
 * A stand-in for a Web Worker over a MessageChannel: it serves the chunk API with comlink like the real
 * worker, runs each chunk until released, and records whether it was terminated.
 */
class FakeWorker extends EventTarget {
  terminated = false;
  running = 0;
  readonly calls: { runId: string; task: ChunkTask }[] = [];
  readonly port: MessagePort;
  private release: (() => void)[] = [];
  constructor(fail?: string) {
    super();
    const channel = new MessageChannel();
    this.port = channel.port1;
    // The real worker answers synchronously; comlink carries a promise the same way.
    const api = {
      runChunk: async (runId: string, _spec: RunSpec, task: ChunkTask): Promise<ChunkResult> => {
        this.calls.push({ runId, task });
        if (fail) throw new Error(fail);
        this.running++;
        await new Promise<void>((resolve) => this.release.push(resolve));
        this.running--;
        return { index: task.index, runs: [], paired: [] };
      },
    };
    expose(api, channel.port2);
    channel.port1.start();
  }
  postMessage(message: unknown, transfer?: Transferable[]) {
    this.port.postMessage(message, transfer ?? []);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.port.addEventListener('message', listener as EventListener);
    else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.port.removeEventListener('message', listener as EventListener);
    else super.removeEventListener(type, listener);
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
  finishAll() {
    for (const r of this.release.splice(0)) r();
  }
}

const spec = {} as RunSpec;
const task = (index: number): ChunkTask => ({ index, first: index * 10, count: 10 });
const tick = () => new Promise((r) => setTimeout(r, 20));

function pool(workers: number, fail?: string) {
  const made: FakeWorker[] = [];
  const p = new WebWorkerPool(workers, () => {
    const w = new FakeWorker(fail);
    made.push(w);
    return w as unknown as Worker;
  });
  return { p, made };
}

describe('WebWorkerPool', () => {
  it('starts its workers ahead of the first run when warmed, and runs on them', async () => {
    const { p, made } = pool(2);
    p.warm();
    p.warm();
    expect(made.length).toBe(2);
    const runs = [0, 1].map((i) => p.run('run', spec, task(i)));
    await tick();
    expect(made.map((w) => w.running)).toEqual([1, 1]);
    made.forEach((w) => w.finishAll());
    expect((await Promise.all(runs)).map((r) => r.index)).toEqual([0, 1]);
    expect(made.length).toBe(2);
  });

  it('sends each worker one warm-up run, once, and then its chunks', async () => {
    const { p, made } = pool(2);
    p.warm();
    const warmUp = { iterations: 1 } as RunSpec;
    p.warm(warmUp);
    p.warm(warmUp);
    await tick();
    expect(made.map((w) => w.calls.map((c) => c.runId))).toEqual([['warm-up'], ['warm-up']]);
    const run = p.run('run', spec, task(0));
    await tick();
    expect(made[0]!.calls.map((c) => c.runId)).toEqual(['warm-up', 'run']);
    made.forEach((w) => w.finishAll());
    await tick();
    made.forEach((w) => w.finishAll());
    expect((await run).index).toBe(0);
  });

  it('runs one chunk per worker at a time, on as many workers as asked', async () => {
    const { p, made } = pool(2);
    const runs = [0, 1, 2].map((i) => p.run('run', spec, task(i)));
    await tick();
    expect(made.length).toBe(2);
    expect(made.map((w) => w.running)).toEqual([1, 1]);
    made[0]!.finishAll();
    await tick();
    expect(made.map((w) => w.running)).toEqual([1, 1]);
    made.forEach((w) => w.finishAll());
    await tick();
    made.forEach((w) => w.finishAll());
    expect((await Promise.all(runs)).map((r) => r.index)).toEqual([0, 1, 2]);
    expect(made.length).toBe(2);
  });

  it('terminates its workers at once, rejecting chunks in flight, and starts fresh ones next time', async () => {
    const { p, made } = pool(2);
    const runs = [0, 1].map((i) => p.run('run', spec, task(i)).catch((e: Error) => e));
    await tick();
    p.terminate();
    const errors = await Promise.all(runs);
    expect(errors.map((e) => (e as DOMException).name)).toEqual(['AbortError', 'AbortError']);
    expect(made.every((w) => w.terminated)).toBe(true);
    const next = p.run('run2', spec, task(0));
    await tick();
    expect(made.length).toBe(3);
    made[2]!.finishAll();
    expect((await next).index).toBe(0);
  });

  it('passes a chunk’s failure on as an error', async () => {
    const { p } = pool(1, 'invalid world: boom');
    await expect(p.run('run', spec, task(0))).rejects.toThrow('invalid world: boom');
  });

  it('rejects the chunk of a worker that crashed', async () => {
    const { p, made } = pool(1);
    const run = p.run('run', spec, task(0));
    await tick();
    made[0]!.dispatchEvent(
      Object.assign(new Event('error', { cancelable: true }), { message: 'script error' }),
    );
    await expect(run).rejects.toThrow('a simulation worker failed: script error');
  });
});
