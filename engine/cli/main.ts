import { processIo } from './io.ts';
import { cyclecast } from './program.ts';

// The `cyclecast` process: the CLI on the process's streams, its result as the exit code.
// `cyclecast … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await cyclecast(process.argv, processIo());
