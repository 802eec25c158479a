import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatProblem, isPlainObject, loadScenario } from '../../engine/index.ts';
import type { Problem, ResolvedScenario } from '../../engine/index.ts';
import { FileStore, UPLOAD_FOLDER } from '../lib/file-store.ts';
import { describeWork, hasOwnWork, keepBoth, type IncomingChoice } from '../lib/incoming.ts';
import { checkOpenedFile, uploadPath, type OpenedFileStatus } from '../lib/opened-files.ts';
import { decodeWorkspace, hashPayload, shareUrl } from '../lib/share.ts';
import {
  MAX_CHALLENGERS,
  draftPath,
  emptyWorkspace,
  parseWorkspace,
  withDraft,
  workspaceFiles,
  type Draft,
  type Workspace,
} from '../lib/workspace.ts';

/** A scenario a person can pick, and where it comes from. */
export interface ScenarioOption {
  readonly path: string;
  readonly name: string;
  readonly source: 'shipped' | 'opened' | 'edited';
}

/** A message about the workspace itself: opened files, a share link, storage. */
export interface WorkspaceNotice {
  readonly tone: 'error' | 'info';
  readonly title: string;
  readonly lines: readonly string[];
}

export interface LoadOutcome {
  readonly scenario?: ResolvedScenario;
  readonly problems: readonly Problem[];
}

export const STORAGE_KEY = 'cyclecast.workspace';

export interface WorkspaceControllerOptions {
  readonly shipped: ReadonlyMap<string, string>;
  readonly shippedScenarios: readonly string[];
  /** Challengers a first visit starts with (those that exist). */
  readonly defaultChallengers?: readonly string[];
  /** Where work is kept across reloads; undefined: not kept. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** The page's location, for share links (read and cleared). */
  readonly location?: { href: string; hash: string };
  readonly clearHash?: () => void;
}

/**
 * The person's work: opened files, edited scenarios, the selection and run settings. Keeps it in
 * localStorage so a reload loses nothing, reads a shared workspace from the URL, and loads scenarios
 * through the engine's loader over the shipped files plus the workspace's own.
 */
export class WorkspaceController implements ReactiveController {
  ws: Workspace;
  store: FileStore;
  notice: WorkspaceNotice | undefined;
  /**
   * A workspace from a share link, held beside the reader's own until they choose what to do with it
   * (resolveIncoming): opening a link never replaces work silently.
   */
  incoming: Workspace | undefined;
  /** Opened files and what they turned out to be, by path. */
  statuses = new Map<string, OpenedFileStatus>();
  private loads = new Map<string, Promise<LoadOutcome>>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Whether this page changed the workspace since it was read: only then is it written back, so a page
   * left without a change (another tab's, or one holding a share link not yet accepted) never writes
   * over drafts saved elsewhere.
   */
  private dirty = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: WorkspaceControllerOptions,
  ) {
    const fresh = emptyWorkspace(options.shippedScenarios[0] ?? 'scenarios/baseline.json');
    const challengers = (options.defaultChallengers ?? []).filter((p) =>
      options.shippedScenarios.includes(p),
    );
    this.ws = { ...fresh, challengers };
    this.store = this.makeStore();
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.flush();
  }

  /**
   * Restores work: what this browser kept, else a fresh workspace. A shared link opens directly when
   * there is no work of the reader's to lose, else it waits in `incoming` for their choice.
   */
  async init(): Promise<void> {
    const payload = this.options.location ? hashPayload(this.options.location.hash) : undefined;
    let shared: Workspace | undefined;
    if (payload) {
      try {
        shared = await decodeWorkspace(payload);
      } catch (error) {
        this.notice = { tone: 'error', title: (error as Error).message, lines: [] };
      }
      this.options.clearHash?.();
    }
    let restored: Workspace | undefined;
    const kept = this.options.storage?.getItem(STORAGE_KEY);
    if (kept) {
      try {
        restored = parseWorkspace(JSON.parse(kept));
      } catch {
        this.notice = {
          tone: 'error',
          title: 'The work kept in this browser could not be read; starting afresh.',
          lines: [],
        };
      }
    }
    if (shared && restored && hasOwnWork(restored)) {
      this.incoming = shared;
    } else if (shared) {
      restored = shared;
      this.dirty = true;
      this.notice = {
        tone: 'info',
        title: `Opened a shared workspace: ${describeWork(shared)}.`,
        lines: [],
      };
    }
    if (restored) this.replace(restored);
    await this.checkOpenedFiles();
    this.host.requestUpdate();
  }

  /**
   * What becomes of a shared workspace waiting beside the reader's: added beside it (`both`), put in
   * its place (`replace`; the reader's previous work is kept under `${STORAGE_KEY}.replaced`), or
   * dropped (`discard`).
   */
  async resolveIncoming(choice: IncomingChoice): Promise<void> {
    const incoming = this.incoming;
    if (!incoming) return;
    this.incoming = undefined;
    if (choice === 'discard') {
      this.notice = {
        tone: 'info',
        title: 'The shared workspace was discarded; your work is as it was.',
        lines: [],
      };
    } else {
      if (choice === 'replace') this.keepReplaced();
      this.update((ws) => (choice === 'both' ? keepBoth(ws, incoming) : incoming));
      this.flush();
      await this.checkOpenedFiles();
      this.notice = {
        tone: 'info',
        title:
          choice === 'both'
            ? `Added the shared workspace beside yours: ${describeWork(incoming)}.`
            : `Replaced your workspace with the shared one: ${describeWork(incoming)}. Your previous work is kept in this browser under ${STORAGE_KEY}.replaced.`,
        lines: [],
      };
    }
    this.host.requestUpdate();
  }

  private keepReplaced(): void {
    try {
      this.options.storage?.setItem(`${STORAGE_KEY}.replaced`, JSON.stringify(this.ws));
    } catch {
      // no room: the reader chose to replace, and was told where a copy would be
    }
  }

  /** Applies a change to the workspace, keeps it, and redraws. */
  update(change: (ws: Workspace) => Workspace): void {
    this.replace(change(this.ws));
    this.dirty = true;
    this.persist();
  }

  /** Scenarios to pick from: shipped, then opened, then edited. */
  scenarioOptions(): ScenarioOption[] {
    const files = this.ownFiles();
    const nameOf = (path: string, text: string | undefined) => scenarioName(path, text);
    const shipped = this.options.shippedScenarios.map((path) => ({
      path,
      name: nameOf(path, this.options.shipped.get(path)),
      source: 'shipped' as const,
    }));
    const opened = [...this.statuses.values()]
      .filter((s) => s.kind === 'scenario')
      .map((s) => ({
        path: s.path,
        name: files.has(s.path) ? nameOf(s.path, files.get(s.path)) : (s.name ?? nameOf(s.path, undefined)),
        source: 'opened' as const,
      }));
    const edited = this.ws.drafts.map((d) => ({
      path: draftPath(d),
      name: d.name,
      source: 'edited' as const,
    }));
    return [...shipped, ...opened, ...edited];
  }

  /** The name a scenario path shows under. */
  nameOf(path: string): string {
    return this.scenarioOptions().find((o) => o.path === path)?.name ?? scenarioName(path, undefined);
  }

  /** Loads (once per workspace state) and validates a scenario with the engine's loader. */
  load(path: string): Promise<LoadOutcome> {
    let outcome = this.loads.get(path);
    if (!outcome) {
      outcome = loadScenario(path, this.store.read).catch((error: unknown) => ({
        problems: [
          {
            file: path,
            line: 1,
            column: 1,
            pointer: '',
            severity: 'error' as const,
            message: error instanceof Error ? error.message : String(error),
          },
        ],
      }));
      this.loads.set(path, outcome);
    }
    return outcome;
  }

  /**
   * Adds opened (dropped) files: each is checked as a scenario or a rule set, problems are reported
   * with file, line and column, and a newly opened valid scenario becomes a challenger if there is room.
   */
  async openFiles(
    files: readonly { name: string; webkitRelativePath?: string; text(): Promise<string> }[],
  ): Promise<void> {
    const added: Record<string, string> = {};
    const unreadable: string[] = [];
    for (const file of files) {
      try {
        added[uploadPath(file)] = await file.text();
      } catch {
        unreadable.push(`${file.name}: the browser could not read the file`);
      }
    }
    this.update((ws) => ({ ...ws, files: { ...ws.files, ...added } }));
    await this.checkOpenedFiles();
    const mine = Object.keys(added).map((p) => this.statuses.get(p)!);
    const problems = mine.flatMap((s) => s.problems.filter((p) => p.severity === 'error'));
    const scenarios = mine.filter((s) => s.kind === 'scenario');
    const ruleSets = mine.filter((s) => s.kind === 'rule-set');
    const valid = scenarios.filter((s) => !s.problems.some((p) => p.severity === 'error'));
    const free = MAX_CHALLENGERS - this.ws.challengers.length;
    const pick = valid
      .map((s) => s.path)
      .filter((p) => p !== this.ws.baseline && !this.ws.challengers.includes(p))
      .slice(0, Math.max(0, free));
    if (pick.length > 0) this.update((ws) => ({ ...ws, challengers: [...ws.challengers, ...pick] }));
    const count = `${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} and ${ruleSets.length} rule set${ruleSets.length === 1 ? '' : 's'}`;
    this.notice =
      problems.length > 0 || unreadable.length > 0
        ? {
            tone: 'error',
            title: `Opened ${count}, with problems to fix before they can run:`,
            lines: [...unreadable, ...new Set(problems.map(formatProblem))],
          }
        : {
            tone: 'info',
            title: `Opened ${count}${pick.length > 0 ? `; added ${pick.map((p) => this.nameOf(p)).join(', ')} as challenger` : ''}.`,
            lines: [],
          };
    this.host.requestUpdate();
  }

  /** Removes an opened file (and unselects it). */
  async removeFile(path: string): Promise<void> {
    this.update((ws) => {
      const files = { ...ws.files };
      delete files[path];
      return { ...ws, files, challengers: ws.challengers.filter((c) => c !== path) };
    });
    await this.checkOpenedFiles();
    this.host.requestUpdate();
  }

  saveDraft(draft: Draft): void {
    this.update((ws) => withDraft(ws, draft));
  }

  deleteDraft(draft: Draft): void {
    const path = draftPath(draft);
    this.update((ws) => ({
      ...ws,
      drafts: ws.drafts.filter((d) => d !== draft),
      challengers: ws.challengers.filter((c) => c !== path),
    }));
  }

  /** A link that opens this workspace in another browser. */
  shareLink(): Promise<string> {
    const href = this.options.location?.href ?? 'http://localhost/';
    return shareUrl(href, this.ws);
  }

  dismissNotice(): void {
    this.notice = undefined;
    this.host.requestUpdate();
  }

  /** Writes the workspace to storage now if this page changed it (also done, debounced, after every change). */
  flush(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.dirty) return;
    try {
      this.options.storage?.setItem(STORAGE_KEY, JSON.stringify(this.ws));
      this.dirty = false;
    } catch {
      this.notice = {
        tone: 'error',
        title:
          'This browser has no room to keep the work across reloads (opened files are too large). Download your edited scenarios to keep them.',
        lines: [],
      };
      this.host.requestUpdate();
    }
  }

  private persist(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), 200);
  }

  private replace(ws: Workspace): void {
    const known = new Set(this.knownPaths(ws));
    const challengers = ws.challengers.filter(
      (c, i) => known.has(c) && c !== ws.baseline && ws.challengers.indexOf(c) === i,
    );
    const baseline = known.has(ws.baseline) ? ws.baseline : (this.options.shippedScenarios[0] ?? ws.baseline);
    this.ws = { ...ws, baseline, challengers };
    this.store = this.makeStore();
    this.loads.clear();
    this.host.requestUpdate();
  }

  private knownPaths(ws: Workspace): string[] {
    return [
      ...this.options.shippedScenarios,
      ...Object.keys(ws.files),
      ...ws.drafts.map((d) => draftPath(d)),
    ];
  }

  private ownFiles(): Map<string, string> {
    return workspaceFiles(this.ws, (path) =>
      scenarioName(path, this.options.shipped.get(path) ?? this.ws.files[path]),
    );
  }

  private makeStore(): FileStore {
    return new FileStore(this.options.shipped, this.ownFiles());
  }

  private async checkOpenedFiles(): Promise<void> {
    const statuses = new Map<string, OpenedFileStatus>();
    for (const [path, text] of Object.entries(this.ws.files)) {
      if (!path.startsWith(`${UPLOAD_FOLDER}/`)) continue;
      statuses.set(path, await checkOpenedFile(path, text, this.store.read));
    }
    this.statuses = statuses;
  }
}

/** What a reader calls a scenario file: its `title`, else its `name`, else its file name without `.json`. */
export function scenarioName(path: string, text: string | undefined): string {
  if (text !== undefined) {
    try {
      const value: unknown = JSON.parse(text);
      for (const key of ['title', 'name']) {
        const shown = isPlainObject(value) ? value[key] : undefined;
        if (typeof shown === 'string' && shown !== '') return shown;
      }
    } catch {
      // an unreadable file is named by its path
    }
  }
  return path.replace(/^.*\//, '').replace(/\.json$/, '');
}
