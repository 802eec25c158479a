import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { ruleSetSchema } from '../engine/policy/schema.ts';
import { scenarioSchema } from '../engine/scenario/schema.ts';

/** A generated schema and the repository path it is committed at. */
export interface SchemaFile {
  readonly path: string;
  readonly text: string;
}

/** Generators of committed JSON Schemas, keyed by the path each is committed at. */
const GENERATORS: readonly { path: string; generate: () => object }[] = [
  { path: 'rules/rule-set.schema.json', generate: ruleSetSchema },
  { path: 'scenarios/scenario.schema.json', generate: scenarioSchema },
];

/**
 * Every generated schema as its committed text: 2-space JSON with a trailing newline, formatted the
 * way the repository's Prettier check expects.
 */
export async function schemaFiles(): Promise<SchemaFile[]> {
  return Promise.all(
    GENERATORS.map(async ({ path, generate }) => {
      const options =
        (await prettier.resolveConfig(fileURLToPath(new URL(`../${path}`, import.meta.url)))) ?? {};
      const text = await prettier.format(JSON.stringify(generate(), null, 2), { ...options, filepath: path });
      return { path, text };
    }),
  );
}
