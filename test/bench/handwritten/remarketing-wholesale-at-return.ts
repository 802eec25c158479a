import type { RemarketingFacts } from './facts.ts';

/** rules/remarketing/wholesale-at-return.json declares no parameters. */
export const wholesaleAtReturnParameters = {} as const;

/**
 * rules/remarketing/wholesale-at-return.json written by hand: 0 (its only rule) for every return
 * of a known cycle, or -1 when none fires.
 */
export function remarketingWholesaleAtReturn(f: RemarketingFacts): number {
  return f.cycleEnded >= 1 ? 0 : -1;
}
