// Keeps the plan in the browser as it changes, so closing or crashing the tab loses nothing: after
// every change the newest snapshot is written to IndexedDB (coalesced: one write in flight, the
// newest pending one wins), pending writes are pushed out when the page is hidden, and on start
// the saved plan is restored with its undo history. The storage sits behind a small backend
// interface, so the queue is tested in Node with a fake and IndexedDB stays a thin adapter.
import { msg } from '../core/i18n';
import type { Message } from '../core/model';
import { PlanStore } from './plan-store.svelte';
import {
  joinPlanSnapshot,
  readPlanSnapshot,
  splitPlanSnapshot,
  takePlanSnapshot,
  takeScenariosSnapshot,
  type PlanSnapshot,
} from './plan-snapshot';
import type { ScenarioStore } from './scenario-store.svelte';
import type { SavedViewStore } from './saved-views.svelte';

/** Where snapshots go. Writes must take effect in the order they were started (IndexedDB's do). */
export interface AutosaveBackend {
  put(record: PlanSnapshot): Promise<void>;
  /** The stored value as found (checked by the caller), or null when nothing is stored. */
  get(): Promise<unknown>;
  delete(): Promise<void>;
}

/** A key-value store with atomic batches: the part of a backend that differs between IndexedDB and a test. */
export interface KeyValueStore {
  readAll(): Promise<Map<string, unknown>>;
  /** In one atomic transaction: writes `puts`, then deletes every other stored key that `keep` rejects. */
  write(puts: ReadonlyMap<string, unknown>, keep: (key: string) => boolean): Promise<void>;
  deleteAll(): Promise<void>;
}

export const AUTOSAVE_DATABASE = 'shequ-planner';
export const AUTOSAVE_STORE = 'plans';
/** The head record; the bulky parts it refers to sit beside it under `current:part:…`. */
export const AUTOSAVE_KEY = 'current';
const PART_PREFIX = `${AUTOSAVE_KEY}:part:`;

/**
 * Stores a snapshot as a head record plus one record per bulky value (households, roads, blocks),
 * and writes a part only when its object is new: they are immutable, so identity says "unchanged".
 * An ordinary edit then rewrites the head alone instead of the whole plan.
 */
export class PartitionedBackend implements AutosaveBackend {
  #store: KeyValueStore;
  #keys = new WeakMap<object, string>();
  /** Part keys known to be stored: never more than are (a missed entry only costs a rewrite). */
  #stored = new Set<string>();
  #generation = 0;
  // Keys must not collide with parts saved by an earlier page load, which may still be referenced.
  #session = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  #counter = 0;

  constructor(store: KeyValueStore = new IndexedDbStore()) {
    this.#store = store;
  }

  #keyOf = (value: object): string => {
    let key = this.#keys.get(value);
    if (key === undefined) {
      key = `${PART_PREFIX}${this.#session}-${this.#counter++}`;
      this.#keys.set(value, key);
    }
    return key;
  };

  async put(record: PlanSnapshot): Promise<void> {
    const { head, parts } = splitPlanSnapshot(record, this.#keyOf);
    const puts = new Map<string, unknown>([[AUTOSAVE_KEY, head]]);
    for (const [key, value] of parts) if (!this.#stored.has(key)) puts.set(key, value);
    // This write deletes the parts it does not reference, so forget them now: a later write that
    // starts before this one ends must not count on them (writes can overlap on page hide).
    for (const key of this.#stored) if (!parts.has(key)) this.#stored.delete(key);
    const generation = ++this.#generation;
    await this.#store.write(puts, (key) => key === AUTOSAVE_KEY || parts.has(key));
    if (generation === this.#generation) this.#stored = new Set(parts.keys());
  }

  async get(): Promise<unknown> {
    const all = await this.#store.readAll();
    const head = all.get(AUTOSAVE_KEY);
    if (head === undefined) return null;
    all.delete(AUTOSAVE_KEY);
    // What was read is what is stored: remember it, so the first save after a restore writes the head only.
    for (const [key, value] of all) {
      if (typeof value !== 'object' || value === null) continue;
      this.#keys.set(value, key);
      this.#stored.add(key);
    }
    return joinPlanSnapshot(head, all);
  }

  async delete(): Promise<void> {
    this.#generation++;
    this.#stored.clear();
    await this.#store.deleteAll();
  }
}

/** IndexedDB as a KeyValueStore: database 'shequ-planner', object store 'plans', keys 'current…'. */
export class IndexedDbStore implements KeyValueStore {
  #db: Promise<IDBDatabase> | null = null;

  #open(): Promise<IDBDatabase> {
    if (this.#db) return this.#db;
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new DOMException('IndexedDB is not available in this browser', 'NotSupportedError'));
        return;
      }
      const request = indexedDB.open(AUTOSAVE_DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(AUTOSAVE_STORE);
      request.onerror = () =>
        reject(request.error ?? new DOMException('IndexedDB could not be opened', 'UnknownError'));
      request.onsuccess = () => {
        const db = request.result;
        // Let another tab upgrade the database, and reopen on next use if the browser closes it.
        db.onversionchange = () => {
          db.close();
          this.#db = null;
        };
        db.onclose = () => (this.#db = null);
        resolve(db);
      };
    });
    // A failed open is retried on the next write rather than remembered.
    opening.catch(() => (this.#db = null));
    this.#db = opening;
    return opening;
  }

  static #range(): IDBKeyRange {
    // 'current' and every 'current:part:…' key, nothing else.
    return IDBKeyRange.bound(AUTOSAVE_KEY, `${AUTOSAVE_KEY}\uffff`);
  }

  async readAll(): Promise<Map<string, unknown>> {
    const db = await this.#open();
    const tx = db.transaction(AUTOSAVE_STORE, 'readonly');
    const done = completion(tx);
    const store = tx.objectStore(AUTOSAVE_STORE);
    // Both requests run in one transaction over the same range, so they list the same records in the same order.
    const keys = store.getAllKeys(IndexedDbStore.#range());
    const values = store.getAll(IndexedDbStore.#range());
    await done;
    const all = new Map<string, unknown>();
    // Every key this store writes is a string (see write()).
    keys.result.forEach((key, i) => all.set(key as string, values.result[i]));
    return all;
  }

  async write(puts: ReadonlyMap<string, unknown>, keep: (key: string) => boolean): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(AUTOSAVE_STORE, 'readwrite');
    const done = completion(tx);
    const store = tx.objectStore(AUTOSAVE_STORE);
    try {
      // put() clones synchronously and throws DataCloneError for a value it cannot store.
      for (const [key, value] of puts) store.put(value, key);
    } catch (error) {
      done.catch(() => {}); // the abort below rejects it; the clone error is the one to report
      tx.abort();
      throw error;
    }
    const keys = store.getAllKeys(IndexedDbStore.#range());
    keys.onsuccess = () => {
      for (const key of keys.result) if (!keep(key as string)) store.delete(key);
    };
    await done;
  }

  async deleteAll(): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(AUTOSAVE_STORE, 'readwrite');
    const done = completion(tx);
    tx.objectStore(AUTOSAVE_STORE).delete(IndexedDbStore.#range());
    await done;
  }
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // A failed request aborts the transaction; tx.error then says why (QuotaExceededError…).
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

type Job = { kind: 'put'; record: PlanSnapshot } | { kind: 'delete' };

export interface AutosaveOptions {
  backend?: AutosaveBackend;
  /**
   * Runs `start` soon. The default waits for the next paint, so an edit shows on screen before
   * the write's structured clone takes the main thread.
   */
  schedule?: (start: () => void) => void;
}

function afterNextPaint(start: () => void): void {
  // Hidden tabs get no animation frames; a plain task is soon enough there.
  if (
    typeof requestAnimationFrame === 'function' &&
    typeof document !== 'undefined' &&
    document.visibilityState === 'visible'
  ) {
    requestAnimationFrame(() => setTimeout(start, 0));
  } else {
    setTimeout(start, 0);
  }
}

/** The two events that may be the page's last chance to run: pagehide on window, visibilitychange on document. */
export interface PageLifecycle {
  window: EventTarget;
  document: EventTarget & { visibilityState: string };
}

/** The write queue and its status. Never throws: failures land in `error`. */
export class Autosave {
  /** Changes are waiting to be written or being written. */
  saving = $state(false);
  /** When the newest write finished (ms since epoch), null before the first. */
  lastSavedAt = $state<number | null>(null);
  /** Why the last write or read failed, in both languages; cleared by the next successful write. */
  error = $state.raw<Message | null>(null);

  #backend: AutosaveBackend;
  #schedule: (start: () => void) => void;
  #pending: Job | null = null;
  /** The newest job, when it failed and nothing newer came: retried by flush() (on page hide). */
  #failed: Job | null = null;
  /** The newest record queued, written or loaded: saving the very same state again is skipped. */
  #latest: PlanSnapshot | null = null;
  #scheduled = false;
  #inFlight = 0;
  #idle: (() => void)[] = [];

  constructor(options: AutosaveOptions = {}) {
    this.#backend = options.backend ?? new PartitionedBackend();
    this.#schedule = options.schedule ?? afterNextPaint;
  }

  /** Queues the newest snapshot. Cheap: the write starts after the next paint, one at a time. */
  save(record: PlanSnapshot): void {
    if (this.#latest && sameState(this.#latest, record)) return;
    this.#latest = record;
    this.#enqueue({ kind: 'put', record });
  }

  /** The saved plan, or null when there is none or it cannot be read (then `error` says why). */
  async load(): Promise<PlanSnapshot | null> {
    let stored: unknown;
    try {
      stored = await this.#backend.get();
    } catch (error) {
      this.error = describeStorageError(error, 'read');
      return null;
    }
    if (stored === null || stored === undefined) return null;
    const record = readPlanSnapshot(stored);
    if (!record) {
      this.error = msg('storage.unreadable');
      return null;
    }
    this.#latest = record;
    return record;
  }

  /** Removes the saved plan, after any write already under way; drops writes still waiting. */
  clear(): Promise<void> {
    this.#latest = null;
    this.#enqueue({ kind: 'delete' });
    return this.flush();
  }

  /**
   * Starts the waiting write now, without waiting for the one in flight (IndexedDB runs them in
   * order, so the newest still wins), retries a failed one, and resolves when all are done.
   */
  flush(): Promise<void> {
    if (!this.#pending && this.#failed) {
      this.#pending = this.#failed;
      this.#failed = null;
      this.saving = true;
    }
    if (this.#pending) this.#start();
    if (this.#inFlight === 0 && !this.#pending) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Flushes when the page is hidden or left, the last moments a closing or crashing tab is sure to run. */
  flushOnPageHide(
    page: PageLifecycle | null = typeof window === 'undefined' ? null : { window, document },
  ): () => void {
    if (!page) return () => {};
    const onPageHide = () => void this.flush();
    const onVisibility = () => {
      if (page.document.visibilityState === 'hidden') void this.flush();
    };
    page.window.addEventListener('pagehide', onPageHide);
    page.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      page.window.removeEventListener('pagehide', onPageHide);
      page.document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  #enqueue(job: Job): void {
    this.#pending = job;
    this.#failed = null;
    this.saving = true;
    if (this.#inFlight === 0) this.#scheduleStart();
  }

  #scheduleStart(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      if (this.#inFlight === 0) this.#start();
    });
  }

  #start(): void {
    const job = this.#pending;
    if (!job) return;
    this.#pending = null;
    this.#inFlight++;
    let write: Promise<void>;
    try {
      write = job.kind === 'put' ? this.#backend.put(job.record) : this.#backend.delete();
    } catch (error) {
      write = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    write
      .then(
        () => {
          if (job.kind === 'put') this.lastSavedAt = Date.now();
          this.error = null;
          this.#failed = null;
        },
        (error: unknown) => {
          this.error = describeStorageError(error, job.kind === 'put' ? 'save' : 'clear');
          // Worth retrying only while nothing newer is waiting or under way: that would supersede it.
          if (!this.#pending && this.#inFlight === 1) this.#failed = job;
        },
      )
      .finally(() => {
        this.#inFlight--;
        if (this.#pending) {
          if (this.#inFlight === 0) this.#scheduleStart();
        } else if (this.#inFlight === 0) {
          this.saving = false;
          for (const resolve of this.#idle.splice(0)) resolve();
        }
      });
  }
}

function sameState(a: PlanSnapshot, b: PlanSnapshot): boolean {
  return (
    a.title === b.title &&
    a.layers === b.layers &&
    a.undoStack === b.undoStack &&
    a.redoStack === b.redoStack &&
    sameScenarios(a.scenarios, b.scenarios) &&
    a.views === b.views
  );
}

function sameScenarios(a: PlanSnapshot['scenarios'], b: PlanSnapshot['scenarios']): boolean {
  if (!a || !b) return a === b;
  if (a.active !== b.active || a.list.length !== b.list.length) return false;
  return a.list.every((x, i) => {
    const y = b.list[i]!;
    if (x.id !== y.id || JSON.stringify(x.name) !== JSON.stringify(y.name)) return false;
    if (!x.state || !y.state) return x.state === y.state;
    return (
      x.state.title === y.state.title &&
      x.state.undoStack === y.state.undoStack &&
      x.state.redoStack === y.state.redoStack &&
      (['communities', 'grids', 'facilities'] as const).every((k) => x.state!.layers[k] === y.state!.layers[k])
    );
  });
}

function describeStorageError(error: unknown, action: 'save' | 'read' | 'clear'): Message {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return msg('storage.full');
  }
  if (name === 'NotSupportedError' || name === 'InvalidStateError' || name === 'SecurityError') {
    return msg('storage.unavailable', { detail });
  }
  const key = ({ save: 'storage.saveFailed', read: 'storage.readFailed', clear: 'storage.clearFailed' } as const)[
    action
  ];
  return msg(key, { detail });
}

/**
 * Saves the plan after every change until the returned function is called. Attach it after the
 * saved plan (or the demo) is loaded: the store's empty start state (version 0) is never saved, so
 * a slow start cannot overwrite the plan it is about to restore.
 */
export function attachAutosave(
  plan: PlanStore | ScenarioStore,
  autosave: Autosave,
  page?: PageLifecycle | null,
  views?: SavedViewStore,
): () => void {
  const stopEffect = $effect.root(() => {
    $effect(() => {
      if (plan instanceof PlanStore) {
        if (plan.version === 0) return;
        autosave.save(takePlanSnapshot(plan));
        return;
      }
      // Every scenario's version is read, so an edit in any of them (and a rename, a switch) saves.
      void plan.version;
      if (plan.list.reduce((sum, s) => sum + s.plan.version, 0) === 0) return;
      autosave.save(takeScenariosSnapshot(plan, Date.now(), views?.list));
    });
  });
  const stopPageHide = page === undefined ? autosave.flushOnPageHide() : autosave.flushOnPageHide(page);
  return () => {
    stopEffect();
    stopPageHide();
  };
}

/** Puts saved scenarios back exactly: the active one's plan, then the others with their histories. */
export function restoreScenarios(scenarios: ScenarioStore, record: PlanSnapshot, views?: SavedViewStore): void {
  restorePlan(scenarios.active.plan, record);
  views?.replaceAll(record.views ?? []);
  if (record.scenarios) scenarios.replaceAll(record.scenarios.list, record.scenarios.active);
  else scenarios.reset();
}

/** Puts a saved plan back exactly: layers, title and both history stacks. */
export function restorePlan(plan: PlanStore, record: PlanSnapshot): void {
  // load() resets everything else a fresh plan needs and bumps the version; then the stacks go back.
  plan.load(record.layers, record.title);
  plan.undoStack = record.undoStack;
  plan.redoStack = record.redoStack;
}
