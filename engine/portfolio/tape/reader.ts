import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS, SEGMENTS } from '../../domain/lists.ts';
import { cut } from '../../json/describe.ts';
import type { Problem } from '../../json/problem.ts';
import { didYouMean } from '../../json/suggest.ts';
import type { TapeSource } from '../tape-source.ts';
import type { ExcludedRows } from '../../result/run.ts';
import { GrowableColumn, sharedColumn } from './growable.ts';
import { IdTable } from './id-table.ts';
import { ABSENT, type TapeBook } from './book.ts';
import type { DealerList } from './dealer-list.ts';
import {
  CellError,
  checkCode,
  checkId,
  checkPaymentSummary,
  dayNumber,
  readDate,
  readFlag,
  readInteger,
  readNumber,
  wholeMonths,
  type DateNumber,
} from './cells.ts';
import {
  MODEL_ONLY_PREFIX,
  TAPE_COLUMN_BY_NAME,
  TAPE_COLUMNS,
  TAPE_PRODUCTS,
  TAPE_STATUSES,
  type TapeColumn,
} from './columns.ts';
import { impliedMonthlyRate } from './implied-rate.ts';
import { personalColumnReason, personalValueReason } from './privacy.ts';
import { RowProblems } from './row-problems.ts';

/** Longest contract accepted, months (as the portfolio's terms). */
const MAX_TERM = 120;
const DAYS_PER_MONTH = 365.25 / 12;

/** What `cyclecast tape check` prints about a tape besides its problems. */
export interface TapeSummary {
  readonly rows: number;
  readonly asOf?: string;
  readonly customers: number;
  readonly dealers: number;
  /** Rows and balance (€) per product of the tape. */
  readonly products: Readonly<Record<string, { readonly rows: number; readonly balance: number }>>;
  readonly statuses: Readonly<Record<string, number>>;
  readonly balance: number;
  /** Problems per kind (column and message), all of them, also those beyond the listed ones. */
  readonly problemKinds: Readonly<Record<string, number>>;
  readonly problemCount: number;
  /** The problems inside data rows, which `--exclude-invalid` can leave out with their rows. */
  readonly rowProblems: number;
  /** The rows with problems: what `--exclude-invalid` would leave out. */
  readonly invalidRows?: ExcludedRows;
}

export interface TapeReadResult {
  /** The book, when the tape has no errors. */
  readonly book?: TapeBook;
  readonly summary: TapeSummary;
  /** The first `maxProblems` problems, in row order. */
  readonly problems: readonly Problem[];
}

type Cell = { readonly column: TapeColumn; readonly index: number };

/**
 * Reads a tape row by row (the CSV parsing is the caller's, so the same reader serves a stream in Node
 * and a file in a browser): checks every cell against {@link TAPE_COLUMNS} and the dialect, refuses
 * personal data, and collects the book. Each problem is at its row (the header is row 1) and column,
 * named by the column, and never quotes an identifier. Memory grows with the rows kept, not the file.
 */
export class TapeReader {
  private readonly found: RowProblems;
  private errorsInRows = 0;
  /** Problems found inside data rows: those rows can be left out (`--exclude-invalid`). */
  private problemsInRows = 0;
  /** € of the rows with problems, where their balance reads. */
  private excludedBalance = 0;
  private width = 0;
  private cells: Cell[] = [];
  private present = new Set<string>();
  private headerOk = false;
  private asOf: DateNumber | undefined;
  private asOfFromColumn = false;
  /** The dealer list that fixes the dealer network, when the tape has one. */
  private network: DealerList | undefined;
  private readonly contractIds = new IdTable();
  private readonly customerIndex = new IdTable();
  private readonly dealerIndex = new IdTable(64);
  private readonly productTotals: Record<string, { rows: number; balance: number }> = {};
  private readonly statusCounts: Record<string, number> = {};
  private rows = 0;
  private totalBalance = 0;
  private readonly dealerRegion: number[] = [];
  private readonly dealerBdc: number[] = [];
  private readonly dealerDiscipline: number[] = [];
  private readonly customerTier: number[] = [];
  private readonly customerSegment: number[] = [];
  private readonly customerDealer: number[] = [];
  private readonly customerLoyalty: number[] = [];
  private readonly customerLoyaltyScore: number[] = [];
  private readonly customerChannel: number[] = [];
  /** The model-only values of a dealer or a customer, each the same on all of its rows. */
  private readonly entityValues: readonly {
    readonly name: string;
    readonly of: 'dealer' | 'customer';
    readonly values: number[];
  }[] = [
    { name: 'x_dealer_bdc', of: 'dealer', values: this.dealerBdc },
    { name: 'x_dealer_discipline', of: 'dealer', values: this.dealerDiscipline },
    { name: 'x_loyalty', of: 'customer', values: this.customerLoyalty },
    { name: 'x_loyalty_score', of: 'customer', values: this.customerLoyaltyScore },
    { name: 'x_channel', of: 'customer', values: this.customerChannel },
  ];
  private readonly k = {
    customer: new GrowableColumn<Int32Array>(Int32Array),
    cycle: new GrowableColumn<Uint8Array>(Uint8Array),
    termMonths: new GrowableColumn<Int32Array>(Int32Array),
    monthsOnBook: new GrowableColumn<Int32Array>(Int32Array),
    balance: new GrowableColumn<Float64Array>(Float64Array),
    instalment: new GrowableColumn<Float64Array>(Float64Array),
    residual: new GrowableColumn<Float64Array>(Float64Array),
    rateMonthly: new GrowableColumn<Float64Array>(Float64Array),
    missed: new GrowableColumn<Int32Array>(Int32Array),
    dispute: new GrowableColumn<Uint8Array>(Uint8Array),
    agency: new GrowableColumn<Uint8Array>(Uint8Array),
    insured: new GrowableColumn<Int8Array>(Int8Array),
    subsidy: new GrowableColumn<Float64Array>(Float64Array),
    commission: new GrowableColumn<Float64Array>(Float64Array),
    powertrain: new GrowableColumn<Int8Array>(Int8Array),
    vehicleAgeMonths: new GrowableColumn<Int32Array>(Int32Array),
    mileageKm: new GrowableColumn<Float64Array>(Float64Array),
    listPrice: new GrowableColumn<Float64Array>(Float64Array),
    kmPerYear: new GrowableColumn<Float64Array>(Float64Array),
  };
  /** Whether the book is collected, or only checked and summarised (`tape check`, `validate`). */
  private readonly keepBook: boolean;

  /**
   * @param maxProblems problems listed; all are counted by kind.
   * @param keep `'book'` to collect the book, `'summary'` to check and summarise only: then the
   *   contracts' columns are not kept, and memory is mostly the ids seen (for duplicates and counts).
   */
  constructor(
    readonly file: string,
    readonly source: TapeSource,
    readonly maxProblems = 100,
    keep: 'book' | 'summary' = 'book',
  ) {
    this.keepBook = keep === 'book';
    this.found = new RowProblems(maxProblems);
    if (source.asOf !== undefined) this.asOf = readDate(source.asOf, 'YYYY-MM-DD') as DateNumber;
  }

  /** A problem at `row` and 1-based `column`, named by the tape's column (of `file`: the tape's by default). */
  report(
    row: number,
    column: number,
    columnName: string,
    message: string,
    hint?: string,
    file = this.file,
  ): void {
    this.found.report(file, row, column, columnName, message, hint);
  }

  /**
   * The tape's dealer network from its dealer list, before the rows: dealer i is the list's row i,
   * dealers without contracts included, and a row's dealer must be on the list.
   */
  useNetwork(list: DealerList): void {
    this.network = list;
    list.ids.forEach((id, i) => this.dealerIndex.add(id, i));
    this.dealerRegion.push(...list.region);
    this.dealerBdc.push(...list.bdc);
    this.dealerDiscipline.push(...list.discipline);
  }

  /** The header row (row 1). Returns whether rows can be read against it. */
  header(names: readonly string[]): boolean {
    this.width = names.length;
    const known = TAPE_COLUMNS.map((c) => c.name);
    names.forEach((raw, i) => {
      const name = raw.trim();
      const shown = cut(name, 40);
      const column = TAPE_COLUMN_BY_NAME.get(name);
      const personal = personalColumnReason(name);
      if (column !== undefined && !this.present.has(name)) {
        this.present.add(name);
        this.cells.push({ column, index: i });
      } else if (column !== undefined)
        this.report(1, i + 1, shown, 'duplicate column: each column appears once');
      else if (personal !== undefined) {
        this.report(
          1,
          i + 1,
          shown,
          `refused: the column looks like personal data (${personal}); a tape holds none`,
          'remove the column before the tape leaves the client (docs/tape.md, privacy)',
        );
      } else {
        const modelOnly = name.startsWith(MODEL_ONLY_PREFIX);
        this.report(
          1,
          i + 1,
          shown,
          modelOnly
            ? `unknown model-only column: the ${MODEL_ONLY_PREFIX} columns are those of docs/tape.md`
            : 'unknown column: a tape has only the columns of docs/tape.md',
          didYouMean(
            name,
            known.filter((k) => k.startsWith(MODEL_ONLY_PREFIX) === modelOnly),
            { limit: 1 },
          ),
        );
      }
    });
    for (const column of TAPE_COLUMNS) {
      if (column.required && !this.present.has(column.name))
        this.report(1, 1, column.name, 'missing required column');
    }
    if (this.asOf === undefined && !this.present.has('as_of_date')) {
      this.report(
        1,
        1,
        'as_of_date',
        'no as-of date: expected an as_of_date column or the tape setting asOf',
        'give "asOf": "YYYY-MM-DD" in the scenario’s portfolio.tape, or --as-of',
      );
    }
    this.asOfFromColumn = this.present.has('as_of_date');
    this.headerOk = this.found.count === 0;
    return this.headerOk;
  }

  /** One data row; `row` counts the header as row 1 (as a spreadsheet shows it). */
  row(values: readonly string[], row: number): void {
    if (!this.headerOk) return;
    if (values.length !== this.width) {
      this.report(
        row,
        Math.min(values.length, this.width) + 1,
        '(row)',
        `expected ${this.width} fields, found ${values.length}`,
        'a delimiter inside a value needs quotes',
      );
      this.errorsInRows++;
      this.problemsInRows++;
      return;
    }
    const before = this.found.count;
    const v: Record<string, number | string | undefined> = {};
    for (const { column, index } of this.cells) {
      const text = values[index]!.trim();
      if (text === '') {
        if (column.required)
          this.report(row, index + 1, column.name, `missing value: expected ${expectation(column)}`);
        continue;
      }
      const value = this.cell(column, text, row, index + 1);
      if (value !== undefined) v[column.name] = value;
    }
    if (this.found.count === before) this.contract(v, row);
    if (this.found.count > before) {
      this.errorsInRows++;
      this.problemsInRows += this.found.count - before;
      if (typeof v.balance === 'number') this.excludedBalance += v.balance;
    }
  }

  private cell(column: TapeColumn, text: string, row: number, col: number): number | string | undefined {
    const { dialect } = this.source;
    let result: number | string | CellError | undefined;
    switch (column.type) {
      case 'id':
      case 'code': {
        const personal = personalValueReason(text);
        if (personal !== undefined) {
          this.report(
            row,
            col,
            column.name,
            `refused: the value looks like personal data (${personal})`,
            'a tape holds pseudonymised ids and codes only',
          );
          return undefined;
        }
        result = (column.type === 'id' ? checkId(text) : checkCode(text)) ?? text;
        break;
      }
      case 'enum':
        result = column.values!.includes(text)
          ? text
          : new CellError(
              `expected one of ${column.values!.join(', ')}`,
              didYouMean(text, column.values!, { limit: 1 }),
            );
        break;
      case 'date':
        result = readDate(text, dialect.datePattern);
        break;
      case 'money':
      case 'number':
        result = readNumber(text, dialect, column.min ?? -Infinity, column.max ?? Infinity, column.unit);
        break;
      case 'integer':
        result = readInteger(text, column.min ?? -(2 ** 31), column.max ?? 2 ** 31 - 1, column.unit);
        break;
      case 'flag':
        result = readFlag(text);
        break;
      case 'payment-summary':
        result = checkPaymentSummary(text) ?? text;
        break;
    }
    if (result instanceof CellError) {
      this.report(row, col, column.name, `invalid ${column.name}: ${result.message}`, result.hint);
      return undefined;
    }
    return result;
  }

  private colOf(name: string): number {
    return (this.cells.find((c) => c.column.name === name)?.index ?? 0) + 1;
  }

  /** The row's contract, once every cell reads: dates to months, product to cycle, ids to indices. */
  private contract(v: Record<string, number | string | undefined>, row: number): void {
    const at = (name: string, message: string, hint?: string): void =>
      this.report(row, this.colOf(name), name, message, hint);
    if (v.as_of_date !== undefined) {
      if (this.asOf === undefined) this.asOf = v.as_of_date as number;
      else if (this.asOfFromColumn && v.as_of_date !== this.asOf)
        return at('as_of_date', 'a tape has one as-of date: this row’s differs from the first row’s');
    }
    const asOf = this.asOf!;
    const contractId = v.contract_id as string;
    if (this.contractIds.get(contractId) !== -1)
      return at('contract_id', 'duplicate contract id: each contract is one row');
    const origination = v.origination_date as number;
    const maturity = v.maturity_date as number;
    if (origination > asOf)
      return at(
        'origination_date',
        'the contract starts after the as-of date: a tape holds the contracts on book at its as-of date',
      );
    const term = Math.round((dayNumber(maturity) - dayNumber(origination)) / DAYS_PER_MONTH);
    if (term < 1 || term > MAX_TERM)
      return at('maturity_date', `expected a maturity 1 to ${MAX_TERM} months after the origination date`);
    const status = v.status as string;
    let seasoning = wholeMonths(origination, asOf);
    if (status === 'matured-awaiting-return') seasoning = term;
    else if (seasoning >= term)
      return at(
        'status',
        `the contract matured by the as-of date: expected status matured-awaiting-return, got ${status}`,
      );
    const product = v.product as string;
    const isLoan = product === 'amortising-loan';
    const residual = v.residual as number;
    if (isLoan && residual > 0)
      return at(
        'residual',
        'an amortising loan has no residual',
        'a loan with a final balloon is a balloon-loan',
      );
    const balance = v.balance as number;
    const instalment = v.instalment as number;
    let rate: number | undefined;
    if (v.x_rate_monthly !== undefined) rate = v.x_rate_monthly as number;
    else if (v.nominal_rate !== undefined) rate = (v.nominal_rate as number) / 100 / 12;
    else {
      rate = impliedMonthlyRate(balance, instalment, term - seasoning, residual);
      if (rate === undefined) {
        return at(
          'balance',
          `balance, instalment and residual fit no rate from 0 to 60% a year over the ${term - seasoning} instalments left`,
          'give nominal_rate, or check the amounts',
        );
      }
    }
    const dpd = v.days_past_due as number;
    if (status === 'arrears' && dpd === 0)
      return at('days_past_due', 'a contract in arrears is past due: expected days_past_due above 0');
    if (status === 'current' && dpd > 0)
      return at('days_past_due', 'a current contract is not past due: expected 0, or status arrears');
    const grade = v.rating_grade as string | undefined;
    let tier = ABSENT;
    if (grade !== undefined) {
      const mapped = this.source.grades[grade];
      if (mapped === undefined)
        return at(
          'rating_grade',
          `unknown grade ${JSON.stringify(grade)}: not in the grade table`,
          `map it in portfolio.tape.grades: "grades": { ${JSON.stringify(grade)}: "prime" | "near-prime" | "subprime" }`,
        );
      tier = CREDIT_TIERS.indexOf(mapped);
    }
    const regionCode = v.region as string | undefined;
    let region = ABSENT;
    if (regionCode !== undefined) {
      const mapped = this.source.regions[regionCode];
      if (mapped === undefined)
        return at(
          'region',
          `unknown region ${JSON.stringify(regionCode)}: not in the region table`,
          `map it in portfolio.tape.regions: "regions": { ${JSON.stringify(regionCode)}: "north" | "south" | "east" | "west" | "central" }`,
        );
      region = REGIONS.indexOf(mapped);
    }

    // Dealers are numbered by the dealer list, else in the order they first appear or by x_dealer_index.
    const dealerAt = this.dealerIndex.get(v.dealer_id as string);
    const knownDealer = dealerAt === -1 ? undefined : dealerAt;
    if (knownDealer === undefined && this.network !== undefined)
      return at('dealer_id', `unknown dealer: not in the dealer list ${this.network.file}`);
    const place = v.x_dealer_index as number | undefined;
    if (this.present.has('x_dealer_index')) {
      if (place === undefined)
        return at('x_dealer_index', 'missing value: a tape with x_dealer_index gives it on every row');
      if (knownDealer !== undefined && knownDealer !== place)
        return at(
          'x_dealer_index',
          'a dealer has one place: this row’s differs from the dealer’s earlier row',
        );
      if (knownDealer === undefined && this.dealerRegion[place] !== undefined)
        return at('x_dealer_index', 'another dealer holds this place: each dealer has its own');
    }
    const dealer = knownDealer ?? place ?? this.dealerIndex.size;
    const customerAt = this.customerIndex.get(v.customer_id as string);
    const knownCustomer = customerAt === -1 ? undefined : customerAt;
    const customer = knownCustomer ?? this.customerIndex.size;
    for (const { name, of, values } of this.entityValues) {
      const held = values[of === 'dealer' ? dealer : customer];
      const value = modelOnlyValue(name, v[name]);
      if (held !== undefined && held !== ABSENT && value !== ABSENT && held !== value)
        return at(name, `differs from the ${of}’s earlier row: the same on each of the ${of}’s rows`);
    }

    this.contractIds.add(contractId, this.rows);
    if (knownDealer === undefined) {
      this.dealerIndex.add(v.dealer_id as string, dealer);
      this.dealerRegion[dealer] = region;
    } else if (this.dealerRegion[dealer] === ABSENT) this.dealerRegion[dealer] = region;
    for (const { name, of, values } of this.entityValues) {
      const entity = of === 'dealer' ? dealer : customer;
      if (values[entity] === undefined || values[entity] === ABSENT)
        values[entity] = modelOnlyValue(name, v[name]);
    }
    const segment =
      v.x_segment !== undefined
        ? indexIn(SEGMENTS, v.x_segment)
        : segmentOf(v.payment_summary_12m as string | undefined);
    if (knownCustomer === undefined) {
      this.customerIndex.add(v.customer_id as string, customer);
      this.customerTier.push(tier);
      this.customerSegment.push(segment);
      this.customerDealer.push(dealer);
    } else {
      // Several contracts: the customer's worst tier and worst payment record across them.
      if (tier > this.customerTier[customer]!) this.customerTier[customer] = tier;
      if (segment > this.customerSegment[customer]!) this.customerSegment[customer] = segment;
    }
    const isNew = v.new_used === 'new';
    const k = this.k;
    if (this.keepBook) {
      k.customer.push(customer);
      k.cycle.push(isLoan ? 3 : isNew ? 1 : 2);
      k.termMonths.push(term);
      k.monthsOnBook.push(seasoning);
      k.balance.push(balance);
      k.instalment.push(instalment);
      k.residual.push(residual);
      k.rateMonthly.push(rate);
      k.missed.push(Math.ceil(dpd / 30));
      k.dispute.push((v.dispute as number | undefined) ?? 0);
      k.agency.push(status === 'workout' ? 1 : ((v.agency as number | undefined) ?? 0));
      k.insured.push((v.insured as number | undefined) ?? ABSENT);
      k.subsidy.push((v.subsidy_amount as number | undefined) ?? ABSENT);
      k.commission.push((v.dealer_commission as number | undefined) ?? ABSENT);
      k.powertrain.push(
        v.powertrain === undefined
          ? ABSENT
          : POWERTRAINS.indexOf(v.powertrain as (typeof POWERTRAINS)[number]),
      );
      // Without an age: a new vehicle is as old as its contract; a used one had a first lease before it.
      const age =
        (v.vehicle_age_months as number | undefined) ?? wholeMonths(origination, asOf) + 1 + (isNew ? 0 : 36);
      k.vehicleAgeMonths.push(age);
      k.mileageKm.push((v.mileage_km as number | undefined) ?? ABSENT);
      k.listPrice.push((v.list_price as number | undefined) ?? ABSENT);
      k.kmPerYear.push(given(v.x_km_per_year));
    }

    this.rows++;
    this.totalBalance += balance;
    const totals = (this.productTotals[product] ??= { rows: 0, balance: 0 });
    totals.rows++;
    totals.balance += balance;
    this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
  }

  /**
   * The book and its summary once every row is read; no book when any problem was found, unless
   * `excludeShare` (0–1) is given: then rows with problems are left out of the book as long as they
   * are at most that share of the rows and of the balance, and the header and file read cleanly.
   */
  finish(excludeShare?: number): TapeReadResult {
    if (this.headerOk && this.rows === 0 && this.found.count === 0)
      this.report(2, 1, '(rows)', 'the tape has no contracts');
    const hole = Array.from(this.dealerRegion, (r) => r === undefined).indexOf(true);
    if (hole >= 0)
      this.report(
        1,
        this.colOf('x_dealer_index'),
        'x_dealer_index',
        `no dealer holds place ${hole}: each place from 0 to the largest is a dealer’s`,
      );
    const excluded = this.exclusion(excludeShare);
    const summary: TapeSummary = {
      rows: this.rows,
      ...(this.asOf !== undefined ? { asOf: isoDate(this.asOf) } : {}),
      customers: this.customerIndex.size,
      dealers: this.dealerIndex.size,
      products: Object.fromEntries(
        TAPE_PRODUCTS.filter((p) => this.productTotals[p]).map((p) => [p, this.productTotals[p]!]),
      ),
      statuses: Object.fromEntries(
        TAPE_STATUSES.filter((s) => this.statusCounts[s]).map((s) => [s, this.statusCounts[s]!]),
      ),
      balance: this.totalBalance,
      problemKinds: { ...this.found.kinds },
      problemCount: this.found.count,
      rowProblems: this.problemsInRows,
      ...(this.errorsInRows > 0 ? { invalidRows: this.invalidRows() } : {}),
    };
    if ((this.found.count > 0 && excluded === undefined) || !this.keepBook)
      return { summary, problems: this.found.list };
    const has = (name: string): boolean =>
      this.present.has(name) || (this.network?.columns.includes(name) ?? false);
    const drawn = [
      ...(has('rating_grade') ? [] : ['credit tier']),
      ...(has('payment_summary_12m') || has('x_segment') ? [] : ['payer segment']),
      ...(has('region') ? [] : ['dealer region']),
      ...(has('x_dealer_bdc') ? [] : ['dealer BDC']),
      ...(has('x_dealer_discipline') ? [] : ['dealer discipline']),
      ...(has('x_loyalty') ? [] : ['loyalty']),
      ...(has('x_loyalty_score') ? [] : ['loyalty score']),
      ...(has('x_channel') ? [] : ['preferred channel']),
      ...(has('list_price') ? [] : ['vehicle list price']),
      ...(has('powertrain') ? [] : ['powertrain']),
      ...((has('mileage_km') && has('vehicle_age_months')) || has('x_km_per_year')
        ? []
        : ['kilometres per year']),
      ...(has('insured') ? [] : ['credit insurance']),
    ];
    const book: TapeBook = {
      format: 'cyclecast-tape/1',
      file: this.file,
      ...(this.network !== undefined ? { dealerList: this.network.file } : {}),
      asOf: isoDate(this.asOf!),
      columns: this.cells.map((c) => c.column.name),
      drawn,
      regions: { ...this.source.regions },
      grades: { ...this.source.grades },
      dealers: {
        count: this.dealerRegion.length,
        region: sharedColumn(Int8Array, this.dealerRegion),
        bdc: sharedColumn(Int8Array, this.dealerBdc),
        discipline: sharedColumn(Float64Array, this.dealerDiscipline),
      },
      customers: {
        count: this.customerIndex.size,
        creditTier: sharedColumn(Int8Array, this.customerTier),
        segment: sharedColumn(Int8Array, this.customerSegment),
        dealer: sharedColumn(Int32Array, this.customerDealer),
        loyalty: sharedColumn(Float64Array, this.customerLoyalty),
        loyaltyScore: sharedColumn(Float64Array, this.customerLoyaltyScore),
        channel: sharedColumn(Int8Array, this.customerChannel),
      },
      contracts: {
        count: this.rows,
        ...(Object.fromEntries(Object.entries(this.k).map(([name, column]) => [name, column.finish()])) as {
          [K in keyof typeof this.k]: ReturnType<(typeof this.k)[K]['finish']>;
        }),
      },
      ...(excluded !== undefined && excluded.rows > 0 ? { excluded } : {}),
    };
    return { book, summary, problems: excluded !== undefined ? this.found.list : [] };
  }

  /** The rows with problems, their balance and their shares of the tape's rows and balance. */
  private invalidRows(): ExcludedRows {
    const rows = this.errorsInRows;
    const balance = this.excludedBalance;
    return {
      rows,
      balance,
      rowShare: rows / (rows + this.rows),
      balanceShare: balance + this.totalBalance > 0 ? balance / (balance + this.totalBalance) : 0,
    };
  }

  /**
   * The rows to leave out under `--exclude-invalid`, or undefined when nothing may run: no exclusion
   * asked, a problem outside the data rows, or more invalid rows than the cap (then a problem says so).
   */
  private exclusion(excludeShare: number | undefined): ExcludedRows | undefined {
    if (excludeShare === undefined) return undefined;
    if (this.found.count !== this.problemsInRows || this.rows === 0) return undefined;
    const invalid = this.invalidRows();
    if (invalid.rowShare <= excludeShare && invalid.balanceShare <= excludeShare) return invalid;
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    this.report(
      1,
      1,
      '(rows)',
      `too many invalid rows to leave out: ${invalid.rows} rows, ${pct(invalid.rowShare)} of the rows and ${pct(invalid.balanceShare)} of the balance, above the cap of ${pct(excludeShare)}`,
      'fix the tape, or raise the cap with --exclude-invalid=SHARE (0–1)',
    );
    return undefined;
  }
}

const PHRASES: Record<TapeColumn['type'], string> = {
  id: 'an identifier',
  enum: 'a value',
  date: 'a date',
  money: 'an amount',
  number: 'a number',
  integer: 'a whole number',
  flag: '0 or 1',
  code: 'a code',
  'payment-summary': 'a payment summary',
};

function expectation(column: TapeColumn): string {
  if (column.type === 'enum') return `one of ${column.values!.join(', ')}`;
  return `${PHRASES[column.type]}${column.unit ? ` in ${column.unit}` : ''}`;
}

/**
 * The payer segment the last twelve month-ends show (index into SEGMENTS): never overdue → reliable,
 * overdue at one or two month-ends → occasional, more → habitual-late. ABSENT without a summary.
 */
function segmentOf(summary: string | undefined): number {
  if (summary === undefined) return ABSENT;
  let late = 0;
  for (let i = 0; i < summary.length; i++) if (summary[i] !== '0' && summary[i] !== '-') late++;
  return late === 0 ? 0 : late <= 2 ? 1 : 2;
}

/** A model-only number as read, or ABSENT. */
function given(value: number | string | undefined): number {
  return typeof value === 'number' ? value : ABSENT;
}

/** The index of an enum cell's value in the model's list, or ABSENT. */
function indexIn(values: readonly string[], value: number | string | undefined): number {
  return typeof value === 'string' ? values.indexOf(value) : ABSENT;
}

/** A dealer's or customer's model-only value as the model holds it (a channel as its index), or ABSENT. */
function modelOnlyValue(name: string, value: number | string | undefined): number {
  return name === 'x_channel' ? indexIn(CHANNELS, value) : given(value);
}

function isoDate(date: DateNumber): string {
  const y = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  const d = date % 100;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
