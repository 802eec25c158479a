import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from './run-cli.ts';

const FIXTURE = 'test/fixtures/scenarios/passing/baseline.json';

interface Listed {
  iteration: number;
  customers: { group: string; customer: { id: number; segment: string; dealer: number } }[];
}

let listed: Listed;

beforeAll(async () => {
  const result = await runCli(['explain', FIXTURE, '--list', '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  listed = JSON.parse(result.stdout) as Listed;
});

function idOf(group: string): number {
  const found = listed.customers.find((c) => c.group === group);
  if (found === undefined) throw new Error(`no customer listed as "${group}"`);
  return found.customer.id;
}

describe('cyclecast explain', () => {
  it('lists customers to follow when no customer is given', async () => {
    const result = await runCli(['explain', FIXTURE]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`cyclecast explain ${FIXTURE} --customer ID`);
    expect(result.stdout).toMatch(/^id +picked as +origin +segment +tier +dealer +first contract +journey$/m);
    for (const { customer } of listed.customers) {
      expect(result.stdout).toMatch(new RegExp(`^${customer.id} .* ${customer.segment} `, 'm'));
    }
  });

  it("prints a delinquent customer's timeline with the dunning rule that fired", async () => {
    const id = idOf('missed a payment');
    const result = await runCli(['explain', FIXTURE, '--customer', String(id)]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Customer ${id} in baseline`));
    expect(result.stdout).toMatch(/^month +\d+ +missed +#\d+ instalment of €[\d,.]+ not paid/m);
    // The shipped uniform ladder starts with the reminder letter.
    expect(result.stdout).toMatch(
      /^month +\d+ +dunning +#\d+ 15 days past due, 1 unpaid: rule "reminder-letter" → remind \{channel: letter\} → /m,
    );
  });

  it('prints the trace records as JSON with --format json', async () => {
    const id = idOf('renewed');
    const result = await runCli([
      'explain',
      FIXTURE,
      '--customer',
      String(id),
      '--iteration',
      '0',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as {
      customer: { id: number };
      iteration: number;
      records: { type: string; month: number }[];
    };
    expect(out.customer.id).toBe(id);
    expect(out.iteration).toBe(0);
    expect(out.records.some((r) => r.type === 'maturity')).toBe(true);
    const months = out.records.map((r) => r.month);
    expect(months).toEqual([...months].sort((a, b) => a - b));
  });

  it("prints the journey as a Markdown table with every ledger entry's party, with --format md", async () => {
    const id = idOf('lead sale');
    const result = await runCli(['explain', FIXTURE, '--customer', String(id), '--format', 'md']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '| month | what happened | ledger entries (party category cycle: €) |\n| --- | --- | --- |\n',
    );
    // A lead sale starts a contract: the dealer is paid its commission, which the captive recognises over the instalments.
    expect(result.stdout).toMatch(
      /^\| \d+ \| [^\n]*contract: #1 cycle-\d [^\n]*\bdealer dealerCommission c\d \+€/m,
    );
    expect(result.stdout).toMatch(/\bcaptive dealerCommission c\d −€/);
    expect(result.stdout).not.toMatch(/^month /m);
  });

  it('says an unknown customer is unknown, and how to list ids', async () => {
    const result = await runCli(['explain', FIXTURE, '--customer', '300']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('unknown customer 300: no customer has this id in iteration 0');
    expect(result.stderr).toContain(`cyclecast explain ${FIXTURE} --list --iteration 0`);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('rejects an id that is not a number', async () => {
    const result = await runCli(['explain', FIXTURE, '--customer', 'abc']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('invalid --customer "abc": expected a customer id');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
