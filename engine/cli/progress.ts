import type { RunProgress } from '../index.ts';
import type { CliIo } from './io.ts';

export interface Progress {
  update: (p: RunProgress) => void;
  done: () => void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

/**
 * A progress bar on standard error when it is a terminal (never in a pipe or a CI log):
 * `[██████░░░░░░░░]  42%  84/200 iterations  0:12`.
 */
export function progressBar(io: CliIo): Progress {
  if (!io.stderrIsTTY) return SILENT;
  const start = Date.now();
  const width = 28;
  return {
    update: ({ completedIterations, totalIterations }) => {
      const share = totalIterations === 0 ? 1 : completedIterations / totalIterations;
      const filled = Math.round(share * width);
      io.stderr(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ` +
          `${completedIterations}/${totalIterations} iterations  ${clock(Date.now() - start)}`,
      );
    },
    done: () => io.stderr('\r\x1b[K'),
  };
}

/**
 * Progress as plain lines, for a log that is not a terminal (CI): one line each time another tenth
 * of the iterations is merged, `  84/200 iterations (42%)  0:12`, so a long run shows it is moving
 * without carriage-return redraws that a log would keep as garbage.
 */
export function progressLines(write: (text: string) => void): Progress {
  const start = Date.now();
  let tenths = 0;
  return {
    update: ({ completedIterations, totalIterations }) => {
      const reached = totalIterations === 0 ? 10 : Math.floor((10 * completedIterations) / totalIterations);
      if (reached <= tenths) return;
      tenths = reached;
      const percent = Math.round((100 * completedIterations) / Math.max(totalIterations, 1));
      write(
        `  ${completedIterations}/${totalIterations} iterations (${percent}%)  ${clock(Date.now() - start)}\n`,
      );
    },
    done: () => {},
  };
}

/** The bar on a terminal, plain lines elsewhere: for commands whose progress a CI log should show. */
export function progressReport(io: CliIo): Progress {
  return io.stderrIsTTY ? progressBar(io) : progressLines(io.stderr);
}

/** Elapsed time as m:ss. */
function clock(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
