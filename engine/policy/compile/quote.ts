import { show } from '../../json/show.ts';
/** A name from a rule file as it appears in a message: JSON-quoted, so quotes and newlines stay visible. */
export function quote(name: unknown): string {
  return show(String(name));
}
