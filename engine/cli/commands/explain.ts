import {
  followCustomer,
  prepareRun,
  renderTimeline,
  renderTimelineMarkdown,
  RUN_LIMITS,
  runSpec,
  sampleCustomers,
} from '../../index.ts';
import type { CustomerSample, SimSetup } from '../../index.ts';
import { EXPLAIN_FORMATS } from '../choices.ts';
import { UserError } from '../errors.ts';
import { parseChoice, parseOverrides, parseRunSetting, parseWhole } from '../options.ts';
import { readScenario } from '../scenarios.ts';
import { parseExcludeInvalid } from '../tape/exclude.ts';

export interface ExplainOptions {
  /** `--exclude-invalid [share]`: run a tape without its invalid rows, capped. */
  excludeInvalid?: string | boolean;
  customer?: string;
  iteration?: string;
  list?: boolean;
  format?: string;
  /** Also list ledger entries that come to €0.00. */
  all?: boolean;
  seed?: string;
  horizon?: string;
  /** `--set PATH=VALUE` what-ifs over the scenario. */
  set?: string[];
}

/**
 * `cyclecast explain SCENARIO --customer ID [--iteration K]`: one customer's journey through one
 * iteration, with each rule that fired for them, as a timeline, a Markdown table (`--format md`) or
 * (`--format json`) the trace records. Without `--customer`, or with `--list`, lists customers worth
 * following (`md` lists them as text).
 */
export async function explainCommand(
  file: string,
  options: ExplainOptions,
  write: (text: string) => void,
): Promise<void> {
  const format = parseChoice('--format', options.format, EXPLAIN_FORMATS, 'text');
  const iteration = parseWhole('--iteration', options.iteration, 0, RUN_LIMITS.iterations.max - 1) ?? 0;
  const customerId = parseCustomer(options.customer, file);
  const scenario = await readScenario(
    file,
    parseOverrides(options.set),
    undefined,
    parseExcludeInvalid(options.excludeInvalid),
  );
  const seedFlag = parseRunSetting('--seed', options.seed, 'seed');
  const horizonFlag = parseRunSetting('--horizon', options.horizon, 'horizonMonths');
  const spec = runSpec([scenario], {
    ...(seedFlag !== undefined ? { seed: seedFlag } : {}),
    ...(horizonFlag !== undefined ? { horizonMonths: horizonFlag } : {}),
  });
  const { seed, horizonMonths: horizon } = spec;
  // As the run prepares it: the same drawn world, population and stress in iteration `iteration`.
  const setup = prepare(() => prepareRun(spec).setups[0]!);
  const run = { scenario: scenario.name, file, iteration, seed, horizonMonths: horizon };

  if (customerId === undefined || options.list === true) {
    const samples = sampleCustomers(setup, iteration);
    write(
      format === 'json'
        ? JSON.stringify({ ...run, customers: samples }, null, 2) + '\n'
        : listText(samples, file, iteration),
    );
    return;
  }
  const journey = followCustomer(setup, iteration, customerId);
  if (journey === null) throw unknownCustomer(customerId, setup, file, iteration);
  if (format === 'json') {
    write(JSON.stringify({ ...run, customer: journey.customer, records: journey.records }, null, 2) + '\n');
  } else {
    const render = format === 'md' ? renderTimelineMarkdown : renderTimeline;
    write(
      render(journey, `${scenario.name} (${file}), seed ${seed}, ${horizon} months`, options.all === true),
    );
  }
}

function parseCustomer(text: string | undefined, file: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) >= 2 ** 31) {
    throw new UserError(
      `invalid --customer "${text}": expected a customer id, a whole number\n  hint: list some with: cyclecast explain ${file} --list`,
    );
  }
  return Number(text);
}

function unknownCustomer(id: number, setup: SimSetup, file: string, iteration: number): UserError {
  const count = setup.population.customers.count;
  return new UserError(
    `unknown customer ${id}: no customer has this id in iteration ${iteration} of ${file}\n` +
      `  hint: the starting book's customers have ids 0–${count - 1}; customers won during the run have ` +
      `larger ids that differ from one iteration to the next. List some with: ` +
      `cyclecast explain ${file} --list --iteration ${iteration}`,
  );
}

/** The scenario was validated when read; the setup checks the rest and says `invalid …` when it fails. */
function prepare(build: () => SimSetup): SimSetup {
  try {
    return build();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('invalid ')) throw new UserError(error.message);
    throw error;
  }
}

function listText(samples: readonly CustomerSample[], file: string, iteration: number): string {
  const rows = samples.map((s) => {
    const c = s.customer;
    const origin =
      c.origin === 'starting-book'
        ? 'starting book'
        : `${c.origin.replace('-', ' ')}, month ${c.joinedMonth}`;
    const f = s.firstContract;
    const contract = `cycle-${f.cycle} ${f.product}, ${f.monthsOnBook}/${f.termMonths} months`;
    const journey = [
      s.missedPayment ? 'missed a payment' : '',
      `${c.contracts} contract${c.contracts === 1 ? '' : 's'}`,
      c.activeContracts > 0 ? 'on book at the end' : 'left',
    ]
      .filter((x) => x !== '')
      .join(', ');
    return [
      String(c.id),
      s.group,
      origin,
      c.segment,
      c.creditTier,
      `${c.dealer} (${c.region})`,
      contract,
      journey,
    ];
  });
  const head = ['id', 'picked as', 'origin', 'segment', 'tier', 'dealer', 'first contract', 'journey'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, k) => (k === cells.length - 1 ? cell : cell.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  return [
    `Customers of iteration ${iteration} of ${file}; follow one with: cyclecast explain ${file} --customer ID --iteration ${iteration}`,
    '',
    format(head),
    ...rows.map(format),
    '',
  ].join('\n');
}
