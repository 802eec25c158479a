/**
 * The frame reads of the evaluator. A slot that a rule's test always reads (see `must` in
 * emitTopCondition) is read into a local (`n3` for `n[3]`, `r1` for `r[1]`) in a statement before
 * that rule's test, and every later test reads the local: no typed-array or array element access
 * twice, fewer bytes of bytecode (V8 inlines only small functions), and nothing to re-check after
 * a call. A read that evaluation may skip stays a frame access until some rule has read the slot,
 * unless `everyRule`: under the `collect` hit policy every rule is tested, and reading each slot a
 * rule may need once, before it, measured faster than reading it wherever each test gets to it
 * (under `first`, reads for tests that end early measured slower).
 * Reading a slot has no effect, so reading it a little earlier, or once too often, changes nothing.
 */
export class SlotReads {
  private readonly locals = new Set<string>();
  private pending: string[] = [];

  constructor(private readonly everyRule: boolean) {}

  /**
   * The source of the value of `n[index]` or `r[index]` where the emitter stands. The frame's
   * array itself (`n = f.num`) is read before the first rule that reads either, so a rule set that
   * mostly decides on numbers does not pay for `f.ref` on every evaluation.
   */
  read(store: 'n' | 'r', index: number, must: boolean): string {
    const local = `${store}${index}`;
    if (this.locals.has(local)) return local;
    if (!this.locals.has(store)) {
      this.locals.add(store);
      this.pending.push(`${store} = f.${store === 'n' ? 'num' : 'ref'}`);
    }
    if (!must && !this.everyRule) return `${store}[${index}]`;
    this.locals.add(local);
    this.pending.push(`${local} = ${store}[${index}]`);
    return local;
  }

  /** The reads to make before the current rule's test (`n3 = n[3]`), and starts the next rule. */
  take(): string[] {
    const reads = this.pending;
    this.pending = [];
    return reads;
  }
}
