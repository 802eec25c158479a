/**
 * Child-process entry of the policy suite (see child.ts):
 * `policy-child.ts rule-set FILE [--quick]` or `policy-child.ts scaling COPIES [--quick]`.
 */
import { reply } from './child.ts';
import { measureRuleSet } from './policy.bench.ts';
import { measureScaling } from './policy-scaling.ts';

const [what, operand, ...flags] = process.argv.slice(2);
const quick = flags.includes('--quick');
if (what === 'rule-set' && operand !== undefined) reply(await measureRuleSet(operand, { quick }));
else if (what === 'scaling' && Number(operand) >= 1) reply(await measureScaling(Number(operand), { quick }));
else throw new Error(`usage: policy-child.ts rule-set FILE [--quick] | scaling COPIES [--quick]`);
