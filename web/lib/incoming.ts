import { UPLOAD_FOLDER } from './file-store.ts';
import { draftPath, type Draft, type Workspace } from './workspace.ts';

/** What a reader can do with a workspace that arrived in a share link while they have work of their own. */
export type IncomingChoice = 'both' | 'replace' | 'discard';

/** Where the opened files of a shared workspace go when they would clash with the reader's own. */
export const SHARED_FOLDER = `${UPLOAD_FOLDER}/shared`;

/** Whether a workspace holds work a person would miss: opened files, edited scenarios or run settings. */
export function hasOwnWork(ws: Workspace): boolean {
  return Object.keys(ws.files).length > 0 || ws.drafts.length > 0 || ws.settings !== undefined;
}

/** A count of a workspace's work in words, e.g. "2 edited scenarios and 1 opened file". */
export function describeWork(ws: Workspace): string {
  const drafts = ws.drafts.length;
  const files = Object.keys(ws.files).length;
  return `${drafts} edited scenario${drafts === 1 ? '' : 's'} and ${files} opened file${files === 1 ? '' : 's'}`;
}

/**
 * The reader's workspace with a shared one added beside it: nothing of either is lost. The reader's
 * files, drafts, selection and run settings stay as they are. When a shared file's path is taken by a
 * different file, every shared opened file moves, together, under `uploads/shared/` (so the relative
 * paths between them still hold); a shared draft whose name is taken is renamed `<name>-shared`
 * (`-shared2`, …), and shared drafts built on a moved file or a renamed draft follow it.
 */
export function keepBoth(local: Workspace, incoming: Workspace): Workspace {
  const clash = Object.entries(incoming.files).some(
    ([path, text]) => path in local.files && local.files[path] !== text,
  );
  const moved = new Map<string, string>();
  const files: Record<string, string> = { ...local.files };
  for (const [path, text] of Object.entries(incoming.files)) {
    const target = clash ? path.replace(`${UPLOAD_FOLDER}/`, `${SHARED_FOLDER}/`) : path;
    if (target !== path) moved.set(path, target);
    files[target] = text;
  }
  const taken = new Set([...Object.keys(files), ...local.drafts.map((d) => draftPath(d))]);
  const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);
  const drafts: Draft[] = [...local.drafts];
  for (const draft of incoming.drafts) {
    const base = moved.get(draft.base) ?? draft.base;
    let name = draft.name;
    const candidate = { ...draft, base };
    if (local.drafts.some((d) => same(d, candidate))) continue;
    for (let n = 1; taken.has(draftPath({ name, base })); n++) {
      name = `${draft.name}-shared${n === 1 ? '' : n}`;
    }
    const kept = { ...candidate, name };
    if (name !== draft.name || base !== draft.base) moved.set(draftPath(draft), draftPath(kept));
    taken.add(draftPath(kept));
    drafts.push(kept);
  }
  // A shared draft may extend another shared draft that was renamed after it was read.
  const rebased = drafts.map((d, i) =>
    i >= local.drafts.length && moved.has(d.base) ? { ...d, base: moved.get(d.base)! } : d,
  );
  return { ...local, files, drafts: rebased };
}
