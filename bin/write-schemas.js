#!/usr/bin/env node
// Writes the JSON Schemas generated from the catalogues (npm run schemas). A test fails when a
// committed schema drifts from its generator; running this script brings it back in line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { schemaFiles } = await import('./schemas.ts');
const root = fileURLToPath(new URL('..', import.meta.url));
for (const { path, text } of await schemaFiles()) {
  mkdirSync(dirname(root + path), { recursive: true });
  writeFileSync(root + path, text);
  console.log(`wrote ${path}`);
}
