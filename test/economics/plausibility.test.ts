import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../engine/json/problem.ts';
import { kpiIndex, type KpiId } from '../../engine/result/kpis.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import { loadScenario } from '../../engine/scenario/load.ts';
import { prepareScenario, simulate } from '../../engine/sim/iteration.ts';

/*
 * docs/economics.md's plausibility table, held: the baseline (its portfolio and world, seed 1, 120
 * months, iterations 0–3) against the public bands the table states, and the payment-protection loss
 * ratio of segmented dunning, the shipped policy that claims it. A figure inside its band must stay
 * inside; a figure the model cannot bring inside stays documented as outside, and the test asserts it
 * stays on the side the table says, so a change that moves it is noticed and the table re-measured.
 * `PLAUSIBILITY_PRINT=1 npx vitest run test/economics/plausibility.test.ts` prints the figures.
 */

const ITERATIONS = 4;

interface Figures {
  readonly roa: number;
  readonly nim: number;
  readonly opex: number;
  readonly capital: number;
  readonly lossRate: number;
  readonly lossPrime: number;
  readonly lossNearPrime: number;
  readonly lossSubprime: number;
  readonly residualPerReturn: number;
  readonly residualAfterSupport: number;
  readonly leaseEndPerReturn: number;
  readonly refurbishmentPerUnit: number;
  readonly leadToSale: number;
  readonly lossBandLow: number;
  readonly lossBandHigh: number;
  readonly dpd30: number;
  readonly dpd60: number;
  readonly dpd60Subprime: number;
  readonly roll30to60: number;
  readonly roll30to60Prime: number;
  readonly cureFrom30: number;
}

/** Annual net loss bands by tier (docs/calibration.md C: Annualised net loss), fractions. */
const TIER_LOSS_BANDS = [
  [0.0045, 0.0065],
  [0.015, 0.04],
  [0.07, 0.1],
] as const;

async function prepared(file: string): Promise<ReturnType<typeof prepareScenario>> {
  const read = (f: string) => Promise.resolve(readFileSync(f, 'utf8'));
  const { scenario, problems } = await loadScenario(file, read);
  expect(problems.map(formatProblem)).toEqual([]);
  const s = scenario!;
  return prepareScenario(scenarioInput(s), s.run.horizonMonths, s.run.seed);
}

/**
 * The payment-protection loss ratio where the captive claims it: the baseline's uniform dunning never
 * claims (its ratio is 0), the segmented policy claims in the insurer's window.
 */
async function insuranceLossRatio(): Promise<number> {
  const setup = await prepared('scenarios/segmented-dunning.json');
  let sum = 0;
  for (let i = 0; i < ITERATIONS; i++)
    sum += simulate(setup, i).result.kpis[kpiIndex('insurance.lossRatio')]!;
  return sum / ITERATIONS;
}

async function measure(): Promise<Figures> {
  const setup = await prepared('scenarios/baseline.json');
  const sums = new Map<string, number>();
  const add = (name: string, x: number) => sums.set(name, (sums.get(name) ?? 0) + x / ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const { result, audit } = simulate(setup, i);
    const k = (id: KpiId) => result.kpis[kpiIndex(id)]!;
    const n = audit.counters;
    // Annualised over the average financed balance, as return.* and credit.lossRate are.
    const perBalanceYear = (x: number) => (x * 12) / n.balanceMonths;
    const returns = n.maturedReturned + n.earlyUpgrades;
    add('roa', k('return.preTaxOnAssets'));
    add('nim', k('return.netInterestMargin'));
    add('opex', perBalanceYear(-k('pnl.operatingCost')));
    add('capital', perBalanceYear(-k('pnl.capitalCharge')));
    add('lossRate', k('credit.lossRate'));
    add('lossPrime', k('credit.lossRate.prime'));
    add('lossNearPrime', k('credit.lossRate.near-prime'));
    add('lossSubprime', k('credit.lossRate.subprime'));
    // The all-tier band: the tier bands weighted by the book's own exposure by tier.
    const exposure = n.balanceMonthsByTier;
    const total = exposure[0]! + exposure[1]! + exposure[2]!;
    add(
      'lossBandLow',
      TIER_LOSS_BANDS.reduce((x, b, g) => x + (b[0] * exposure[g]!) / total, 0),
    );
    add(
      'lossBandHigh',
      TIER_LOSS_BANDS.reduce((x, b, g) => x + (b[1] * exposure[g]!) / total, 0),
    );
    add('dpd30', k('credit.dpd30Share'));
    add('dpd60', k('credit.dpd60Share'));
    const b = n.bucketMonths;
    add('dpd60Subprime', (b[2 * 4 + 2]! + b[2 * 4 + 3]!) / n.contractMonths[2]!);
    // Of the contracts 31–60 days past due at the start of a month, the share 61+ (or terminated) at its end.
    const from30 = (x: Float64Array) => x[1]! + x[5]! + x[9]!;
    add('roll30to60', from30(n.rolledFrom) / from30(b));
    add('roll30to60Prime', n.rolledFrom[1]! / b[1]!);
    add('cureFrom30', from30(n.curedFrom) / from30(b));
    add('residualPerReturn', k('pnl.residualResult') / returns);
    add('residualAfterSupport', (k('pnl.residualResult') + k('pnl.residualSupport')) / returns);
    add('leaseEndPerReturn', k('pnl.leaseEndCharges') / n.maturedReturned);
    add('refurbishmentPerUnit', k('pnl.refurbishment') / n.refurbished);
    add('leadToSale', k('leads.conversionRate'));
  }
  return Object.fromEntries(sums) as unknown as Figures;
}

describe("the baseline against docs/economics.md's plausibility table", () => {
  it('keeps each figure inside its band, or on the side of it the table documents', async () => {
    const f = { ...(await measure()), insuranceLossRatio: await insuranceLossRatio() };
    if (process.env.PLAUSIBILITY_PRINT === '1') console.info(JSON.stringify(f, null, 2));
    // Inside their bands.
    expect(f.nim, 'net interest margin, 2.5–5.5%').toBeGreaterThanOrEqual(0.025);
    expect(f.nim).toBeLessThanOrEqual(0.055);
    expect(f.opex, 'operating cost / assets, 0.9–2.3%').toBeGreaterThanOrEqual(0.009);
    expect(f.opex).toBeLessThanOrEqual(0.023);
    // By construction: every € of exposure carries between the retail (9%) and the residual (12%)
    // capital ratio, at the 13% hurdle.
    expect(f.capital, 'capital charge / assets, 9–12% × 13%').toBeGreaterThanOrEqual(0.09 * 0.13);
    expect(f.capital).toBeLessThanOrEqual(0.12 * 0.13);
    expect(f.lossRate, 'net credit loss rate, the tier bands weighted by exposure').toBeGreaterThanOrEqual(
      f.lossBandLow,
    );
    expect(f.lossRate).toBeLessThanOrEqual(f.lossBandHigh);
    expect(f.lossPrime, 'prime loss rate, 0.45–0.65%').toBeGreaterThanOrEqual(0.0045);
    expect(f.lossPrime).toBeLessThanOrEqual(0.0065);
    expect(f.lossNearPrime, 'near-prime loss rate, 1.5–4%').toBeGreaterThanOrEqual(0.015);
    expect(f.lossNearPrime).toBeLessThanOrEqual(0.04);
    expect(f.lossSubprime, 'subprime loss rate, 7–10%').toBeGreaterThanOrEqual(0.07);
    expect(f.lossSubprime).toBeLessThanOrEqual(0.1);
    expect(f.dpd30, '30+ DPD stock, 1.4–3.5%').toBeGreaterThanOrEqual(0.014);
    expect(f.dpd30).toBeLessThanOrEqual(0.035);
    expect(f.dpd60, '60+ DPD stock, 0.8–1.4%').toBeGreaterThanOrEqual(0.008);
    expect(f.dpd60).toBeLessThanOrEqual(0.014);
    expect(f.roll30to60, 'roll 30→60, 20–30% a month').toBeGreaterThanOrEqual(0.2);
    expect(f.roll30to60).toBeLessThanOrEqual(0.3);
    expect(f.insuranceLossRatio, 'payment-protection loss ratio, 20–68%').toBeGreaterThanOrEqual(0.2);
    expect(f.insuranceLossRatio).toBeLessThanOrEqual(0.68);
    expect(f.leaseEndPerReturn, 'lease-end charges per return, €230–640').toBeGreaterThanOrEqual(230);
    expect(f.leaseEndPerReturn).toBeLessThanOrEqual(640);
    expect(f.refurbishmentPerUnit, 'refurbishment result per unit, €0–2,500').toBeGreaterThan(0);
    expect(f.refurbishmentPerUnit).toBeLessThanOrEqual(2_500);
    // Documented as outside: each stays on the side the table says.
    expect(f.roa, 'pre-tax ROA: documented below 1.0–1.8%').toBeLessThan(0.01);
    expect(f.dpd60Subprime, 'subprime 60+ DPD stock: documented below 5.6–6.9%').toBeLessThan(0.056);
    expect(f.roll30to60Prime, 'prime roll 30→60: documented above 10–15%').toBeGreaterThan(0.15);
    expect(f.cureFrom30, 'cure from 31–60 DPD: documented below 30–60%').toBeLessThan(0.3);
    expect(
      f.residualPerReturn,
      'residual result per return: documented below ≈ 0 (−€1,000 … €1,000)',
    ).toBeLessThan(-1_000);
    expect(f.residualAfterSupport, 'after uplift support: documented below −€1,000').toBeLessThan(-1_000);
    expect(f.leadToSale, 'lead-to-sale: documented below 8–15%').toBeLessThan(0.08);
  }, 120_000);
});
