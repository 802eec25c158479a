/* eslint-disable @typescript-eslint/no-explicit-any -- the cluster recipes are Kubernetes and AWS Batch
   documents with no types here; they are read field by field and a wrong path fails its assertion. */
import yaml from 'js-yaml';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUN_LIMITS } from '../../engine/sim/run-limits.ts';
import { tempDir } from '../temp-dir.ts';
import {
  hasStackTrace,
  ROOT,
  runCli,
  spawnCli,
  spawnProcess,
  type CliResult,
  type ProcessResult,
} from './run-cli.ts';

/*
 * The `cyclecast` process itself, where the process boundary is what is tested: exit statuses,
 * Ctrl-C, atomic --out, the worker pool in a process of its own, the working folder, and the shell
 * scripts of the cluster recipes. Everything else the CLI does is tested in process (runCli), which
 * needs no process start per command.
 */

const dir = tempDir('process');
const PASSING = 'test/fixtures/scenarios/passing';
const FAILING = 'test/fixtures/scenarios/failing';

describe('the cyclecast process', () => {
  it('exits 0 with its output on standard output, 1 on a mistake with a located message and no stack trace', async () => {
    const broken = path.join(dir, 'broken.json');
    await fs.writeFile(broken, '{\n  "kind": "leads",\n  "rules": [\n}\n');
    const [facts, invalid] = await Promise.all([
      spawnCli(['facts', '--json']),
      spawnCli(['validate', broken]),
    ]);
    expect(facts.status, facts.stderr).toBe(0);
    expect(Object.keys(JSON.parse(facts.stdout).kinds)).toContain('dunning');
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain(`${broken}:4:1  `);
    expect(hasStackTrace(invalid.stderr)).toBe(false);
  });

  it('exits 1 when a claim fails, running on the worker pool', async () => {
    // 5 iterations (3 chunks for the 2 workers) are enough for the overclaim to fail.
    const { status, stdout, stderr } = await spawnCli([
      'check',
      FAILING,
      '--workers',
      '2',
      '--iterations',
      '5',
    ]);
    expect(status, stderr).toBe(1);
    expect(stdout).toContain('  FAIL  retention.rate Δ vs baseline ≥ +20.0 pp');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      '2 assertions in 1 scenario (1 run): 1 passed, 1 failed',
    );
    // Standard error is a pipe here, as in CI: progress as plain lines, no carriage returns.
    expect(stderr).toMatch(/^check: run 1 of 1: /);
    expect(stderr).not.toContain('\r');
  });

  it('looks for scenarios/ in the folder it runs in', async () => {
    const bare = path.join(dir, 'bare');
    await fs.mkdir(bare);
    const none = await spawnCli(['check'], { cwd: bare });
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      `nothing to check: there is no scenarios/ folder in ${bare}; name scenario files or folders: cyclecast check FILE|DIR…\n`,
    );
    await fs.mkdir(path.join(bare, 'scenarios'));
    await fs.writeFile(path.join(bare, 'scenarios/scenario.schema.json'), '{}');
    const empty = await spawnCli(['check'], { cwd: bare });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('nothing to check: no scenario files (*.json) in scenarios\n');
  });

  it('stops at Ctrl-C (SIGINT) mid-run, leaving the previous --out file as it was and no partial file', async () => {
    const out = path.join(dir, 'interrupted.json');
    await fs.writeFile(out, 'the previous result\n');
    const running = spawnCli([
      'run',
      `${PASSING}/baseline.json`,
      '--iterations',
      '100000',
      '--workers',
      '2',
      '--format',
      'json',
      '--out',
      out,
      '--progress-json',
    ]);
    // Interrupt once the workers have merged a chunk: the run is well under way.
    running.child.stderr!.once('data', () => running.child.kill('SIGINT'));
    const result: ProcessResult = await running;
    expect(result.signal ?? result.status, result.stderr).toBe('SIGINT');
    expect(await fs.readFile(out, 'utf8')).toBe('the previous result\n');
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

/**
 * The passing pair on a tiny book (30 contracts, 2 dealers, 6 months): what the recipes are checked for
 * (the shards merge to the unsharded result) does not depend on its size, and each shard is a process.
 */
const scenarios = ['baseline', 'tcm'].map((name) => path.join(dir, `${name}.json`));
/**
 * 5 iterations: chunk 0 holds one, the others RUN_LIMITS.chunkSize.default (2) each — 3 chunks; the recipes run
 * 2 shards of them locally (every process start costs a second or more of CPU).
 */
const iterations = String(1 + 2 * RUN_LIMITS.chunkSize.default);
/** The unsharded `compare --format json` (in process), the reference every merged recipe must equal. */
let single: CliResult;

beforeAll(async () => {
  for (const [k, name] of ['baseline', 'tcm'].entries()) {
    const tiny = {
      name,
      extends: path.join(ROOT, PASSING, `${name}.json`),
      portfolio: { contracts: 30, dealers: 2 },
      run: { horizonMonths: 6 },
    };
    await fs.writeFile(scenarios[k]!, JSON.stringify(tiny, null, 2) + '\n');
  }
  single = await runCli([
    'compare',
    ...scenarios,
    '--iterations',
    iterations,
    '--workers',
    '1',
    '--format',
    'json',
  ]);
  expect(single.status, single.stderr).toBe(0);
});

/** Runs a command as its own process, with the environment a recipe gives it. */
const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ProcessResult> =>
  spawnProcess(command, args, { env });

/**
 * The cluster recipes in docs/ cannot run a cluster here. What can be checked is checked: the files
 * parse, their structure is the one the schedulers need (an Indexed Job whose completions equal the
 * shard count; an array job whose size equals it; a merge that waits for every shard), and the very
 * shell scripts they run are executed locally, shard by shard, and merge to the unsharded result.
 */
describe('cluster recipes (docs/k8s, docs/aws-batch)', () => {
  const env = (entries: readonly { name: string; value: string }[]): Record<string, string> =>
    Object.fromEntries(entries.map((e) => [e.name, e.value]));
  const pathWithNode = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;

  it('runs the Kubernetes Indexed Job and merge Job scripts locally into the unsharded result', async () => {
    const load = async (file: string): Promise<any[]> =>
      yaml.loadAll(await fs.readFile(path.join(ROOT, 'docs/k8s', file), 'utf8')) as any[];
    const [claim, job] = await load('cyclecast-shards.yaml');
    const [merge, reader] = await load('cyclecast-merge.yaml');

    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    const shardEnv = env(container.env);
    expect(job.spec.completions).toBe(Number(shardEnv.SHARDS));
    expect(job.spec.parallelism).toBeLessThanOrEqual(job.spec.completions);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(container.args[0]).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
    expect(claim.kind).toBe('PersistentVolumeClaim');
    expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
    for (const pod of [job.spec.template.spec, merge.spec.template.spec, reader.spec]) {
      expect(pod.volumes[0].persistentVolumeClaim.claimName).toBe(claim.metadata.name);
    }
    expect(merge.kind).toBe('Job');
    const mergeContainer = merge.spec.template.spec.containers[0];
    const mergeEnv = env(mergeContainer.env);
    expect(mergeEnv.RUN_ID).toBe(shardEnv.RUN_ID);
    expect(mergeContainer.volumeMounts[0].mountPath).toBe(mergeEnv.PARTS_DIR);

    // The pods' scripts, with a small run and a local folder for the shared volume.
    const local = { SCENARIOS: scenarios.join(' '), ITERATIONS: iterations, WORKERS: '1', SHARDS: '2' };
    const volume = path.join(dir, 'k8s-volume');
    const base = { ...process.env, PATH: pathWithNode, PARTS_DIR: volume };
    const pods = await Promise.all(
      [0, 1].map((k) =>
        run('/bin/sh', ['-c', container.args[0]], {
          ...base,
          ...shardEnv,
          ...local,
          PARTS_DIR: volume,
          JOB_COMPLETION_INDEX: String(k),
        }),
      ),
    );
    for (const pod of pods) expect(pod.status, pod.stderr).toBe(0);
    const merged = await run('/bin/sh', ['-c', mergeContainer.args[0]], {
      ...base,
      ...mergeEnv,
      PARTS_DIR: volume,
    });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('tcm vs baseline');
    expect(await fs.readFile(path.join(volume, shardEnv.RUN_ID!, 'result.json'), 'utf8')).toBe(single.stdout);
  });

  it('runs the AWS Batch array job and dependent merge job commands locally into the unsharded result', async () => {
    const read = async (file: string): Promise<any> =>
      JSON.parse(await fs.readFile(path.join(ROOT, 'docs/aws-batch', file), 'utf8'));
    const definition = await read('job-definition.json');
    const shards = await read('submit-shards.json');
    const merge = await read('submit-merge.json');

    expect(definition.type).toBe('container');
    expect(shards.jobDefinition).toBe(definition.jobDefinitionName);
    expect(merge.jobDefinition).toBe(definition.jobDefinitionName);
    const shardEnv = {
      ...env(definition.containerProperties.environment),
      ...env(shards.containerOverrides.environment),
    };
    expect(shards.arrayProperties.size).toBe(Number(shardEnv.SHARDS));
    expect(definition.containerProperties.command.at(-1)).toContain(
      '--shard "$AWS_BATCH_JOB_ARRAY_INDEX/$SHARDS"',
    );
    // The merge is one job after all of the array's children: a plain dependency on the array job.
    // (N_TO_N pairs children of two array jobs index by index; SEQUENTIAL would serialise the shards.)
    expect(merge.arrayProperties).toBeUndefined();
    expect(merge.dependsOn).toHaveLength(1);
    expect(merge.dependsOn[0].type).toBeUndefined();
    const mergeEnv = {
      ...env(definition.containerProperties.environment),
      ...env(merge.containerOverrides.environment),
    };
    expect(mergeEnv.PARTS_URI).toBe(shardEnv.PARTS_URI);

    // `aws s3 cp` stands in for S3 with a folder: s3://BUCKET/KEY is $FAKE_S3/BUCKET/KEY.
    const fakeBin = path.join(dir, 'fake-bin');
    await fs.mkdir(fakeBin, { recursive: true });
    await fs.writeFile(path.join(fakeBin, 'aws'), fakeAws, { mode: 0o755 });
    const s3 = path.join(dir, 'fake-s3');
    const base = {
      ...process.env,
      PATH: `${fakeBin}${path.delimiter}${pathWithNode}`,
      FAKE_S3: s3,
      TMPDIR: dir,
    };
    const local = { SCENARIOS: scenarios.join(' '), ITERATIONS: iterations, WORKERS: '1', SHARDS: '2' };
    const children = await Promise.all(
      [0, 1].map((k) =>
        run(definition.containerProperties.command[0], definition.containerProperties.command.slice(1), {
          ...base,
          ...shardEnv,
          ...local,
          AWS_BATCH_JOB_ARRAY_INDEX: String(k),
        }),
      ),
    );
    for (const child of children) expect(child.status, child.stderr).toBe(0);
    const command = merge.containerOverrides.command;
    const merged = await run(command[0], command.slice(1), { ...base, ...mergeEnv });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toContain('tcm vs baseline');
    const result = path.join(s3, mergeEnv.PARTS_URI!.slice('s3://'.length), 'result.json');
    expect(await fs.readFile(result, 'utf8')).toBe(single.stdout);
  });
});

/**
 * A test double for the two `aws s3 cp` forms the AWS Batch recipe uses: a shell script, as a Node one
 * would cost a process start of CPU per copy.
 */
const fakeAws = `#!/bin/sh
[ "$1" = s3 ] && [ "$2" = cp ] || { echo "fake aws: unsupported: $*" >&2; exit 2; }
shift 2
recursive= from= to=
for arg in "$@"; do
  case "$arg" in
    --only-show-errors) ;;
    --recursive) recursive=1 ;;
    *) if [ -z "$from" ]; then from=$arg; else to=$arg; fi ;;
  esac
done
in_folder() { case "$1" in s3://*) printf '%s/%s' "$FAKE_S3" "\${1#s3://}" ;; *) printf '%s' "$1" ;; esac; }
from=$(in_folder "$from")
to=$(in_folder "$to")
if [ -n "$recursive" ]; then
  mkdir -p "$to" && cp -R "$from/." "$to"
else
  mkdir -p "$(dirname "$to")" && cp "$from" "$to"
fi
`;
