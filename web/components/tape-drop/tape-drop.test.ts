import { describe, expect, it } from 'vitest';
import { TapeController } from '../../controllers/tape-controller.ts';
import { tapeStatusText } from './tape-status.ts';

const HEADER =
  'contract_id,customer_id,dealer_id,product,residual_risk,new_used,origination_date,maturity_date,balance,instalment,residual,status,days_past_due,arrears_amount,as_of_date';
const GOOD =
  'k1,c1,d1,operating-lease,captive,new,2024-06-15,2027-06-15,25242.41,510.14,15000,current,0,0,2025-06-30';

function controller() {
  const host = {
    updates: 0,
    addController() {},
    requestUpdate() {
      host.updates++;
    },
  };
  return new TapeController(host as never);
}

describe('your book', () => {
  it('reads a good tape into the runs’ book and says how many contracts it holds', async () => {
    const tape = controller();
    await tape.read(new File([`${HEADER}\n${GOOD}\n${GOOD.replace('k1,c1', 'k2,c2')}\n`], 'book.csv'));
    expect(tape.state.status).toBe('ready');
    expect(tape.loaded?.book.contracts.count).toBe(2);
    expect(tape.loaded?.source.file).toBe('book.csv');
    expect(tapeStatusText(tape.state)).toMatch(
      /^Your book: 2 contracts of 2 customers at 1 dealer, as of 2025-06-30 \(book\.csv\)/,
    );
    tape.clear();
    expect(tape.loaded).toBeUndefined();
  });

  it('lists the problems of a bad tape as the CLI prints them, and keeps no book', async () => {
    const tape = controller();
    await tape.read(new File([`${HEADER}\n${GOOD.replace('current', 'late')}\n`], 'bad.csv'));
    expect(tape.state.status).toBe('invalid');
    expect(tape.loaded).toBeUndefined();
    expect(tape.state.lines[0]).toMatch(
      /^bad\.csv:2:12 {2}status {2}invalid status: expected one of current/,
    );
    expect(tape.state.lines.at(-1)).toBe(
      '1 problem, by kind: status: invalid status: expected one of current, arrears, forborne, workout, matured-awaiting-return (1)',
    );
    expect(tapeStatusText(tape.state)).toMatch(/^bad\.csv cannot be used/);
  });

  it('after a reload, says the results were run on a tape that must be dropped again', () => {
    expect(tapeStatusText({ status: 'none', lines: [] }, 'book.csv')).toMatch(
      /run on your book book\.csv\. A tape is never stored: drop it again/,
    );
  });
});
