#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { tuneV8ForSimulation } = await import('../engine/sim/pool/v8-tuning.ts');
tuneV8ForSimulation();
await import('../engine/cli/main.ts');
