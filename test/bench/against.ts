/**
 * `npm run bench -- --suite simulation --against REF`: the simulation's throughput of another commit
 * measured in the same run as today's code, so targets can be read as ratios on one machine at one
 * time (the "against today's code measured in the same run"). The commit is exported with
 * `git archive` into a temporary folder (removed afterwards), built with its own bin/build-cli.js, and
 * timed in fresh child processes alternated with the current build: reference, current, reference, …
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgainstReply } from './against-child.ts';
import { runChild } from './child.ts';
import { median } from './harness.ts';
import { loadAverage } from './machine.ts';
import type { Workload } from './simulation-workload.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface AgainstResult {
  /** The git ref as given, and the commit it named. */
  readonly ref: string;
  readonly commit: string;
  readonly contracts: number;
  readonly horizonMonths: number;
  readonly iterationsPerRun: number;
  readonly chunkSize: number;
  readonly rounds: number;
  /** Per build and workers: median contract-months/s over the rounds, and the contract-months of a run. */
  readonly lanes: readonly {
    readonly build: 'reference' | 'current';
    readonly workers: number;
    readonly contractMonthsPerRun: number;
    readonly contractMonthsPerSecond: number;
  }[];
  /** Current over reference, contract-months/s, on 1 and on 2 workers. */
  readonly currentOverReference: { readonly oneWorker: number; readonly twoWorkers: number };
  readonly loadAverage: { readonly before: number; readonly after: number };
}

/** A command that failed: what ran, and what it said. */
export class AgainstError extends Error {}

/**
 * Times the baseline of `ref` and of the current checkout side by side (see the module comment).
 * Throws an AgainstError `invalid --against …` when `ref` names no commit or its build fails.
 */
export async function measureAgainst(
  ref: string,
  plan: {
    readonly contracts: number;
    readonly iterations: number;
    readonly chunkSize: number;
    readonly rounds: number;
  },
  horizonMonths: number,
  seed: number,
  onProgress: (line: string) => void,
): Promise<AgainstResult> {
  const commit = await commitOf(ref);
  const folder = await mkdtemp(join(tmpdir(), 'cyclecast-against-'));
  try {
    onProgress(`simulation: --against ${ref} (${commit.slice(0, 12)}): exporting and building it`);
    await command('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C "$1"`, 'sh', folder], ROOT);
    if (!existsSync(join(folder, 'bin', 'build-cli.js')))
      throw new AgainstError(
        `invalid --against "${ref}": the commit has no bin/build-cli.js to build its CLI with`,
      );
    // Its dependencies: this checkout's, as the commits of one repository share them.
    await symlink(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
    await command(process.execPath, [join(folder, 'bin', 'build-cli.js')], folder);

    const workload: Workload = {
      scenarios: 'scenarios',
      contracts: plan.contracts,
      horizonMonths,
      iterations: plan.iterations,
      chunkSize: plan.chunkSize,
      seed,
    };
    const builds = [
      { build: 'reference' as const, root: folder },
      { build: 'current' as const, root: ROOT },
    ];
    const lanes = builds.flatMap((b) =>
      [1, 2].map((workers) => ({ ...b, workers, rates: [] as number[], months: 0 })),
    );
    const before = loadAverage();
    for (let round = 0; round < plan.rounds; round++) {
      onProgress(`simulation: --against ${ref}, round ${round + 1}/${plan.rounds}`);
      // Reference and current alternate within each worker count: a slow spell hits both alike.
      for (const workers of [1, 2]) {
        for (const lane of lanes.filter((l) => l.workers === workers)) {
          const reply = await runChild<AgainstReply>(
            'against-child.ts',
            [lane.root, JSON.stringify(workload), String(workers)],
            { built: true },
          );
          lane.months = reply.contractMonthsPerRun;
          lane.rates.push(reply.contractMonthsPerRun / reply.seconds);
        }
      }
    }
    const rate = (build: string, workers: number) =>
      median(lanes.find((l) => l.build === build && l.workers === workers)!.rates);
    return {
      ref,
      commit,
      contracts: plan.contracts,
      horizonMonths,
      iterationsPerRun: plan.iterations,
      chunkSize: plan.chunkSize,
      rounds: plan.rounds,
      lanes: lanes.map((l) => ({
        build: l.build,
        workers: l.workers,
        contractMonthsPerRun: l.months,
        contractMonthsPerSecond: median(l.rates),
      })),
      currentOverReference: {
        oneWorker: rate('current', 1) / rate('reference', 1),
        twoWorkers: rate('current', 2) / rate('reference', 2),
      },
      loadAverage: { before, after: loadAverage() },
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The commit `ref` names; an AgainstError `invalid --against …` when it names none. */
export async function commitOf(ref: string): Promise<string> {
  const commit = (await command('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], ROOT)).trim();
  if (commit === '') throw new AgainstError(`invalid --against "${ref}": not a commit of this repository`);
  return commit;
}

/** Runs a command in `cwd` and returns its standard output; an AgainstError with its output when it fails. */
function command(file: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 || (file === 'git' && args[0] === 'rev-parse')) resolve(stdout);
      else
        reject(
          new AgainstError(`--against: ${[file, ...args].join(' ')} exited with ${code}:\n${stderr.trim()}`),
        );
    });
  });
}
