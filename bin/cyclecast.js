#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../engine/cli/main.ts');
