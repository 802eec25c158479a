import { setFlagsFromString } from 'node:v8';

/** V8's cumulative inlining budget for one optimised function, bytes of bytecode (V8's default: 920). */
const INLINING_BUDGET = 4000;

/**
 * Lets V8 inline more of the small helpers the monthly steps call (uniform, Ledger#book, interpolate)
 * into the step loops. Under V8's default budget the larger steps stop inlining part-way, and every
 * double passed to or returned from a call left out of line is boxed as a new heap number: about four
 * million per iteration of the baseline (10,000 contracts × 120 months), found with
 * `--trace-allocation-stack-interval`. Measured with `npm run bench` (see BENCHMARKS.md, "V8 tuning").
 * Process-wide, so Node worker threads share it; call it before the engine runs. Browsers keep their
 * defaults (a page cannot set V8 flags).
 */
export function tuneV8ForSimulation(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
}
