// Types of bin/build-cli.js, plain JavaScript so that `npm install` runs it without a TypeScript loader.
import type { BuildOptions, BuildResult } from 'esbuild';

export declare const INPUTS_FILE: string;
export declare function bundle(
  entryPoints: Record<string, string>,
  overrides?: BuildOptions,
): Promise<BuildResult>;
export declare function buildCli(): Promise<string[]>;
