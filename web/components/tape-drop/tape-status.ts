import { counted } from '../../../engine/index.ts';
import type { TapeState } from '../../controllers/tape-controller.ts';

/**
 * What *Your book* says about the dropped tape: being read, used by the next runs (and never kept), or
 * refused for its problems; with no tape, what the shown results were run on (`previous`, a file name)
 * or what dropping one does.
 */
export function tapeStatusText(s: TapeState, previous?: string): string {
  if (s.status === 'reading') return `Reading ${s.name} in this page…`;
  if (s.status === 'ready')
    return `Your book: ${counted(s.contracts ?? 0, 'contract')} of ${counted(s.customers ?? 0, 'customer')} at ${counted(s.dealers ?? 0, 'dealer')}, as of ${s.asOf} (${s.name}). The next runs start from it; it stays in this page, is never sent or stored, and must be dropped again after a reload.`;
  if (s.status === 'invalid')
    return `${s.name} cannot be used: nothing runs on a tape with problems. Fix them and drop it again.`;
  if (previous)
    return `The results below were run on your book ${previous}. A tape is never stored: drop it again to run on it.`;
  return 'Drop a contract tape (CSV or .csv.gz, docs/tape.md) here to run on your own book. It is read and checked in this page: never sent anywhere, never stored.';
}
