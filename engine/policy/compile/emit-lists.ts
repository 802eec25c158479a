import type { EmitContext, ListScan } from './emit-context.ts';

/**
 * Set in every mask of a value that is an array: the Array.isArray validator of contains. Member
 * bits follow from bit 1 up: small masks are one-byte operands in V8's bytecode, which keeps the
 * evaluator small enough for V8 to inline it into its caller. 30 bits stay a small integer.
 */
const ARRAY_BIT = 1;
const MAX_MEMBERS = 29;

/**
 * The source testing whether the list in ref slot `slot` holds any of `members` (`some`), or is an
 * array that holds none of them (`!some`), exactly as `Array.isArray(a) && a.indexOf(v) > -1` for
 * one member or `… === -1` for each; undefined when the list has no room for more members.
 * A NaN member is never found (indexOf compares strictly), so it takes no bit.
 * `must`: evaluation always gets here once it reaches the rule (see emitTopCondition).
 */
export function emitListTest(
  slot: number,
  members: readonly unknown[],
  some: boolean,
  must: boolean,
  ctx: EmitContext,
): string | undefined {
  const found = members.filter((m) => !Number.isNaN(m));
  if (some && found.length === 0) return 'false';
  let scan = ctx.lists.get(slot);
  if (scan === undefined) {
    scan = { slot, members: [], bindings: [], emitted: false };
    ctx.lists.set(slot, scan);
  }
  let bits = 0;
  for (const member of found) {
    let bit = scan.members.findIndex((m) => m === member);
    if (bit === -1) {
      if (scan.members.length === MAX_MEMBERS) return undefined;
      bit = scan.members.push(member) - 1;
      scan.bindings.push(ctx.tables.literal(member));
    }
    bits |= 2 << bit;
  }
  const mask = maskSource(scan, must, ctx);
  return some ? `((${mask} & ${bits}) !== 0)` : `((${mask} & ${ARRAY_BIT | bits}) === ${ARRAY_BIT})`;
}

/**
 * The mask where the emitter stands: the local once evaluation has certainly computed it (see
 * EmitContext.known); computed here if no source before here computes it; otherwise computed
 * here only if still unknown (-1).
 */
function maskSource(scan: ListScan, must: boolean, ctx: EmitContext): string {
  const local = `m${scan.slot}`;
  if (ctx.known.has(local)) return local;
  const compute = `${local} = s${scan.slot}(${ctx.reads.read('r', scan.slot, must)})`;
  const source = scan.emitted ? `(${local} === -1 ? (${compute}) : ${local})` : `(${compute})`;
  scan.emitted = true;
  ctx.known.add(local);
  return source;
}

/**
 * The scanning function of a list: 0 for a value that is not an array, otherwise ARRAY_BIT and
 * the bit of each member found. One member is looked up with indexOf (one builtin call is cheaper
 * than a loop in generated code); several in one pass, where a hole reads as undefined, which no
 * literal is, unless an inherited element fills it, which indexOf finds too.
 */
export function scanFunctionSource(scan: ListScan): string {
  const header = `function s${scan.slot}(a) {\n  if (!I(a)) return 0;\n`;
  const [only, ...more] = scan.bindings;
  if (only === undefined) return `${header}  return ${ARRAY_BIT};\n}\n`;
  if (more.length === 0) {
    return `${header}  return a.indexOf(${only}) > -1 ? ${ARRAY_BIT | 2} : ${ARRAY_BIT};\n}\n`;
  }
  const tests = scan.bindings.map((binding, bit) => `if (v === ${binding}) b |= ${2 << bit};`).join(' else ');
  return (
    header +
    `  var b = ${ARRAY_BIT};\n` +
    `  for (var i = 0; i < a.length; i++) {\n` +
    `    var v = a[i];\n` +
    `    ${tests}\n` +
    `  }\n` +
    `  return b;\n` +
    `}\n`
  );
}
