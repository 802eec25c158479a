#!/usr/bin/env node
// `npm run bench [-- --json]`: every figure in BENCHMARKS.md, measured side by side in one run.
import { register } from 'tsx/esm/api';

register();
await import('../test/bench/main.ts');
