import type { ParameterValue } from '../../policy/rule-set.ts';
import type { CustomerJourney, CustomerProfile } from './journey.ts';
import type {
  DunningRecord,
  LedgerRecord,
  MaturityRecord,
  PolicyDecision,
  RemarketingRecord,
  TraceRecord,
} from '../trace/records.ts';

/*
 * A journey as a timeline to read on a terminal, one line per event:
 *   month 14  dunning      #1 45 days past due, 1 unpaid: rule "remind-first-miss" → remind {channel: sms} → cured
 * The month's ledger entries close the month on one line. Runs of months in which nothing but routine
 * happens (instalments paid, a `none` engagement decision, an early-upgrade offer not taken, holding
 * costs) fold into one line with their ledger totals, so a ten-year journey stays readable.
 */

const ROUTINE_LEDGER = new Set([
  'interestIncome',
  'fundingCost',
  'operatingCost',
  'capitalCharge',
  'subsidy',
  'dealerCommission',
  'insurancePremiums',
  'holdingCosts',
]);
const KIND_WIDTH = 12;

/**
 * The journey as text lines (ending with a newline). Ledger entries that come to €0.00 are left out
 * unless `all` (they are bookkeeping, not events: e.g. the margin of an interest-free month).
 */
export function renderTimeline(journey: CustomerJourney, title: string, all = false): string {
  const lines = [...header(journey.customer, title, journey.iteration), ''];
  for (const step of timelineSteps(journey.records, all, false)) {
    if (step.routine) {
      lines.push(line(monthLabel(step.first, step.last), 'routine', step.events[0]!.text));
      continue;
    }
    const label = monthLabel(step.first, step.first);
    for (const event of step.events) lines.push(line(label, event.kind, event.text));
    if (step.ledger !== '') lines.push(line(label, 'ledger', step.ledger));
  }
  if (journey.records.length === 0) lines.push('nothing happened to this customer in this iteration');
  return lines.join('\n') + '\n';
}

/**
 * The journey as a Markdown table, one row per month (a run of routine months is one row with its
 * ledger totals), every ledger entry with its party: what docs/economics.md's walkthrough prints.
 */
export function renderTimelineMarkdown(journey: CustomerJourney, title: string, all = false): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = timelineSteps(journey.records, all, true).map((step) => {
    const months = step.first === step.last ? String(step.first) : `${step.first}–${step.last}`;
    const events = step.routine
      ? `routine: ${step.events[0]!.text}`
      : step.events.map((e) => `${e.kind}: ${e.text}`).join('; ');
    return `| ${months} | ${cell(events)} | ${cell(step.ledger)} |`;
  });
  return [
    ...header(journey.customer, title, journey.iteration).map((l) => l.trim()),
    '',
    '| month | what happened | ledger entries (party category cycle: €) |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** A month, or a run of routine months, of a journey: its events as sentences and its ledger entries. */
interface TimelineStep {
  readonly first: number;
  readonly last: number;
  readonly routine: boolean;
  /** A routine run has one event: its folded description (without the ledger when `withParty`). */
  readonly events: readonly { kind: string; text: string }[];
  readonly ledger: string;
}

function timelineSteps(records: readonly TraceRecord[], all: boolean, withParty: boolean): TimelineStep[] {
  const steps: TimelineStep[] = [];
  const months = byMonth(records);
  for (let k = 0; k < months.length;) {
    const first = months[k]!;
    if (isRoutine(first.records)) {
      const signature = routineSignature(first.records);
      let last = k;
      while (
        last + 1 < months.length &&
        months[last + 1]!.month === months[last]!.month + 1 &&
        isRoutine(months[last + 1]!.records) &&
        routineSignature(months[last + 1]!.records) === signature
      ) {
        last++;
      }
      const run = months.slice(k, last + 1);
      const ledger = run.flatMap((m) => m.records.filter((r): r is LedgerRecord => r.type === 'ledger'));
      steps.push({
        first: first.month,
        last: months[last]!.month,
        routine: true,
        events: [{ kind: 'routine', text: routine(run, all, !withParty) }],
        ledger: withParty ? ledgerText(ledger, all, true) : '',
      });
      k = last + 1;
      continue;
    }
    const ledger: LedgerRecord[] = [];
    const events: { kind: string; text: string }[] = [];
    for (const r of first.records) {
      if (r.type === 'ledger') ledger.push(r);
      else events.push({ kind: kindOf(r), text: describe(r) });
    }
    steps.push({
      first: first.month,
      last: first.month,
      routine: false,
      events,
      ledger: ledgerText(ledger, all, withParty),
    });
    k++;
  }
  return steps;
}

/** One record as a sentence (without its month). */
export function describe(r: TraceRecord): string {
  switch (r.type) {
    case 'contract': {
      const what = `#${r.contract} cycle-${r.cycle} ${r.product}`;
      const terms = `${money(r.payment, false)}/month, ${r.termMonths} months, insured: ${r.insured ? 'yes' : 'no'}`;
      if (r.origin === 'starting-book') {
        return `${what} on book at the start: ${r.monthsOnBook} of ${r.termMonths} instalments paid, ${money(r.payment, false)}/month, balance ${money(r.balance, false)}, vehicle ${money(r.vehicleMsrp, false)} new`;
      }
      return `${what} starts (${r.origin.replace('-', ' ')}): ${money(r.balance, false)} financed, ${terms}, vehicle ${money(r.vehicleMsrp, false)} new`;
    }
    case 'lead':
      return `${r.source} lead for a ${r.interest} vehicle: ${decisionText(r.decision)} → worked by ${r.handler}, first call after ${round(r.responseMinutes)} min → sale`;
    case 'missed':
      return `#${r.contract} instalment of ${money(r.instalment, false)} not paid${r.dispute ? ' (the customer disputes it)' : ''}`;
    case 'dunning':
      return dunningText(r);
    case 'engagement': {
      const done =
        r.executed === null
          ? ''
          : r.executed
            ? ' → carried out by the dealer'
            : ' → not carried out (dealer dropped it)';
      return `#${r.contract} ${r.monthsToEnd} month${r.monthsToEnd === 1 ? '' : 's'} to end: ${decisionText(r.decision)}${done}`;
    }
    case 'upgrade-offer':
      return `#${r.contract} holds an early-upgrade offer: ${percent(r.probability)} chance this month → ${r.upgrades ? 'upgrades' : 'stays'}`;
    case 'maturity':
      return maturityText(r);
    case 'remarketing':
      return remarketingText(r);
    case 'stock':
      return r.result === 'placed'
        ? `vehicle ${r.vehicleId} placed with customer ${r.newCustomerId} after ${round(r.daysInStock)} days in stock`
        : `vehicle ${r.vehicleId} wholesaled after ${round(r.daysInStock)} days in stock (not placed in time)`;
    case 'ledger':
      return ledgerText([r]);
  }
}

function header(c: CustomerProfile, title: string, iteration: number): string[] {
  const origin =
    c.origin === 'starting-book'
      ? 'starting book'
      : `${c.origin === 'lead-sale' ? 'won by a lead sale' : 'placed in a refurbished vehicle'} in month ${c.joinedMonth}`;
  const dealer = `dealer ${c.dealer} (${c.region}${c.dealerHasBdc ? ', BDC' : ''})`;
  return [
    `Customer ${c.id} in ${title}, iteration ${iteration}`,
    `  ${origin}; segment ${c.segment}, credit tier ${c.creditTier}, ${dealer}, loyalty score ${c.loyaltyScore.toFixed(2)}`,
    `  ${c.contracts} contract${c.contracts === 1 ? '' : 's'} taken, ${c.activeContracts} on book at the end`,
  ];
}

function dunningText(r: DunningRecord): string {
  const facts = `#${r.contract} ${r.daysPastDue} days past due, ${r.missedPayments} unpaid`;
  const actions =
    r.actions.length === 0
      ? 'no rule fired'
      : r.actions
          .map((a) => {
            const quiet =
              a.effect === 'cured' ||
              a.effect === 'terminated' ||
              a.effect === 'hold' ||
              a.effect === 'no effect';
            return decisionText(a) + (quiet ? '' : ` [${a.effect}]`);
          })
          .join('; ');
  return `${facts}: ${actions} → ${outcomeText(r)}`;
}

function outcomeText(r: DunningRecord): string {
  switch (r.outcome) {
    case 'cured': {
      const by: Record<string, string> = {
        action: `by rule "${r.causeRule}"`,
        'self-cure': 'the customer paid by themself',
        'dispute-resolved': 'the dispute resolved',
        'agency-collected': 'the agency collected',
        'plan-completed': 'payment plan completed',
      };
      return `cured (${by[r.cause ?? 'self-cure']})`;
    }
    case 'defaulted': {
      if (r.cause === 'charged-off') return 'defaulted (charged off: no rule terminated it in time)';
      return `defaulted (${r.cause === 'repossessed' ? 'repossessed' : 'written off'} by rule "${r.causeRule}")`;
    }
    case 'escalated':
      return `escalated (${r.missedAfter} unpaid)`;
    case 'plan-started':
      return 'payment plan started';
    case 'plan-kept':
      return 'payment plan kept this month';
    case 'plan-broken':
      return `payment plan broken (${r.missedAfter} unpaid)`;
    case 'unresolved':
      return `still ${r.missedAfter} unpaid`;
  }
}

function maturityText(r: MaturityRecord): string {
  const vehicle: Record<string, string> = {
    'bought-out': 'bought the vehicle out',
    returned: 'returned the vehicle',
    'paid-off': 'keeps the paid-off vehicle',
    'traded-in': 'traded the vehicle in',
  };
  if (r.early) {
    const waived = r.waived > 0 ? `, ${money(r.waived, false)} of instalments waived` : '';
    return `#${r.contract} early upgrade: equity ${money(r.equity, true)}${waived} → renewed, ${vehicle['traded-in']}`;
  }
  const odds = `equity ${money(r.equity, true)}, renewal probability ${percent(r.renewalProbability ?? NaN)}`;
  if (r.extended) return `#${r.contract} reached its term: ${odds} → did not renew; took the lease extension`;
  const buyOut = r.buyOutProbability === null ? '' : ` (buy-out probability ${percent(r.buyOutProbability)})`;
  return `#${r.contract} reached its term: ${odds} → ${r.renewed ? 'renewed' : 'did not renew'}; ${vehicle[r.vehicle ?? 'returned']}${buyOut}`;
}

function remarketingText(r: RemarketingRecord): string {
  const facts = `vehicle ${r.vehicleId} back${r.repossessed ? ' by repossession' : ''} after cycle ${r.cycleEnded} (${r.condition}, ${r.ageMonths} months, ${grouped(r.mileageKm)} km, worth ${money(r.marketValue, false)}, refurbishment est. ${money(r.refurbCostEstimate, false)})`;
  const decision = r.decision === null ? 'no rule fired' : decisionText(r.decision);
  const result = r.result === 'refurbished' ? `refurbished, ready in month ${r.readyMonth}` : 'wholesaled';
  return `${facts}: ${decision} → ${result}`;
}

function decisionText(d: PolicyDecision): string {
  return `rule "${d.rule}" → ${d.action}${paramsText(d.params)}`;
}

function paramsText(params: Readonly<Record<string, ParameterValue>> | undefined): string {
  if (params === undefined) return '';
  const entries = Object.entries(params);
  return entries.length === 0 ? '' : ` {${entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')}}`;
}

/**
 * Ledger entries summed by party, category and cycle; those that round to €0.00 only when `all`. The
 * captive's party is left unsaid unless `withParty`.
 */
function ledgerText(entries: readonly LedgerRecord[], all = true, withParty = false): string {
  const sums = new Map<string, number>();
  for (const e of entries) {
    const key =
      e.party === 'captive' && !withParty
        ? `${e.category} c${e.cycle}`
        : `${e.party} ${e.category} c${e.cycle}`;
    sums.set(key, (sums.get(key) ?? 0) + e.amount);
  }
  return [...sums]
    .filter(([, amount]) => all || Math.abs(amount) >= 0.005)
    .map(([key, amount]) => `${key} ${money(amount, true)}`)
    .join(', ');
}

/** The folded line of a run of routine months (with its ledger totals when `withLedger`). */
function routine(
  run: readonly { month: number; records: readonly TraceRecord[] }[],
  all: boolean,
  withLedger: boolean,
): string {
  const parts: string[] = [];
  const first = run[0]!.records;
  const paid = first.some((r) => r.type === 'ledger' && r.category === 'interestIncome');
  if (paid) parts.push('instalments paid');
  for (const r of first) if (r.type === 'engagement') parts.push(decisionText(r.decision));
  const offers = run.flatMap((m) => m.records.filter((r) => r.type === 'upgrade-offer'));
  if (offers.length > 0) {
    const p = offers.map((r) => r.probability);
    parts.push(
      `early-upgrade offer not taken (${percent(Math.min(...p))}–${percent(Math.max(...p))} a month)`,
    );
  }
  if (withLedger) {
    const ledger = run.flatMap((m) => m.records.filter((r): r is LedgerRecord => r.type === 'ledger'));
    const entries = ledgerText(ledger, all);
    if (entries !== '') parts.push(`ledger ${entries}`);
  }
  return parts.join('; ');
}

function isRoutine(records: readonly TraceRecord[]): boolean {
  return records.every(
    (r) =>
      (r.type === 'ledger' && ROUTINE_LEDGER.has(r.category)) ||
      (r.type === 'engagement' && r.executed === null) ||
      (r.type === 'upgrade-offer' && !r.upgrades),
  );
}

/** Months fold together only when the same routine things happen in them. */
function routineSignature(records: readonly TraceRecord[]): string {
  const parts = new Set<string>();
  for (const r of records) {
    if (r.type === 'ledger') parts.add(`${r.category}/${r.cycle}`);
    else if (r.type === 'engagement') parts.add(`rule:${r.decision.rule}`);
    else parts.add(r.type);
  }
  return [...parts].sort().join('|');
}

function byMonth(records: readonly TraceRecord[]): { month: number; records: TraceRecord[] }[] {
  const months: { month: number; records: TraceRecord[] }[] = [];
  for (const r of records) {
    const last = months[months.length - 1];
    if (last !== undefined && last.month === r.month) last.records.push(r);
    else months.push({ month: r.month, records: [r] });
  }
  return months;
}

function kindOf(r: TraceRecord): string {
  return r.type === 'upgrade-offer' ? 'upgrade' : r.type;
}

function monthLabel(first: number, last: number): string {
  return first === last ? `month ${String(first).padStart(3)}` : `months ${first}–${last}`;
}

function line(label: string, kind: string, text: string): string {
  return `${label.padEnd(13)} ${kind.padEnd(KIND_WIDTH)} ${text}`;
}

let timelineFormats: { readonly euro: Intl.NumberFormat; readonly whole: Intl.NumberFormat } | undefined;

/**
 * The timeline's number formats, made when it first prints: a process's first Intl formatter loads
 * ICU's locale data (about 10 ms of CPU), which a command that prints no timeline should not pay.
 */
function numberFormats(): NonNullable<typeof timelineFormats> {
  return (timelineFormats ??= {
    euro: new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  });
}

/** €1,234.56; with `signed`, +€1,234.56 or −€1,234.56. */
function money(x: number, signed: boolean): string {
  const text = `€${numberFormats().euro.format(Math.abs(x))}`;
  if (!signed) return x < 0 ? `−${text}` : text;
  return `${x < 0 ? '−' : '+'}${text}`;
}

function grouped(x: number): string {
  return numberFormats().whole.format(x);
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}
