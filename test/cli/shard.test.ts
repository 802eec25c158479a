/* eslint-disable @typescript-eslint/no-explicit-any -- the cluster recipes are Kubernetes and AWS Batch
   documents with no types here; they are read field by field and a wrong path fails its assertion. */
import yaml from 'js-yaml';
import { RUN_LIMITS } from '../../engine/sim/run-limits.ts';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, type CliResult } from './run-cli.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'bin/cyclecast.js');
const fixture = 'test/fixtures/scenarios/passing';
const scenarios = [`${fixture}/baseline.json`, `${fixture}/tcm.json`];
/**
 * 5 iterations: chunk 0 holds one, the others RUN_LIMITS.chunkSize.default (2) each — 3 chunks, so 3 shards of
 * one chunk each.
 */
const c = RUN_LIMITS.chunkSize.default;
const iterations = String(1 + 2 * c);
/** The iterations shard k of 3 runs: its one chunk's. */
const shardIterations = (k: number) => (k === 0 ? 1 : c);
const common = ['--iterations', iterations, '--workers', '1'];

/** Runs a command without blocking, so shards run as parallel processes, as on a cluster. */
function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

const cli = (...args: string[]): Promise<CliResult> => run(process.execPath, [bin, ...args]);

/** A refused merge: exit 1, a message, no stack trace, nothing on standard output. */
function expectRefusal(result: CliResult, ...fragments: string[]): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
}

let dir: string;
/** The unsharded `compare --format json`, the reference every merge must equal byte for byte. */
let single: CliResult;
let shards: CliResult[];
const part = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(tmpdir(), 'cyclecast-shard-'));
  [single, ...shards] = await Promise.all([
    cli('compare', ...scenarios, ...common, '--format', 'json'),
    ...[0, 1, 2].map((k) =>
      cli(
        'compare',
        ...scenarios,
        ...common,
        '--shard',
        `${k}/3`,
        '--out',
        part(`part-${k}.json`),
        '--progress-json',
      ),
    ),
  ]);
  expect(single.status, single.stderr).toBe(0);
  for (const shard of shards) expect(shard.status, shard.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('cyclecast compare --shard K/N, then merge', () => {
  it('merges N shards, run as N processes, into the unsharded JSON byte for byte', async () => {
    const merged = await cli(
      'merge',
      part('part-0.json'),
      part('part-1.json'),
      part('part-2.json'),
      '--format',
      'json',
    );
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
  });

  it('writes the merged result atomically with --out, whatever order the parts are given in', async () => {
    const out = part('merged.json');
    const merged = await cli(
      'merge',
      part('part-2.json'),
      part('part-0.json'),
      part('part-1.json'),
      '--format',
      'json',
      '--out',
      out,
    );
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe('');
    expect(await fs.readFile(out, 'utf8')).toBe(single.stdout);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes shard files, not results: nothing on standard output, the manifest and the shard inside', async () => {
    for (const shard of shards) expect(shard.stdout).toBe('');
    const file = JSON.parse(await fs.readFile(part('part-1.json'), 'utf8'));
    expect(file.format).toBe('cyclecast.shard');
    expect(file.shard).toEqual({
      index: 1,
      count: 3,
      chunks: { first: 1, end: 2 },
      iterations: { first: 1, end: 1 + c },
    });
    expect(file.manifest).toEqual(JSON.parse(single.stdout).manifest);
  });

  it('streams one NDJSON progress line per merged chunk on standard error', () => {
    shards.forEach((shard, k) => {
      const lines = shard.stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1); // one chunk per shard here
      expect(lines[0]).toMatchObject({
        completedIterations: shardIterations(k),
        totalIterations: shardIterations(k),
        shard: { index: k, count: 3 },
      });
      expect(lines[0].elapsedSeconds).toBeGreaterThan(0);
    });
  });

  it('runs `run` in shards too, and merges into the unsharded table', async () => {
    const run1 = ['run', scenarios[0]!, ...common];
    const [table, ...parts] = await Promise.all([
      cli(...run1),
      cli(...run1, '--shard', '0/2', '--out', part('run-0.json'), '--progress-json', '--partial-results'),
      cli(...run1, '--shard', '1/2', '--out', part('run-1.json')),
    ]);
    for (const r of [table, ...parts]) expect(r.status, r.stderr).toBe(0);
    // With --partial-results each progress line carries the KPI estimates so far.
    const progress = parts[0]!.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // Shard 0/2 of 3 chunks runs chunk 0, one iteration (the larger share goes to the last shard): one
    // line per merged chunk.
    expect(progress.map((p) => [p.completedIterations, p.totalIterations])).toEqual([[1, 1]]);
    expect(progress.at(-1).partial.scenarios[0].iterations).toBe(1);
    expect(progress.at(-1).partial.scenarios[0].kpis['retention.rate'].mean).toBeGreaterThan(0);
    // Without --progress-json, --out says what it wrote and nothing more.
    expect(parts[1]!.stderr).toBe(
      `wrote shard 1/2 (a shard file for cyclecast merge) to ${part('run-1.json')}\n`,
    );
    expect((await cli('merge', part('run-0.json'), part('run-1.json'))).stdout).toBe(table.stdout);
  });
});

describe('cyclecast merge refuses what does not add up to the run', () => {
  it('refuses a shard of a run with another seed, naming the field and the files', async () => {
    const other = part('seed-99.json');
    expect(
      (await cli('compare', ...scenarios, ...common, '--seed', '99', '--shard', '1/3', '--out', other))
        .status,
    ).toBe(0);
    expectRefusal(
      await cli('merge', part('part-0.json'), other, part('part-2.json')),
      'cannot merge: the shard files come from different runs',
      `seed: 11 in ${part('part-0.json')}, 99 in ${other}`,
    );
  });

  it('refuses a shard of another scenario', async () => {
    const other = part('speed-1.json');
    const speed = `${fixture}/speed.json`;
    expect(
      (await cli('compare', scenarios[0]!, speed, ...common, '--shard', '1/3', '--out', other)).status,
    ).toBe(0);
    expectRefusal(
      await cli('merge', part('part-0.json'), other, part('part-2.json')),
      `scenarios[1].name: "tcm" in ${part('part-0.json')}, "speed-to-lead" in ${other}`,
      'scenarios[1].hash',
    );
  });

  it('refuses a missing shard and a duplicate shard', async () => {
    expectRefusal(
      await cli('merge', part('part-0.json'), part('part-2.json')),
      `missing shard 1/3 (chunk 1, iterations 1–${c}): run it with --shard 1/3`,
    );
    const copy = part('copy-of-1.json');
    await fs.copyFile(part('part-1.json'), copy);
    expectRefusal(
      await cli('merge', part('part-0.json'), part('part-1.json'), copy, part('part-2.json')),
      `${part('part-1.json')} and ${copy} are both shard 1/3`,
    );
  });

  it('refuses malformed and foreign files, naming them', async () => {
    const truncated = part('truncated.json');
    await fs.writeFile(truncated, (await fs.readFile(part('part-0.json'), 'utf8')).slice(0, 500));
    expectRefusal(await cli('merge', truncated), `${truncated}: not a Cyclecast shard file: not valid JSON`);
    expectRefusal(await cli('merge', 'package.json'), 'package.json: not a Cyclecast shard file');
    expectRefusal(await cli('merge', part('merged.json')), 'it is a finished result');
  });

  it('refuses a bad --shard before simulating anything', async () => {
    expectRefusal(
      await cli('run', scenarios[0]!, '--shard', '3/3'),
      'invalid --shard "3/3": K must be from 0 to 2',
    );
    expectRefusal(
      await cli('run', scenarios[0]!, ...common, '--shard', '0/4'),
      'invalid --shard 0/4: the run has only 3 chunks, so at most 3 shards',
    );
    expectRefusal(
      await cli('run', scenarios[0]!, '--shard', '0/2', '--format', 'json'),
      'invalid --format with --shard',
    );
  });
});

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
      yaml.loadAll(await fs.readFile(path.join(root, 'docs/k8s', file), 'utf8')) as any[];
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
    const local = { SCENARIOS: scenarios.join(' '), ITERATIONS: iterations, WORKERS: '1', SHARDS: '3' };
    const volume = path.join(dir, 'k8s-volume');
    const base = { ...process.env, PATH: pathWithNode, PARTS_DIR: volume };
    const pods = await Promise.all(
      [0, 1, 2].map((k) =>
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
      JSON.parse(await fs.readFile(path.join(root, 'docs/aws-batch', file), 'utf8'));
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
    const local = { SCENARIOS: scenarios.join(' '), ITERATIONS: iterations, WORKERS: '1', SHARDS: '3' };
    const children = await Promise.all(
      [0, 1, 2].map((k) =>
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

/** A test double for the two `aws s3 cp` forms the AWS Batch recipe uses. */
const fakeAws = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2).filter((a) => a !== '--only-show-errors');
if (args[0] !== 's3' || args[1] !== 'cp') {
  console.error('fake aws: unsupported: ' + process.argv.slice(2).join(' '));
  process.exit(2);
}
const recursive = args.includes('--recursive');
const local = (p) => (p.startsWith('s3://') ? path.join(process.env.FAKE_S3, p.slice(5)) : p);
const [from, to] = args.slice(2).filter((a) => a !== '--recursive').map(local);
fs.mkdirSync(recursive ? to : path.dirname(to), { recursive: true });
fs.cpSync(from, to, { recursive });
`;
