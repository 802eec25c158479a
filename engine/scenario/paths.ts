/**
 * Path arithmetic for scenario files, written once for Node and the browser (no `node:path` in engine/).
 * Paths use '/' separators; a scenario's relative paths are relative to the file they are written in.
 */

/** The folder part of a path: `scenarios/tcm.json` → `scenarios`. */
export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : path.slice(0, slash);
}

/**
 * Resolves `relative` against the folder `from`, normalising `.` and `..`.
 * @example resolvePath('scenarios', '../rules/engagement/tcm.json') // 'rules/engagement/tcm.json'
 */
export function resolvePath(from: string, relative: string): string {
  const joined = relative.startsWith('/') ? relative : `${from}/${relative}`;
  const absolute = joined.startsWith('/');
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part === '..' && absolute) continue;
    else parts.push(part);
  }
  const body = parts.join('/');
  return absolute ? `/${body}` : body === '' ? '.' : body;
}
