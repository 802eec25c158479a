import type { ReadFile } from '../../engine/index.ts';

/** Where opened (dropped) files live in the workbench's file space; shipped files keep their repository paths. */
export const UPLOAD_FOLDER = 'uploads';

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const withoutParents = (path: string) => path.replace(/^(\.\.\/)+/, '');

/**
 * The files a scenario can name: the shipped ones and the workbench's own (opened files, edited
 * scenarios and rule sets), which shadow shipped files of the same path.
 *
 * A scenario opened on its own names its rule sets by paths that only made sense on its author's
 * disk, so a path that is not found is looked up, in order: among the opened files by file name
 * (when exactly one matches), among the shipped files by the path without its leading `../`, and
 * among the shipped files by file name (when exactly one matches).
 */
export class FileStore {
  constructor(
    private readonly shipped: ReadonlyMap<string, string>,
    private readonly own: ReadonlyMap<string, string>,
  ) {}

  /** The path a name resolves to, or undefined when no file matches. */
  resolve(path: string): string | undefined {
    if (this.own.has(path)) return path;
    if (this.shipped.has(path)) return path;
    const name = basename(path);
    const opened = [...this.own.keys()].filter(
      (p) => p.startsWith(`${UPLOAD_FOLDER}/`) && basename(p) === name,
    );
    if (opened.length === 1) return opened[0];
    const bare = withoutParents(path);
    if (this.shipped.has(bare)) return bare;
    const shipped = [...this.shipped.keys()].filter((p) => basename(p) === name);
    return shipped.length === 1 ? shipped[0] : undefined;
  }

  /** The text of a file, for `loadScenario`; rejects with a plain message when no file matches. */
  readonly read: ReadFile = async (path) => {
    const found = this.resolve(path);
    if (found === undefined) {
      throw new Error(
        `not among the shipped files or the files you opened; open ${basename(path)} together with the scenario`,
      );
    }
    return (this.own.get(found) ?? this.shipped.get(found))!;
  };
}
