// Entry of a Node worker thread: registers the TypeScript loader, then serves chunk tasks.
import { register } from 'tsx/esm/api';

register();
const { handleChunk } = await import('./worker-chunk.ts');
export default handleChunk;
