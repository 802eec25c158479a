import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, runCli } from './run-cli.ts';

const FIXTURE = 'test/fixtures/scenarios/passing/baseline.json';
const FAST = [FIXTURE, '--iterations', '2', '--evaluations', '4'];
const dir = tempDir('calibrate');

function targetsFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('cyclecast calibrate', () => {
  it('locates a misspelt target in a targets file, with the right name as a hint', async () => {
    const file = targetsFile(
      'misspelt.json',
      '{\n  "targets": {\n    "renwal": { "value": 0.5, "source": "x" }\n  }\n}\n',
    );
    const result = await runCli(['calibrate', ...FAST, '--targets', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain(
      `${file}:3:15  /targets/renwal  unknown target "renwal": expected one of loss, delinquency, renewal, conversion (did you mean "renewal"?)`,
    );
  });

  it('refuses a changed target value without its source, and a bracket outside the domain', async () => {
    const file = targetsFile(
      'unsourced.json',
      '{"targets": {\n"renewal": {"value": 0.6},\n"loss": {"bracket": [0, 3]}\n}}\n',
    );
    const result = await runCli(['calibrate', ...FAST, '--targets', file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}:2:12  /targets/renewal  invalid target "renewal": a changed value or measure needs its "source"`,
    );
    expect(result.stderr).toMatch(
      new RegExp(
        `${file.replace(/[.]/g, '\\.')}:3:21  /targets/loss/bracket  invalid bracket: \\[0, 3\\] leaves`,
      ),
    );
  });

  it('prints target against achieved and writes the fitted value with its target into a calibrated table', async () => {
    const table = path.join(dir, 'calibrated.json');
    copyFileSync('engine/world/calibrated.json', table);
    const file = targetsFile(
      'conversion-only.json',
      JSON.stringify({
        targets: {
          // A figure the small book reaches within the tolerance.
          conversion: { value: 0.06, source: 'test: a reachable figure', tolerance: 0.01 },
        },
      }),
    );
    const result = await runCli([
      'calibrate',
      ...FAST,
      '--targets',
      file,
      '--write',
      table,
      '--set',
      'portfolio.dealers=6',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^conversion +leads\.conversionRate +6\.00% +\d+\.\d\d% \(\d+\.\d\d% … \d+\.\d\d%\) +leads\.appointmentGivenContact +0\.6 → [\d.]+ +fitted/m,
    );
    const written = JSON.parse(readFileSync(table, 'utf8')) as Record<
      string,
      { value: number; fit: unknown }
    >;
    const entry = written['leads.appointmentGivenContact']!;
    expect(entry.fit).toMatchObject({
      target: 'conversion',
      targetValue: 0.06,
      source: 'test: a reachable figure',
      iterations: 2,
      seed: 11,
      contracts: 300,
      overrides: ['portfolio.dealers=6'],
    });
    expect(result.stderr).toMatch(/^wrote .*leads\.appointmentGivenContact = [\d.]+ to /m);
    expect(result.stderr).toContain(`leads.appointmentGivenContact = ${entry.value} to ${table}`);
    // A target not reached on this book leaves its default as it was.
    const before = JSON.parse(readFileSync('engine/world/calibrated.json', 'utf8')) as typeof written;
    for (const key of Object.keys(before)) {
      if (key !== 'leads.appointmentGivenContact' && !result.stderr.includes(`wrote ${key}`)) {
        expect(written[key]).toEqual(before[key]);
      }
    }
  });

  it('says where the calibrated table should be when --write cannot read it, before any run', async () => {
    const result = await runCli(['calibrate', ...FAST, '--write', path.join(dir, 'missing.json')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^--write .*missing\.json: .*\n {2}hint: run from the repository's root/);
  });
});
