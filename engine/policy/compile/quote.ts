import { describeValue } from '../../json/describe.ts';

/** A name from a rule file as it appears in a message: JSON-quoted, so quotes and newlines stay visible. */
export function quote(name: unknown): string {
  return describeValue(String(name));
}
