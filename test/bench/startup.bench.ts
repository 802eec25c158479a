/**
 * Startup of the built CLI (`bin/cyclecast.js`, which runs the bundles compiled into dist/cli/): `cyclecast facts`
 * from spawn to exit, next to Node's own start and to the same command run from source through tsx
 * (how the CLI ran before it was built); and how much of a small `run` goes by before it simulates.
 * Every command is a fresh process, spawned in interleaved rounds; each figure is the median round.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `cyclecast facts` should start, print and exit within this many seconds. */
export const FACTS_TARGET_SECONDS = 0.3;

/** The small run: the baseline's book and world, 2 iterations of 12 months on 2 worker threads. */
export const SMALL_RUN = [
  'run',
  'scenarios/baseline.json',
  '--iterations',
  '2',
  '--horizon',
  '12',
  '--workers',
  '2',
  '--progress-json',
] as const;

/** The same small run on one worker: it simulates in process, with no worker thread to start. */
export const SMALL_RUN_ONE_WORKER = SMALL_RUN.map((arg, i) => (SMALL_RUN[i - 1] === '--workers' ? '1' : arg));

/** A small run's times: spawn to exit, and spawn to the start of its simulation. */
export interface SmallRunTiming {
  readonly args: readonly string[];
  /** Spawn to exit, seconds. */
  readonly seconds: number;
  /**
   * Spawn to the start of the simulation, seconds: the time to the first --progress-json line minus
   * the elapsedSeconds it reports (which the CLI counts from the start of the run, worker threads
   * loading their code included). Node's start, loading the CLI, reading and checking the scenario.
   */
  readonly beforeSimulatingSeconds: number;
}

export interface StartupSuiteResult {
  readonly rounds: number;
  /** `node -e ""`: Node starting and exiting with nothing to load, seconds. */
  readonly nodeSeconds: number;
  /**
   * A process that only loads a worker thread's code (dist/cli/worker.js, the worker's bundle, what
   * each worker of a run loads) and exits, seconds: minus nodeSeconds, what loading it costs.
   */
  readonly workerCodeSeconds: number;
  /** `node bin/cyclecast.js facts`, spawn to exit, seconds. */
  readonly factsSeconds: number;
  /** The same command through tsx from source (`node --import tsx engine/cli/main.ts facts`), seconds. */
  readonly factsThroughTsxSeconds: number;
  /**
   * A process that only loads the code of `cyclecast run` (dist/cli/run.js, the bundle of
   * engine/cli/commands/simulate.ts, and the chunks it imports) and exits, seconds: minus nodeSeconds,
   * what loading it costs.
   */
  readonly runCodeSeconds: number;
  readonly smallRun: SmallRunTiming;
  readonly smallRunOneWorker: SmallRunTiming;
  /**
   * CPU time (user + system) of each command, seconds, median; to 10 ms (the kernel's clock tick).
   * Wall time on a shared machine includes waiting for a core; CPU time does not. Null where the
   * system does not say (read from /proc on Linux).
   */
  readonly cpuSeconds: Readonly<Record<Contender, number | null>>;
  readonly target: { readonly factsSeconds: number };
  readonly met: boolean;
}

export type Contender =
  'node' | 'workerCode' | 'runCode' | 'facts' | 'factsThroughTsx' | 'smallRun' | 'smallRunOneWorker';

const WORKER_CODE = "await import('./dist/cli/worker.js')";
const RUN_CODE = "await import('./dist/cli/run.js')";

interface Timing {
  readonly seconds: number;
  readonly cpuSeconds: number | null;
  /** Seconds from spawn to the first --progress-json line, and the elapsedSeconds it reports. */
  readonly firstProgress: { readonly atSeconds: number; readonly elapsedSeconds: number } | null;
}

interface Command {
  readonly args: readonly string[];
  /** Whether it must print to standard output (a command that printed nothing did not do its work). */
  readonly prints: boolean;
}

/** Spawns `node ARGS…` in the repository root and times it; throws when it fails. */
function timed({ args, prints }: Command): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds();
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = 0;
    let stderr = '';
    let firstProgress: Timing['firstProgress'] = null;
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.length));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      const atSeconds = (performance.now() - start) / 1000;
      stderr += chunk;
      const line = /\{"completedIterations".*\}/.exec(stderr)?.[0];
      if (firstProgress === null && line !== undefined) {
        firstProgress = {
          atSeconds,
          elapsedSeconds: (JSON.parse(line) as { elapsedSeconds: number }).elapsedSeconds,
        };
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0 || (prints && printed === 0))
        reject(
          new Error(`node ${args.join(' ')} exited with ${code}, printing ${printed} bytes:\n${stderr}`),
        );
      else {
        const cpuAfter = childrenCpuSeconds();
        const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
        resolve({ seconds, cpuSeconds, firstProgress });
      }
    });
  });
}

/**
 * CPU time of this process's finished children, seconds (user + system: fields cutime and cstime of
 * /proc/self/stat, in clock ticks of 1/100 s), or null where there is no /proc.
 */
function childrenCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces), counted from field 3 (state).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Linux's USER_HZ, the unit of /proc/self/stat's times (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;

export async function runStartupSuite(
  options: { quick: boolean },
  progress: (line: string) => void,
): Promise<StartupSuiteResult> {
  // Build dist/ from the current source first, so no measured command finds it stale and rebuilds.
  execFileSync(process.execPath, ['bin/build-cli.js'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tsx = import.meta.resolve('tsx');
  const contenders: Record<Contender, Command> = {
    node: { args: ['-e', ''], prints: false },
    workerCode: { args: ['--input-type=module', '-e', WORKER_CODE], prints: false },
    runCode: { args: ['--input-type=module', '-e', RUN_CODE], prints: false },
    facts: { args: ['bin/cyclecast.js', 'facts'], prints: true },
    factsThroughTsx: { args: ['--import', tsx, 'engine/cli/main.ts', 'facts'], prints: true },
    smallRun: { args: ['bin/cyclecast.js', ...SMALL_RUN], prints: true },
    smallRunOneWorker: { args: ['bin/cyclecast.js', ...SMALL_RUN_ONE_WORKER], prints: true },
  };
  const names = Object.keys(contenders) as Contender[];
  const rounds = options.quick ? 2 : 10;
  const timings: Record<Contender, Timing[]> = {
    node: [],
    workerCode: [],
    runCode: [],
    facts: [],
    factsThroughTsx: [],
    smallRun: [],
    smallRunOneWorker: [],
  };
  // One unmeasured round: the file cache and tsx's compile cache are warm for every measured one.
  for (let round = -1; round < rounds; round++) {
    progress(`startup: round ${round + 2} of ${rounds + 1}${round < 0 ? ' (warm-up)' : ''}`);
    for (const name of names) {
      const timing = await timed(contenders[name]);
      if (round >= 0) timings[name].push(timing);
    }
  }
  const seconds = (name: Contender) => median(timings[name].map((t) => t.seconds));
  const factsSeconds = seconds('facts');
  const smallRun = (name: 'smallRun' | 'smallRunOneWorker', args: readonly string[]): SmallRunTiming => ({
    args,
    seconds: seconds(name),
    beforeSimulatingSeconds: median(
      timings[name].map(({ firstProgress }) => {
        if (firstProgress === null) throw new Error('the small run printed no --progress-json line');
        return firstProgress.atSeconds - firstProgress.elapsedSeconds;
      }),
    ),
  });
  return {
    rounds,
    nodeSeconds: seconds('node'),
    workerCodeSeconds: seconds('workerCode'),
    factsSeconds,
    factsThroughTsxSeconds: seconds('factsThroughTsx'),
    runCodeSeconds: seconds('runCode'),
    smallRun: smallRun('smallRun', SMALL_RUN),
    smallRunOneWorker: smallRun('smallRunOneWorker', SMALL_RUN_ONE_WORKER),
    cpuSeconds: Object.fromEntries(
      names.map((name) => {
        const cpu = timings[name].map((t) => t.cpuSeconds);
        return [name, cpu.some((c) => c === null) ? null : median(cpu as number[])];
      }),
    ) as Record<Contender, number | null>,
    target: { factsSeconds: FACTS_TARGET_SECONDS },
    met: factsSeconds <= FACTS_TARGET_SECONDS,
  };
}

const ms = (seconds: number) => `${Math.round(seconds * 1000)} ms`;

/** A small run's two rows: spawn to exit, and the part before it simulates. */
function smallRunRows(run: SmallRunTiming, cpu: string, nodeSeconds: number): string[][] {
  return [
    [`\`cyclecast ${run.args.join(' ')}\``, ms(run.seconds), cpu, 'spawn to exit'],
    [
      '… of which before it simulates',
      ms(run.beforeSimulatingSeconds),
      '',
      `spawn to its first progress line, minus the run time that line reports: Node, the CLI, the scenario; ${ms(run.beforeSimulatingSeconds - nodeSeconds)} over Node alone`,
    ],
  ];
}

/** The startup section of the Markdown report. */
export function formatStartup(s: StartupSuiteResult): string {
  const cpu = (name: Contender) => {
    const seconds = s.cpuSeconds[name];
    return seconds === null ? '—' : ms(seconds);
  };
  const rows = [
    ['`node -e ""` (Node alone)', ms(s.nodeSeconds), cpu('node'), ''],
    [
      'load a worker thread’s code (`dist/cli/worker.js`)',
      ms(s.workerCodeSeconds),
      cpu('workerCode'),
      `${ms(s.workerCodeSeconds - s.nodeSeconds)} over Node alone`,
    ],
    [
      'load the code of `cyclecast run` (`dist/cli/run.js`)',
      ms(s.runCodeSeconds),
      cpu('runCode'),
      `${ms(s.runCodeSeconds - s.nodeSeconds)} over Node alone`,
    ],
    [
      '`cyclecast facts`',
      `**${ms(s.factsSeconds)}**`,
      cpu('facts'),
      `target ≤ ${ms(s.target.factsSeconds)}: ${s.met ? 'met' : '**not met**'}; ${ms(s.factsSeconds - s.nodeSeconds)} over Node alone`,
    ],
    [
      '`cyclecast facts` from source through tsx (before the build)',
      ms(s.factsThroughTsxSeconds),
      cpu('factsThroughTsx'),
      '',
    ],
    ...smallRunRows(s.smallRun, cpu('smallRun'), s.nodeSeconds),
    ...smallRunRows(s.smallRunOneWorker, cpu('smallRunOneWorker'), s.nodeSeconds),
  ];
  return [
    `### Startup (fresh process per command, spawn to exit, median of ${s.rounds} interleaved rounds)`,
    '',
    '| command | wall time | CPU time | |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}
