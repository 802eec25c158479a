/**
 * The problems found in one pass over a history's files: the tapes' collector, so a history's problems
 * read, are capped and are counted exactly as a tape's.
 */
export { RowProblems as HistoryProblems } from '../../portfolio/tape/row-problems.ts';
