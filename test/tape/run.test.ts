import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../temp-dir.ts';
import { describe, expect, it } from 'vitest';
import { attachTape } from '../../engine/cli/tape/attach.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import { loadScenario } from '../../engine/scenario/load.ts';
import { followCustomer } from '../../engine/sim/journey/journey.ts';
import { prepareScenario } from '../../engine/sim/setup.ts';
import { startIteration } from '../../engine/sim/iteration.ts';
import { runCli } from '../cli/run-cli.ts';

const EXAMPLE = 'examples/tape-example.json';
const dir = tempDir('tape-shards');
const read = (file: string): Promise<string> => Promise.resolve(readFileSync(file, 'utf8'));

async function exampleInput() {
  const { scenario, problems } = await loadScenario(EXAMPLE, read);
  expect(problems).toEqual([]);
  const withTape = await attachTape(scenario!);
  expect(withTape.problems).toEqual([]);
  return scenarioInput(withTape.scenario!);
}

describe('a run on a contract tape', () => {
  it('starts from the tape’s own terms, never re-priced, and draws what the tape lacks anew each iteration', async () => {
    const input = await exampleInput();
    const book = input.tape!;
    const setup = prepareScenario(input, 12, 1);
    for (const iteration of [0, 1]) {
      const sim = startIteration(setup, iteration);
      const C = sim.contracts;
      for (let n = 0; n < book.contracts.count; n++) {
        expect(C.balance[n], `contract ${n}`).toBe(book.contracts.balance[n]);
        expect(C.payment[n]).toBe(book.contracts.instalment[n]);
        expect(C.balloon[n]).toBe(book.contracts.residual[n]);
        expect(C.rate[n]).toBe(book.contracts.rateMonthly[n]);
        expect(C.term[n]).toBe(book.contracts.termMonths[n]);
      }
    }
    // Loyalty is not on a tape: drawn per iteration, so iterations differ.
    const loyalty = (iteration: number) =>
      Array.from(startIteration(setup, iteration).customers.loyalty.subarray(0, 10));
    expect(loyalty(0)).not.toEqual(loyalty(1));
    expect(loyalty(0)).toEqual(loyalty(0));
  });

  it('shows the tape’s balance in a customer’s trace', async () => {
    const input = await exampleInput();
    const journey = followCustomer(prepareScenario(input, 6, 1), 0, 0)!;
    const start = journey.records.find((r) => r.type === 'contract');
    expect(start).toMatchObject({ type: 'contract', balance: input.tape!.contracts.balance[0] });
  });

  it('gives the same result for 1 and 2 workers, and names the tape, its tables and the drawn attributes in the manifest', async () => {
    const args = ['run', EXAMPLE, '--iterations', '3', '--horizon', '6', '--format', 'json'];
    const one = await runCli([...args, '--workers', '1']);
    const two = await runCli([...args, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const tape = JSON.parse(one.stdout).manifest.scenarios[0].tape;
    expect(tape).toMatchObject({
      file: 'examples/tapes/example-book.csv',
      asOf: '2025-06-30',
      contracts: 60,
    });
    expect(tape.grades).toMatchObject({ A: 'prime', B: 'near-prime', C: 'subprime' });
    expect(tape.drawn).toEqual(expect.arrayContaining(['loyalty', 'dealer BDC', 'preferred channel']));
    expect(tape.drawn).not.toContain('credit tier');
  });

  it('merges shards into the unsharded result, the tape kept in the manifest', async () => {
    const args = ['run', EXAMPLE, '--iterations', '3', '--horizon', '6', '--workers', '1'];
    const parts = [0, 1].map((k) => path.join(dir, `part-${k}.json`));
    for (const [k, part] of parts.entries()) {
      const shard = await runCli([...args, '--shard', `${k}/2`, '--out', part]);
      expect(shard.status, shard.stderr).toBe(0);
    }
    const merged = await runCli(['merge', ...parts, '--format', 'json']);
    const whole = await runCli([...args, '--format', 'json']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  });
});
