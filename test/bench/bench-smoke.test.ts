import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HANDWRITTEN } from './handwritten/index.ts';
import type { PolicySuiteResult } from './policy.bench.ts';
import { shippedRuleSetFiles } from './policy.bench.ts';
import type { BenchReport } from './report.ts';

// `npm run bench` is a script people run by hand: this checks that it runs and reports what
// BENCHMARKS.md quotes, never how fast anything was (speeds are measured in the benchmark only).

const run = promisify(execFile);
const bench = (...args: string[]) =>
  run(process.execPath, ['bin/bench.js', ...args], {
    cwd: new URL('../../', import.meta.url),
    maxBuffer: 16 * 2 ** 20,
  });

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('npm run bench', () => {
  it(
    '--quick --json --suite policy prints one JSON object with every rule set measured',
    { timeout: 240_000 },
    async () => {
      const { stdout } = await bench('--quick', '--json', '--suite', 'policy');
      const report = JSON.parse(stdout) as BenchReport;
      expect(report.suites).toEqual(['policy']);
      expect(report.quick).toBe(true);
      expect(report.machine.node).toBe(process.version);
      expect(positive(report.machine.nproc)).toBe(true);
      expect(report.machine.cpuModel).not.toBe('');
      expect(report.random).toBeUndefined();
      expect(report.simulation).toBeUndefined();

      const policy = report.policy as PolicySuiteResult;
      expect(policy.ruleSets.map((r) => r.file)).toEqual(shippedRuleSetFiles());
      for (const r of policy.ruleSets) {
        const label = r.file;
        const mirrored = HANDWRITTEN.some((h) => h.file === r.file);
        expect(
          [r.compiledPerSecond, r.jsonRulesEnginePerSecond, r.compiledOverJsonRulesEngine].every(positive),
          label,
        ).toBe(true);
        expect(
          mirrored
            ? positive(r.handwrittenPerSecond) && positive(r.compiledOverHandwritten)
            : r.handwrittenPerSecond,
          label,
        ).toBe(mirrored ? true : null);
        expect(r.inputs, label).toBe(1000);
        expect(r.referenceChecked, label).toBeGreaterThan(0);
        expect(r.decisions, label).toBeGreaterThanOrEqual(1);
        expect(r.rulesTestedPerEvaluation, label).toBeGreaterThanOrEqual(1);
        expect(r.rulesTestedPerEvaluation, label).toBeLessThanOrEqual(r.rules);
      }
      expect(positive(policy.overall.compiledOverHandwritten)).toBe(true);
      expect(positive(policy.overall.compiledOverJsonRulesEngine)).toBe(true);
      expect(policy.overall.targets).toEqual({
        compiledOverHandwritten: 0.8,
        compiledOverJsonRulesEngine: 1000,
      });
      expect(typeof policy.overall.met.compiledOverHandwritten).toBe('boolean');

      expect(policy.scaling.points.map((p) => p.copies)).toEqual([1]);
      const [point] = policy.scaling.points;
      expect(point!.padded.rules).toBe(2 * point!.base.rules);
      expect(point!.padded.rulesTestedPerEvaluation).toBeGreaterThan(point!.base.rulesTestedPerEvaluation);
      for (const v of [point!.base, point!.padded]) {
        expect([v.compiledPerSecond, v.jsonRulesEnginePerSecond].every(positive)).toBe(true);
      }
      expect([point!.compiledCostVsBase, point!.jsonRulesEngineCostVsBase].every(positive)).toBe(true);
    },
  );

  it('skips the simulation with its reason when there is no baseline scenario', async () => {
    const { stdout, stderr } = await bench(
      '--json',
      '--suite',
      'simulation',
      '--scenarios',
      'no/such/folder',
    );
    expect(JSON.parse(stdout).simulation).toEqual({ skipped: 'no/such/folder/baseline.json not found' });
    expect(stderr).toContain('simulation: skipped — no/such/folder/baseline.json not found');
  });

  it('rejects an unknown suite with the ones it knows, and no stack trace', async () => {
    const failure = await bench('--suite', 'speed').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain('invalid --suite "speed": expected one of policy, random, simulation');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
