import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.ts';

const BASELINE = 'test/fixtures/scenarios/passing/baseline.json';
const TCM = 'test/fixtures/scenarios/passing/tcm.json';

/** The KPI ids of a text table (first column of each row). */
function ids(stdout: string): string[] {
  return stdout
    .split('\n')
    .slice(3)
    .map((line) => line.split(' ')[0]!)
    .filter((id) => id.length > 0);
}

describe('cyclecast compare --perspective', () => {
  it("shows the captive's money by default, and another perspective's on request", async () => {
    const args = ['compare', BASELINE, TCM, '--iterations', '2', '--workers', '1'];
    const captive = await runCli(args);
    expect(captive.status).toBe(0);
    expect(ids(captive.stdout)).toContain('profit.npv');
    expect(ids(captive.stdout)).toContain('pnl.capitalCharge');
    expect(ids(captive.stdout).some((id) => id.startsWith('network.') || id.startsWith('group.'))).toBe(
      false,
    );

    const network = await runCli([...args, '--perspective', 'network']);
    expect(network.status).toBe(0);
    const shown = ids(network.stdout);
    expect(shown).toContain('network.profit.npv');
    expect(shown).toContain('network.pnl.salesGross');
    expect(shown).toContain('retention.rate');
    expect(shown).not.toContain('profit.npv');
    expect(shown.some((id) => id.startsWith('group.'))).toBe(false);

    const all = await runCli([...args, '--perspective', 'all']);
    expect(ids(all.stdout)).toEqual(
      expect.arrayContaining(['profit.npv', 'network.profit.npv', 'group.profit.npv']),
    );
  });

  it('rejects an unknown perspective with the choices, exit 1, no stack trace', async () => {
    const { status, stderr, stdout } = await runCli([
      'run',
      BASELINE,
      '--iterations',
      '1',
      '--perspective',
      'dealer',
    ]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('invalid --perspective "dealer": expected captive, network, group, all');
    expect(hasStackTrace(stderr)).toBe(false);
  });
});
