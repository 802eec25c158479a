import type { MonteCarloResult } from '../../engine/index.ts';

/** A result as the workbench keeps it: what was compared, as the reader knew it, and when. */
export interface KeptResult {
  /** The run's hash and when it was kept: one entry per run (a rerun replaces its entry). */
  readonly id: string;
  /** When it was kept, ms since 1970. */
  readonly keptAt: number;
  /** Where it came from: a run in this browser, or a result file opened. */
  readonly source: 'run' | 'file';
  readonly result: MonteCarloResult;
  readonly scenarios: readonly {
    readonly path: string;
    readonly name: string;
    readonly description: string;
  }[];
}

/** How many results are kept: the last few runs, the oldest dropped first. */
export const KEPT_RESULTS = 5;

const DB = 'cyclecast';
const STORE = 'results';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The results of the last runs, in this browser's IndexedDB (results are megabytes: too large for
 * localStorage), so a reload shows them again. Every method fails soft where IndexedDB is refused
 * (private modes): results are then simply not kept.
 */
export class ResultStore {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory | undefined = globalThis.indexedDB) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      if (!this.factory) return reject(new Error('IndexedDB is not available'));
      const req = this.factory.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    });
    return this.db;
  }

  /** Kept results, the most recent first. */
  async list(): Promise<KeptResult[]> {
    try {
      const db = await this.open();
      const all = await request(
        db.transaction(STORE).objectStore(STORE).getAll() as IDBRequest<KeptResult[]>,
      );
      return all.sort((a, b) => b.keptAt - a.keptAt);
    } catch {
      return [];
    }
  }

  /** Keeps a result and drops the oldest beyond KEPT_RESULTS; resolves false when it could not be kept. */
  async keep(entry: KeptResult): Promise<boolean> {
    try {
      const db = await this.open();
      const kept = await this.list();
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put(entry);
      const others = kept.filter((k) => k.id !== entry.id);
      for (const old of others.slice(KEPT_RESULTS - 1)) store.delete(old.id);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
      });
      return true;
    } catch {
      return false;
    }
  }
}
