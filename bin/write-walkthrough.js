#!/usr/bin/env node
// Regenerates docs/economics.md's walkthrough (npm run docs:walkthrough) from `cyclecast explain`: one
// vehicle through its three cycles. A test fails when the committed section is stale. With --find,
// prints the first starting-book customer whose vehicle makes a walkthrough (to set in walkthrough.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { findCustomer, replaceSection, walkthroughSection } = await import('./walkthrough.ts');
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
if (process.argv.includes('--find')) {
  const found = await findCustomer();
  console.log(found === null ? 'no customer of the first 300 makes a walkthrough' : `customer ${found}`);
} else {
  const file = 'docs/economics.md';
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), await walkthroughSection()));
  console.log(`wrote the walkthrough of ${file}`);
}
