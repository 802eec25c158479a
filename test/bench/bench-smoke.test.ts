import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HANDWRITTEN } from './handwritten/index.ts';
import { loadAverage, machineInfo } from './machine.ts';
import { runPolicySuite, shippedRuleSetFiles } from './policy.bench.ts';
import { formatReport, type BenchReport } from './report.ts';
import { runSimulationSuite } from './simulation.bench.ts';
import { formatTape, runTapeSuite } from './tape.bench.ts';

// `npm run bench` is a script people run by hand: this checks that its parts work and report what
// BENCHMARKS.md quotes, never how fast anything was (speeds are measured in the benchmark only). It
// measures one rule set, not all of them: the harness is the same for each, and the benchmark itself
// (`npm run bench -- --quick` for a smoke run of everything) is not part of the test suite.

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('npm run bench', () => {
  it(
    'measures a rule set in a child process against its handwritten mirror and json-rules-engine, and reports it',
    { timeout: 240_000 },
    async () => {
      const file = HANDWRITTEN[0]!.file;
      expect(shippedRuleSetFiles()).toContain(file);
      const policy = await runPolicySuite({ quick: true }, () => {}, [file]);
      expect(policy.ruleSets.map((r) => r.file)).toEqual([file]);
      const [r] = policy.ruleSets;
      expect(
        [
          r!.compiledPerSecond,
          r!.jsonRulesEnginePerSecond,
          r!.compiledOverJsonRulesEngine,
          r!.handwrittenPerSecond,
          r!.compiledOverHandwritten,
        ].every(positive),
      ).toBe(true);
      expect(r!.inputs).toBe(1000);
      expect(r!.referenceChecked).toBeGreaterThan(0);
      expect(r!.decisions).toBeGreaterThanOrEqual(1);
      expect(r!.rulesTestedPerEvaluation).toBeGreaterThanOrEqual(1);
      expect(r!.rulesTestedPerEvaluation).toBeLessThanOrEqual(r!.rules);
      expect(policy.overall.compiledOverHandwritten).toBe(r!.compiledOverHandwritten);
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

      const report: BenchReport = {
        machine: machineInfo(),
        quick: true,
        suites: ['policy'],
        loadAverageAtEnd: loadAverage(),
        durationSeconds: 1,
        policy,
      };
      const markdown = formatReport(report);
      expect(markdown).toContain('## npm run bench --quick (smoke run: not figures to quote)');
      expect(markdown).toContain(file);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    },
  );

  it('skips the simulation with its reason when there is no baseline scenario', async () => {
    expect(await runSimulationSuite({ quick: true, scenarios: 'no/such/folder' })).toEqual({
      skipped: 'no/such/folder/baseline.json not found',
    });
  });

  it('starts as a script, and rejects an unknown suite with the ones it knows, and no stack trace', async () => {
    const bench = promisify(execFile)(process.execPath, ['bin/bench.js', '--suite', 'speed'], {
      cwd: new URL('../../', import.meta.url),
    });
    const failure = await bench.catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain('invalid --suite "speed": expected one of policy, random, simulation');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it(
    'validates and loads a generated tape in child processes, and reports it',
    { timeout: 240_000 },
    async () => {
      const tape = await runTapeSuite({ quick: true, rows: 3_000 }, () => {});
      expect(tape.rows).toBe(3_000);
      for (const read of [tape.validate, tape.load]) {
        expect(read.rows).toBe(3_000);
        expect(read.problems).toBe(0);
        expect([read.seconds, read.cpuSeconds, read.peakRssBytes].every(positive)).toBe(true);
      }
      // Typed columns: 1 to 8 bytes an attribute, about 120 bytes a contract with its share of customers and dealers.
      expect(tape.load.bookBytes! / tape.rows).toBeGreaterThan(50);
      expect(tape.load.bookBytes! / tape.rows).toBeLessThan(150);
      expect(formatTape(tape)).toContain('| validate (checked, book not kept) |');
    },
  );
});
