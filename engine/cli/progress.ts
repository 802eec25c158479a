import type { RunProgress } from '../index.ts';

/**
 * A progress bar on standard error when it is a terminal (never in a pipe or a CI log):
 * `[██████░░░░░░░░]  42%  84/200 iterations  0:12`.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): {
  update: (p: RunProgress) => void;
  done: () => void;
} {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  const start = Date.now();
  const width = 28;
  return {
    update: ({ completedIterations, totalIterations }) => {
      const share = totalIterations === 0 ? 1 : completedIterations / totalIterations;
      const filled = Math.round(share * width);
      const seconds = Math.round((Date.now() - start) / 1000);
      const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
      stream.write(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ` +
          `${completedIterations}/${totalIterations} iterations  ${clock}`,
      );
    },
    done: () => stream.write('\r\x1b[K'),
  };
}
