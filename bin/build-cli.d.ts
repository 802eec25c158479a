// Types of bin/build-cli.js, plain JavaScript so that `npm install` runs it without a TypeScript loader.

export declare function transpile(folders: readonly string[]): Promise<string[]>;
export declare function buildCli(): Promise<string[]>;
export declare function constTopLevel(text: string, mutable: ReadonlySet<string>): string;
