/*
 * Following one customer through one iteration: `cyclecast explain` and the workbench's journey view.
 */
export {
  followCustomer,
  sampleCustomers,
  type CustomerJourney,
  type CustomerProfile,
  type CustomerSample,
} from './journey.ts';
export type * from '../trace/records.ts';
export { describe, renderTimeline, renderTimelineMarkdown } from './timeline.ts';
export { Trace } from '../trace/trace.ts';
