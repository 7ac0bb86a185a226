import { describe, expect, it } from 'vitest';
import type { AreaUnit } from '../core/model';
import {
  Autosave,
  PartitionedBackend,
  restorePlan,
  type AutosaveBackend,
  type KeyValueStore,
  type PageLifecycle,
} from './autosave.svelte';
import { readPlanSnapshot, takePlanSnapshot, type PlanSnapshot } from './plan-snapshot';
import { PlanStore } from './plan-store.svelte';

const unit = (id: string, name = id): AreaUnit => ({
  id,
  kind: 'community',
  name,
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {},
});

function newPlan(): PlanStore {
  const plan = new PlanStore();
  plan.load(
    {
      communities: [unit('A')],
      grids: [],
      households: {
        coordinates: new Float64Array([121.4, 31.2, 121.5, 31.3]),
        households: new Float64Array([120, 80]),
        names: null,
        properties: null,
      },
      facilities: [],
      roads: null,
      blocks: [{ ...unit('K1'), kind: 'block' }],
    },
    'plan',
  );
  return plan;
}

/** A plan after `n` renames, as snapshots after each. */
function edits(n: number): { plan: PlanStore; snapshots: PlanSnapshot[] } {
  const plan = newPlan();
  const snapshots: PlanSnapshot[] = [];
  for (let i = 1; i <= n; i++) {
    plan.commit({ label: `rename ${i}`, changes: [{ kind: 'put', layer: 'communities', unit: unit('A', `A${i}`) }] });
    snapshots.push(takePlanSnapshot(plan));
  }
  return { plan, snapshots };
}

/** A backend whose writes finish when the test says, in order, as IndexedDB's do. */
class FakeBackend implements AutosaveBackend {
  stored: unknown = null;
  puts: PlanSnapshot[] = [];
  deletes = 0;
  failWith: Error | null = null;
  #open: (() => void)[] = [];

  put(record: PlanSnapshot): Promise<void> {
    this.puts.push(record);
    return this.#queue(() => (this.stored = structuredClone(record)));
  }
  get(): Promise<unknown> {
    return Promise.resolve(this.stored);
  }
  delete(): Promise<void> {
    this.deletes++;
    return this.#queue(() => (this.stored = null));
  }
  get inFlight(): number {
    return this.#open.length;
  }
  /** Completes the oldest write in flight. */
  async finishOne(): Promise<void> {
    this.#open.shift()?.();
    await settle();
  }
  #queue(apply: () => void): Promise<void> {
    const failure = this.failWith;
    return new Promise((resolve, reject) =>
      this.#open.push(() => {
        if (failure) reject(failure);
        else {
          apply();
          resolve();
        }
      }),
    );
  }
}

/** Lets promise callbacks run (the queue's then/finally chains). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function manualSchedule() {
  const queue: (() => void)[] = [];
  return {
    schedule: (start: () => void) => void queue.push(start),
    run: () => queue.splice(0).forEach((start) => start()),
    get waiting() {
      return queue.length;
    },
  };
}

function fakePage(): PageLifecycle & { hide(): void; show(): void } {
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const window = new EventTarget();
  return {
    window,
    document,
    hide() {
      document.visibilityState = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
    },
    show() {
      document.visibilityState = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('Autosave queue', () => {
  it('writes a burst of 20 edits once, with the newest snapshot', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(20);
    for (const s of snapshots) autosave.save(s);
    expect(autosave.saving).toBe(true);
    expect(backend.puts).toHaveLength(0); // nothing before the scheduled start (after the next paint)
    expect(timer.waiting).toBe(1);
    timer.run();
    await backend.finishOne();
    expect(backend.puts).toEqual([snapshots[19]]);
    expect(autosave.saving).toBe(false);
    expect(autosave.lastSavedAt).toBeTypeOf('number');
  });

  it('keeps one write in flight: edits made meanwhile coalesce into one more write of the newest', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(20);
    autosave.save(snapshots[0]!);
    timer.run();
    expect(backend.inFlight).toBe(1);
    for (const s of snapshots.slice(1)) autosave.save(s);
    timer.run();
    expect(backend.puts).toHaveLength(1); // still waiting for the first
    await backend.finishOne();
    timer.run();
    await backend.finishOne();
    expect(backend.puts).toHaveLength(2);
    expect(backend.puts[1]).toBe(snapshots[19]);
    expect(readPlanSnapshot(backend.stored)?.layers.communities[0]?.name).toBe('A20');
    expect(autosave.saving).toBe(false);
  });

  it('flushes a waiting write when the page is hidden or left', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const page = fakePage();
    const detach = autosave.flushOnPageHide(page);
    const { snapshots } = edits(3);

    autosave.save(snapshots[0]!);
    page.show(); // becoming visible is no reason to write
    expect(backend.puts).toHaveLength(0);
    page.hide();
    expect(backend.puts).toEqual([snapshots[0]]);
    await backend.finishOne();

    autosave.save(snapshots[1]!);
    page.window.dispatchEvent(new Event('pagehide'));
    expect(backend.puts).toHaveLength(2);
    await backend.finishOne();

    detach();
    autosave.save(snapshots[2]!);
    page.hide();
    expect(backend.puts).toHaveLength(2); // detached: waits for its schedule again
    timer.run();
    expect(backend.puts).toHaveLength(3);
  });

  it('on flush starts the newest write without waiting for the one in flight, and the newest wins', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(5);
    autosave.save(snapshots[0]!);
    timer.run();
    for (const s of snapshots.slice(1)) autosave.save(s);
    const flushed = autosave.flush();
    expect(backend.inFlight).toBe(2);
    let done = false;
    void flushed.then(() => (done = true));
    await backend.finishOne();
    expect(done).toBe(false);
    await backend.finishOne();
    expect(done).toBe(true);
    expect(readPlanSnapshot(backend.stored)?.layers.communities[0]?.name).toBe('A5');
    timer.run(); // the start scheduled earlier finds nothing left to write
    expect(backend.puts).toHaveLength(2);
  });

  it('outside a flush never starts a second write while one is in flight', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(2);
    autosave.save(snapshots[0]!);
    void autosave.flush(); // starts it before its scheduled start comes round
    autosave.save(snapshots[1]!);
    timer.run();
    expect(backend.inFlight).toBe(1);
    await backend.finishOne();
    timer.run();
    expect(backend.puts).toEqual([snapshots[0], snapshots[1]]);
  });

  it('never retries a failed write that a newer successful one has superseded', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(2);
    backend.failWith = new Error('busy');
    autosave.save(snapshots[0]!);
    timer.run();
    backend.failWith = null;
    autosave.save(snapshots[1]!);
    void autosave.flush();
    await backend.finishOne();
    expect(autosave.error?.en).toMatch(/busy/);
    await backend.finishOne();
    expect(autosave.error).toBeNull();
    void autosave.flush(); // e.g. on page hide: nothing to retry
    expect(backend.puts).toEqual([snapshots[0], snapshots[1]]);
    expect(readPlanSnapshot(backend.stored)?.layers.communities[0]?.name).toBe('A2');
  });

  it('reports a failed write as a message in both languages, retries it on flush, and clears it on success', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(2);
    backend.failWith = new DOMException('quota', 'QuotaExceededError');
    autosave.save(snapshots[0]!);
    timer.run();
    await backend.finishOne();
    expect(autosave.error?.en).toMatch(/storage is full/);
    expect(autosave.error?.zh).toMatch(/存储空间已满/);
    expect(autosave.saving).toBe(false);
    expect(autosave.lastSavedAt).toBeNull();

    backend.failWith = null;
    const flushed = autosave.flush(); // e.g. on page hide: the failed snapshot is tried again
    expect(backend.puts).toEqual([snapshots[0], snapshots[0]]);
    await backend.finishOne();
    await flushed;
    expect(autosave.error).toBeNull();
    expect(readPlanSnapshot(backend.stored)?.layers.communities[0]?.name).toBe('A1');
  });

  it('turns a backend that throws synchronously into an error too', async () => {
    const backend: AutosaveBackend = {
      put: () => {
        throw new DOMException('could not be cloned', 'DataCloneError');
      },
      get: () => Promise.reject(new Error('disk on fire')),
      delete: () => Promise.resolve(),
    };
    const autosave = new Autosave({ backend, schedule: (start) => start() });
    autosave.save(edits(1).snapshots[0]!);
    await autosave.flush();
    expect(autosave.error?.en).toMatch(/could not be saved.*could not be cloned/);
    expect(await autosave.load()).toBeNull();
    expect(autosave.error?.en).toMatch(/could not be read: disk on fire/);
  });

  it('without IndexedDB (as in Node) reports that storage is unavailable instead of throwing', async () => {
    const autosave = new Autosave({ schedule: (start) => start() });
    autosave.save(edits(1).snapshots[0]!);
    await autosave.flush();
    expect(autosave.error?.en).toMatch(/not available/);
    expect(await autosave.load()).toBeNull();
  });

  it('loads the saved record, null when there is none, and null with a message when it is unreadable', async () => {
    const backend = new FakeBackend();
    const autosave = new Autosave({ backend, schedule: (start) => start() });
    expect(await autosave.load()).toBeNull();
    expect(autosave.error).toBeNull();

    const { snapshots } = edits(2);
    backend.stored = structuredClone(snapshots[1]);
    expect(await autosave.load()).toEqual(snapshots[1]);

    backend.stored = { ...structuredClone(snapshots[1]!), version: 99 };
    expect(await autosave.load()).toBeNull();
    expect(autosave.error?.en).toMatch(/could not be read/);
  });

  it('does not write again a state it has just loaded', async () => {
    const backend = new FakeBackend();
    const autosave = new Autosave({ backend, schedule: (start) => start() });
    backend.stored = structuredClone(edits(2).snapshots[1]);
    const record = (await autosave.load())!;
    const plan = new PlanStore();
    restorePlan(plan, record);
    autosave.save(takePlanSnapshot(plan));
    await autosave.flush();
    expect(backend.puts).toHaveLength(0);
    plan.undo();
    autosave.save(takePlanSnapshot(plan));
    await backend.finishOne();
    expect(backend.puts).toHaveLength(1);
  });

  it('clear drops the waiting write and deletes the saved plan', async () => {
    const backend = new FakeBackend();
    const timer = manualSchedule();
    const autosave = new Autosave({ backend, schedule: timer.schedule });
    const { snapshots } = edits(2);
    backend.stored = structuredClone(snapshots[0]);
    autosave.save(snapshots[1]!);
    const cleared = autosave.clear();
    await backend.finishOne();
    await cleared;
    expect(backend.puts).toHaveLength(0);
    expect(backend.deletes).toBe(1);
    expect(backend.stored).toBeNull();
    timer.run();
    expect(backend.puts).toHaveLength(0);
  });
});

describe('restorePlan', () => {
  it('puts layers, title and both stacks back, bumps the version, and the history still works', () => {
    const { plan } = edits(3);
    plan.undo();
    const record = readPlanSnapshot(structuredClone(takePlanSnapshot(plan)))!;
    const restored = new PlanStore();
    restorePlan(restored, record);
    expect(restored.version).toBeGreaterThan(0);
    expect(restored.title).toBe('plan');
    expect(restored.layers).toEqual(plan.layers);
    expect(restored.undoStack).toEqual(plan.undoStack);
    expect(restored.redoStack).toEqual(plan.redoStack);
    restored.redo();
    expect(restored.layers.communities[0]?.name).toBe('A3');
    restored.undo();
    restored.undo();
    restored.undo();
    restored.undo();
    expect(restored.layers.communities[0]?.name).toBe('A');
    expect(restored.undo()).toBe(false);
  });
});

/** An in-memory KeyValueStore that clones like IndexedDB and applies batches in order. */
class MemoryStore implements KeyValueStore {
  data = new Map<string, unknown>();
  written: string[][] = [];
  readAll(): Promise<Map<string, unknown>> {
    return Promise.resolve(new Map([...this.data].map(([k, v]) => [k, structuredClone(v)])));
  }
  async write(puts: ReadonlyMap<string, unknown>, keep: (key: string) => boolean): Promise<void> {
    const cloned = [...puts].map(([k, v]) => [k, structuredClone(v)] as const);
    await Promise.resolve();
    this.written.push(cloned.map(([k]) => k));
    for (const [k, v] of cloned) this.data.set(k, v);
    for (const k of [...this.data.keys()]) if (!keep(k)) this.data.delete(k);
  }
  deleteAll(): Promise<void> {
    this.data.clear();
    return Promise.resolve();
  }
}

/** A MemoryStore whose batches wait for the test to release them, oldest first. */
class GatedStore extends MemoryStore {
  #gates: (() => void)[] = [];
  override async write(puts: ReadonlyMap<string, unknown>, keep: (key: string) => boolean): Promise<void> {
    await new Promise<void>((resolve) => this.#gates.push(resolve));
    await super.write(puts, keep);
  }
  async release(): Promise<void> {
    this.#gates.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

describe('PartitionedBackend', () => {
  const partsIn = (keys: Iterable<string>) => [...keys].filter((k) => k !== 'current').length;

  it('writes the bulky layers once, then only the head on ordinary edits, and reads back exactly', async () => {
    const store = new MemoryStore();
    const backend = new PartitionedBackend(store);
    const { plan } = edits(1);
    await backend.put(takePlanSnapshot(plan));
    expect(store.written[0]).toContain('current');
    expect(partsIn(store.written[0]!)).toBe(2); // households and blocks; no roads

    plan.commit({ label: 'rename', changes: [{ kind: 'put', layer: 'communities', unit: unit('A', 'renamed') }] });
    const snapshot = takePlanSnapshot(plan);
    await backend.put(snapshot);
    expect(store.written[1]).toEqual(['current']);

    const fresh = new PartitionedBackend(store);
    expect(readPlanSnapshot(await fresh.get())).toEqual(snapshot);
    // After reading, the parts are known to be stored: the next save writes the head alone.
    plan.undo();
    const record = readPlanSnapshot(await fresh.get())!;
    await fresh.put({ ...record, title: 'renamed plan' });
    expect(store.written[2]).toEqual(['current']);
  });

  it('saves a facility move as the one facility it moved, and the restored plan undoes it', async () => {
    const store = new MemoryStore();
    const backend = new PartitionedBackend(store);
    const plan = newPlan();
    const facilities = Array.from({ length: 2000 }, (_, i) => ({
      id: `F${i}`,
      name: `设施 ${i}`,
      category: 'kindergarten',
      lon: 121.4 + i * 1e-5,
      lat: 31.2,
      properties: {},
    }));
    plan.load({ ...plan.layers, facilities }, 'plan');
    await backend.put(takePlanSnapshot(plan));
    const moved = plan.run({ type: 'move-facility', id: 'F7', lon: 121.45, lat: 31.25 });
    expect(moved.ok).toBe(true);
    await backend.put(takePlanSnapshot(plan));
    expect(store.written[1]).toEqual(['current']);

    const record = readPlanSnapshot(await new PartitionedBackend(store).get())!;
    const entry = record.undoStack[0]!;
    expect(entry.forward.changes).toEqual([
      { kind: 'put', layer: 'facilities', facility: { ...facilities[7], lon: 121.45, lat: 31.25 } },
    ]);
    expect(entry.inverse.changes).toEqual([{ kind: 'put', layer: 'facilities', facility: facilities[7] }]);
    const restored = new PlanStore();
    restorePlan(restored, record);
    expect(restored.layers.facilities[7]).toMatchObject({ lon: 121.45, lat: 31.25 });
    restored.undo();
    expect(restored.layers.facilities).toEqual(facilities);
  });

  it('deletes parts nothing refers to any more, and keeps those history still needs', async () => {
    const store = new MemoryStore();
    const backend = new PartitionedBackend(store);
    const { plan } = edits(1);
    await backend.put(takePlanSnapshot(plan));
    const original = plan.layers.households;
    plan.commit({
      label: 'import',
      changes: [{ kind: 'replace', layer: 'households', value: { ...original, households: new Float64Array([1, 2]) } }],
    });
    await backend.put(takePlanSnapshot(plan));
    expect(partsIn(store.data.keys())).toBe(3); // the old households stay: undo needs them

    plan.load(newPlan().layers, 'new plan'); // no history: the old parts are garbage now
    await backend.put(takePlanSnapshot(plan));
    expect(partsIn(store.data.keys())).toBe(2);
    expect(readPlanSnapshot(await new PartitionedBackend(store).get())?.title).toBe('new plan');
    expect(await new PartitionedBackend(new MemoryStore()).get()).toBeNull();
  });

  it('stays complete when writes overlap and an object comes back after its part was deleted', async () => {
    const store = new MemoryStore();
    const backend = new PartitionedBackend(store);
    const plan = newPlan();
    const first = plan.layers;
    await backend.put(takePlanSnapshot(plan));
    plan.load(newPlan().layers, 'other'); // the first households are unreferenced…
    const overlapping = backend.put(takePlanSnapshot(plan));
    plan.load(first, 'first again'); // …and back, while that write is still going
    const snapshot = takePlanSnapshot(plan);
    await Promise.all([overlapping, backend.put(snapshot)]);
    expect(readPlanSnapshot(await new PartitionedBackend(store).get())).toEqual(snapshot);
  });

  it('stays complete when three writes overlap and finish one by one', async () => {
    const store = new GatedStore();
    const backend = new PartitionedBackend(store);
    const plan = newPlan();
    const first = plan.layers;
    const put1 = backend.put(takePlanSnapshot(plan));
    plan.load(newPlan().layers, 'other'); // the first households and blocks are unreferenced here…
    const put2 = backend.put(takePlanSnapshot(plan));
    await store.release();
    await put1;
    plan.load(first, 'first again'); // …and back here, after put 1 ended but before put 2 deleted them
    const snapshot = takePlanSnapshot(plan);
    const put3 = backend.put(snapshot);
    await store.release();
    await store.release();
    await Promise.all([put2, put3]);
    expect(readPlanSnapshot(await new PartitionedBackend(store).get())).toEqual(snapshot);
  });

  it('delete removes the head and every part', async () => {
    const store = new MemoryStore();
    const backend = new PartitionedBackend(store);
    await backend.put(takePlanSnapshot(newPlan()));
    await backend.delete();
    expect(store.data.size).toBe(0);
    expect(await backend.get()).toBeNull();
  });
});
