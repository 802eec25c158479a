// Entry of a browser Web Worker: serves chunk tasks with the same engine code the CLI's pool runs.
import { expose } from 'comlink';
import { PreparedRunCache, runChunkCached } from '../../engine/index.ts';
import type { ChunkWorkerApi } from './chunk-api.ts';

const cache = new PreparedRunCache();

const api: ChunkWorkerApi = {
  runChunk: (runId, spec, task) => runChunkCached(cache, runId, spec, task),
};

expose(api);
