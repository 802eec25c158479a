/**
 * Colours shared by every chart and table, chosen for colour-blind readers (Okabe–Ito): the baseline
 * is always slate grey, challengers blue, orange and purple, in the order they were picked.
 */
export const SCENARIO_COLOURS = ['#4b5563', '#0072b2', '#d55e00', '#aa4499'] as const;

/** The colour of the scenario at `index` (0 = baseline). */
export function scenarioColour(index: number): string {
  return SCENARIO_COLOURS[index % SCENARIO_COLOURS.length]!;
}

/** Favourable, unfavourable and neutral changes, as the KPI table colours them. */
export const TONE_COLOURS = { favourable: '#1a7f37', unfavourable: '#b42318', neutral: '#57606a' } as const;
