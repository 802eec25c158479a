// dist/inputs.json: the sources a build of dist/ holds and when it was made. bin/build-cli.js writes it
// last; bin/cyclecast.js compares it with the sources to tell a stale build. A module of its own, so that
// the CLI's start does not load build-cli.js (about 1.3 ms of CPU) unless it has to rebuild.
import { fileURLToPath } from 'node:url';

export const INPUTS_FILE = fileURLToPath(new URL('../dist/inputs.json', import.meta.url));
