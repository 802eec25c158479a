import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, renderJUnit, text } from '../../engine/cli/junit.ts';
import type { CheckOutcome } from '../../engine/scenario/check.ts';
import type { ResolvedScenario } from '../../engine/scenario/load.ts';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, runCli } from './run-cli.ts';

const PASSING = 'test/fixtures/scenarios/passing';
const FAILING = 'test/fixtures/scenarios/failing';
const tmp = tempDir('check');
const rules = path.resolve('rules');
const policies = {
  engagement: `${rules}/engagement/reactive.json`,
  leads: `${rules}/leads/salesperson-prepared.json`,
  dunning: `${rules}/dunning/uniform.json`,
  remarketing: `${rules}/remarketing/three-cycle.json`,
};

function folder(name: string, files: Record<string, unknown>): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, value] of Object.entries(files)) {
    writeFileSync(path.join(dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }
  return dir;
}

describe('cyclecast check', () => {
  it('runs every scenario with expectations, prints each verdict with its observed value and CI, exit 0', async () => {
    const { status, stdout, stderr } = await runCli(['check', PASSING, '--workers', '1']);
    expect(status).toBe(0);
    // Progress on standard error, in plain lines where it is not a terminal (a CI log): the run as it
    // starts, then a line each time another tenth of its iterations is done.
    const progress = stderr.trimEnd().split('\n');
    expect(progress[0]).toBe(
      'check: run 1 of 1: baseline, speed-to-lead, tcm (20 iterations × 24 months, seed 11)',
    );
    expect(progress.length).toBeGreaterThan(2);
    for (const line of progress.slice(1))
      expect(line).toMatch(/^ {2}\d+\/20 iterations \(\d+%\) {2}\d+:\d\d$/);
    expect(progress.at(-1)).toMatch(/^ {2}20\/20 iterations \(100%\)/);
    const lines = stdout.trimEnd().split('\n');
    // One run: the baseline with both challengers that compare with it.
    expect(lines.at(-1)).toBe('7 assertions in 3 scenarios (1 run): 7 passed, 0 failed');
    expect(lines[0]).toBe(`baseline  (${PASSING}/baseline.json; 20 iterations × 24 months, seed 11)`);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}PASS {2}retention\.rate mean in \[40\.0%, 70\.0%\]: {2}mean \d+\.\d%, 95% CI \d+\.\d% … \d+\.\d% \(n = 20\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}PASS {2}leads\.contactRate Δ vs baseline ≥ \+5\.0 pp \(95% CI\): {2}Δ \+\d+\.\d pp, 95% CI \+\d+\.\d pp … \+\d+\.\d pp \(n = 20\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}PASS {2}leads\.conversionRate Δ vs baseline ≥ 0 \(99% CI\): {2}Δ .*, 99% CI /,
      ),
    );
    // A policy change moves little beyond what it touches: speed to lead leaves renewals nearly as they
    // were (a lead from an existing customer adds a contract of theirs).
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}PASS {2}retention\.rate Δ vs baseline in \[−50 bp, \+50 bp\] \(95% CI\): {2}Δ [+−]?\d/,
      ),
    );
  });

  it('exits 1 on a failed claim, naming the assertion, its observed delta, CI and why', async () => {
    const { status, stdout } = await runCli(['check', FAILING, '--workers', '1']);
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    const fail = lines.findIndex((l) => l.startsWith('  FAIL'));
    expect(lines[fail]).toMatch(
      /^ {2}FAIL {2}retention\.rate Δ vs baseline ≥ \+20\.0 pp \(95% CI\): {2}Δ \+\d+\.\d pp, 95% CI \+\d+\.\d pp … \+\d+\.\d pp \(n = 20\)$/,
    );
    expect(lines[fail + 1]).toMatch(/^ {8}lower 95% CI bound \+\d+\.\d pp < min \+20\.0 pp$/);
    expect(lines[fail + 2]).toBe(
      '        claim: TCM adds twenty points of retention (more than the model produces)',
    );
    expect(lines.at(-1)).toBe('2 assertions in 1 scenario (1 run): 1 passed, 1 failed');
  });

  it('writes JUnit XML atomically with --out and still prints the text report', async () => {
    const out = path.join(tmp, 'report.xml');
    const { status, stdout } = await runCli([
      'check',
      FAILING,
      '--reporter',
      'junit',
      '--out',
      out,
      '--workers',
      '1',
    ]);
    expect(status).toBe(1);
    expect(stdout).toContain('FAIL  retention.rate Δ vs baseline ≥ +20.0 pp');
    const xml = readFileSync(out, 'utf8');
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cyclecast check" tests="2" failures="1" errors="0">',
      ),
    ).toBe(true);
    expect(xml).toContain(
      `<testsuite name="${FAILING}/tcm-overclaims.json" tests="2" failures="1" errors="0" skipped="0">`,
    );
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toMatch(
      /<testcase classname="tcm-overclaims" name="retention\.rate Δ vs baseline ≥ \+20\.0 pp \(95% CI\)" file="[^"]+">\n {6}<failure type="ExpectationFailed" message="Δ \+\d+\.\d pp, 95% CI \+\d+\.\d pp … \+\d+\.\d pp \(n = 20\): lower 95% CI bound \+\d+\.\d pp &lt; min \+20\.0 pp">/,
    );
    expect(xml).toContain('claim: TCM adds twenty points of retention (more than the model produces)');
    expect(wellFormed(xml)).toBe(true);
  });

  it('gives the same verdicts and numbers for any number of workers, and takes --iterations', async () => {
    // 5 iterations make 3 chunks (1, 2 and 2 iterations), which 2 workers share.
    const fewer = ['check', `${PASSING}/tcm.json`, '--iterations', '5'];
    const one = await runCli([...fewer, '--workers', '1']);
    const two = await runCli([...fewer, '--workers', '2']);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain(
      'tcm  (test/fixtures/scenarios/passing/tcm.json; 5 iterations × 24 months, seed 11)',
    );
    expect(one.stdout).toMatch(/\(n = 5\)/);
  });

  it('says so when there is nothing to check', async () => {
    // Without files, from a folder with no scenarios/: see process.test.ts (it needs a working folder).
    const empty = folder('empty', { 'scenario.schema.json': '{}' });
    const none = await runCli(['check', empty]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(`nothing to check: no scenario files (*.json) in ${empty}\n`);
    const quiet = folder('quiet', { 'a.json': { policies } });
    const noExpect = await runCli(['check', quiet]);
    expect(noExpect.status).toBe(1);
    expect(noExpect.stderr).toBe(
      `nothing to check: none of the 1 scenario in ${quiet}/a.json has an "expect" block\n`,
    );
    const missing = await runCli(['check', path.join(tmp, 'nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`${path.join(tmp, 'nowhere')}: no such file or directory\n`);
  });

  it('reports invalid scenarios as located problems and runs nothing', async () => {
    const dir = folder('invalid', {
      'a.json':
        '{\n  "policies": ' +
        JSON.stringify(policies) +
        ',\n  "expect": [{ "kpi": "retention.rat", "mean": { "min": 0 } }]\n}\n',
    });
    const { status, stdout, stderr } = await runCli(['check', dir]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `${dir}/a.json:3:23  /expect/0/kpi  unknown KPI "retention.rat" (did you mean "retention.rate"?)\n`,
    );
    expect(hasStackTrace(stderr)).toBe(false);
  });

  it('refuses to pair scenarios whose run settings differ', async () => {
    const dir = folder('settings', {
      'base.json': { policies, run: { horizonMonths: 12, iterations: 4 } },
      'longer.json': {
        extends: './base.json',
        run: { horizonMonths: 18 },
        expect: [{ kpi: 'profit.npv', vs: './base.json', delta: { min: 0 } }],
      },
    });
    const { status, stdout, stderr } = await runCli(['check', path.join(dir, 'longer.json')]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    // One located problem, as for any other input problem: where longer.json sets the horizon.
    const line =
      readFileSync(path.join(dir, 'longer.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"horizonMonths"')) + 1;
    expect(stderr).toBe(
      `${dir}/longer.json:${line}:22  /run/horizonMonths  invalid run.horizonMonths: 18 differs from the 12 of ${dir}/base.json, ` +
        'which it is compared with; paired claims run both scenarios on the same iterations, seed and horizon ' +
        '(give both the same run settings; a scenario that extends the other inherits them)\n',
    );
    expect(hasStackTrace(stderr)).toBe(false);
    // CI's report file gets the same problem as a failure.
    const out = path.join(dir, 'report.xml');
    expect(
      (await runCli(['check', path.join(dir, 'longer.json'), '--reporter', 'junit', '--out', out])).status,
    ).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('/run/horizonMonths  invalid run.horizonMonths: 18 differs');
  });

  it('rejects an unknown reporter and a bad --iterations plainly', async () => {
    const reporter = await runCli(['check', PASSING, '--reporter', 'tap']);
    expect(reporter.status).toBe(1);
    expect(reporter.stderr).toContain("argument 'tap' is invalid. Allowed choices are text, junit.");
    const iterations = await runCli(['check', PASSING, '--iterations', '0']);
    expect(iterations.status).toBe(1);
    expect(iterations.stderr).toBe('invalid --iterations "0": expected a whole number from 1 to 1000000\n');
  });
});

/** Tags balance and no raw markup character appears in text or attribute values. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^>]*\?>\n/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(last, m.index);
    if (/[<>]/.test(between) || /&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(between)) return false;
    last = tag.lastIndex;
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(m[3]!)) return false;
    if (m[4]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0 && body.slice(last).trim() === '';
}

describe('JUnit XML', () => {
  it('escapes markup and makes characters XML cannot carry visible', async () => {
    expect(text(`a < b & "c" > 'd'`)).toBe('a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;');
    expect(text('bell\u0007 nul\u0000 tab\t line\n')).toBe('bell\\u0007 nul\\u0000 tab\t line\n');
    expect(text('lone \ud800 high, pair 😀, \uffff')).toBe('lone \\ud800 high, pair 😀, \\uffff');
    expect(attr('two\nlines\tand a tab')).toBe('two&#10;lines&#9;and a tab');
  });

  it('stays well formed whatever a scenario is called or says', async () => {
    const hostile = '</testcase><failure message="x">&\u0001\ud83d';
    const scenario = { file: 'scenarios/<evil>&.json', name: hostile } as unknown as ResolvedScenario;
    const outcome: CheckOutcome = {
      runs: 1,
      passed: 1,
      failed: 1,
      scenarios: [
        {
          scenario,
          settings: { horizonMonths: 24, iterations: 20, seed: 1 },
          verdicts: [
            {
              expectation: {
                kind: 'level',
                index: 0,
                kpi: 'profit.npv',
                statistic: 'mean',
                bounds: { min: 0 },
                description: hostile,
              },
              passed: false,
              unit: '€',
              observed: -5,
              interval: [-10, 0],
              confidence: 0.95,
              n: 20,
              reason: 'mean −€5 < min €0',
            },
            {
              expectation: {
                kind: 'paired',
                index: 1,
                kpi: 'profit.npv',
                vs: 'a"b.json',
                bounds: { max: 0 },
                confidence: 0.95,
              },
              passed: true,
              unit: '€',
              observed: 0,
              interval: [0, 0],
              confidence: 0.95,
              n: 20,
              reason: 'upper 95% CI bound ±€0 ≤ max 0',
            },
          ],
        },
      ],
    };
    const xml = renderJUnit(outcome, new Map([['a"b.json', `<vs & "name">`]]));
    expect(wellFormed(xml)).toBe(true);
    expect(xml).toContain('name="profit.npv Δ vs &lt;vs &amp; &quot;name&quot;&gt; ≤ 0 (95% CI)"');
    expect(xml).toContain('<testsuite name="scenarios/&lt;evil&gt;&amp;.json"');
    expect(xml).toContain('claim: &lt;/testcase&gt;&lt;failure message=&quot;x&quot;&gt;&amp;\\u0001\\ud83d');
    // Determinism: nothing in the XML depends on the clock.
    expect(xml).not.toMatch(/time=|timestamp=/);
  });
});
