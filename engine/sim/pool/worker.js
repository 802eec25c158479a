// Entry of a Node worker thread when the engine runs from source (the tests, the benchmarks): registers
// the TypeScript loader (tsx, a dev dependency), then serves chunk tasks. The built CLI's pool starts its
// workers from dist/worker.js instead (written by bin/build-cli.js), which needs no loader.
import { register } from 'tsx/esm/api';

register();
const { handleChunk } = await import('./worker-chunk.ts');
export default handleChunk;
