/**
 * The engine's Node-only entry, for the CLI: the worker pool that runs chunks on worker threads.
 * Everything that also runs in a browser is in ./index.ts.
 */
export { NodeWorkerPool } from './sim/pool/node-pool.ts';
