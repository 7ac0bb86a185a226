// The autosave's storage against a real IndexedDB implementation (fake-indexeddb, in Node): the
// object store, its atomic batches, the key range the plan lives in, structured clone of typed
// arrays, and a whole save → reload → restore round trip. Each test gets a fresh database factory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { AreaUnit } from '../core/model';
import {
  AUTOSAVE_DATABASE,
  AUTOSAVE_KEY,
  AUTOSAVE_STORE,
  Autosave,
  IndexedDbStore,
  PartitionedBackend,
  restorePlan,
} from './autosave.svelte';
import { readPlanSnapshot, takePlanSnapshot } from './plan-snapshot';
import { PlanStore } from './plan-store.svelte';

const globals = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };

beforeEach(() => {
  globals.indexedDB = new IDBFactory();
  globals.IDBKeyRange = IDBKeyRange;
});

afterEach(() => {
  delete globals.indexedDB;
  delete globals.IDBKeyRange;
});

const unit = (id: string, name = id): AreaUnit => ({
  id,
  kind: 'community',
  name,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [121.4, 31.2],
        [121.41, 31.2],
        [121.41, 31.21],
        [121.4, 31.2],
      ],
    ],
  },
  properties: { 名称: name },
});

function newPlan(): PlanStore {
  const plan = new PlanStore();
  plan.load(
    {
      communities: [unit('A'), unit('B')],
      grids: [],
      households: {
        coordinates: new Float64Array([121.401, 31.201, 121.402, 31.202, 121.403, 31.203]),
        households: new Float64Array([120, 80, 5]),
        names: ['甲', null, '丙'],
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

/** Every key in the plans store, read with IndexedDB itself rather than through the code under test. */
async function storedKeys(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = globals.indexedDB!.open(AUTOSAVE_DATABASE, 1);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
    const request = db.transaction(AUTOSAVE_STORE).objectStore(AUTOSAVE_STORE).getAllKeys();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('read failed'));
  });
  db.close();
  return keys.map(String).sort();
}

describe('IndexedDbStore', () => {
  it('writes a batch, reads it back as a Map, and deletes in the same transaction what keep rejects', async () => {
    const store = new IndexedDbStore();
    await store.write(
      new Map<string, unknown>([
        [AUTOSAVE_KEY, { head: 1 }],
        [`${AUTOSAVE_KEY}:part:a`, new Float64Array([1.5, 2.5])],
        [`${AUTOSAVE_KEY}:part:b`, 'b'],
      ]),
      () => true,
    );
    const all = await store.readAll();
    expect([...all.keys()].sort()).toEqual(['current', 'current:part:a', 'current:part:b']);
    expect(all.get(`${AUTOSAVE_KEY}:part:a`)).toEqual(new Float64Array([1.5, 2.5]));

    await store.write(new Map([[AUTOSAVE_KEY, { head: 2 }]]), (key) => key !== `${AUTOSAVE_KEY}:part:b`);
    const after = await store.readAll();
    expect([...after.keys()].sort()).toEqual(['current', 'current:part:a']);
    expect(after.get(AUTOSAVE_KEY)).toEqual({ head: 2 });
  });

  it('keeps to its key range: other keys in the store are neither read nor deleted', async () => {
    const store = new IndexedDbStore();
    await store.write(
      new Map<string, unknown>([
        ['settings', 'keep me'],
        [AUTOSAVE_KEY, 1],
      ]),
      () => true,
    );
    await store.write(new Map([[AUTOSAVE_KEY, 2]]), () => false);
    expect([...(await store.readAll()).keys()]).toEqual([]);
    expect(await storedKeys()).toEqual(['settings']);
    await store.write(new Map([[AUTOSAVE_KEY, 3]]), () => true);
    await store.deleteAll();
    expect(await storedKeys()).toEqual(['settings']);
  });

  it('writes all of a batch or nothing: a value that cannot be cloned fails the write and keeps the old one', async () => {
    const store = new IndexedDbStore();
    await store.write(new Map([[AUTOSAVE_KEY, 'old']]), () => true);
    const bad = new Map<string, unknown>([
      [`${AUTOSAVE_KEY}:part:x`, 'fine'],
      [AUTOSAVE_KEY, { run: () => 1 }],
    ]);
    await expect(store.write(bad, () => true)).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await store.readAll()).toEqual(new Map([[AUTOSAVE_KEY, 'old']]));
  });

  it('lets another tab upgrade the database instead of blocking it', async () => {
    const store = new IndexedDbStore();
    await store.write(new Map([[AUTOSAVE_KEY, 1]]), () => true);
    const upgraded = await new Promise<string>((resolve) => {
      const open = globals.indexedDB!.open(AUTOSAVE_DATABASE, 2);
      open.onblocked = () => resolve('blocked');
      open.onsuccess = () => {
        open.result.close();
        resolve('opened');
      };
    });
    expect(upgraded).toBe('opened');
  });
});

describe('autosave over IndexedDB', () => {
  it('stores a plan in parts, and a fresh backend reads back exactly that plan', async () => {
    const plan = newPlan();
    plan.commit({ label: 'rename', changes: [{ kind: 'put', layer: 'communities', unit: unit('A', 'renamed') }] });
    const snapshot = takePlanSnapshot(plan);
    await new PartitionedBackend().put(snapshot);
    // Head plus the bulky layers apart (households and blocks; there are no roads).
    expect(await storedKeys()).toHaveLength(3);
    const read = readPlanSnapshot(await new PartitionedBackend().get());
    expect(read).toEqual(snapshot);
    expect(read?.layers.households.coordinates).toBeInstanceOf(Float64Array);
  });

  it('saves edits as they come and restores the plan with its history in a new session', async () => {
    const plan = newPlan();
    const autosave = new Autosave({ schedule: (start) => start() });
    for (let i = 1; i <= 3; i++) {
      plan.commit({ label: `rename ${i}`, changes: [{ kind: 'put', layer: 'communities', unit: unit('B', `B${i}`) }] });
      autosave.save(takePlanSnapshot(plan));
    }
    await autosave.flush();
    expect(autosave.error).toBeNull();
    expect(autosave.lastSavedAt).not.toBeNull();

    const reopened = new Autosave();
    const record = await reopened.load();
    expect(record).not.toBeNull();
    const restored = new PlanStore();
    restorePlan(restored, record!);
    expect(restored.layers.communities.map((c) => c.name)).toEqual(['A', 'B3']);
    expect(restored.undoStack).toHaveLength(3);
    restored.undo();
    restored.undo();
    expect(restored.layers.communities.map((c) => c.name)).toEqual(['A', 'B1']);
    expect([...restored.layers.households.households]).toEqual([120, 80, 5]);

    await reopened.clear();
    expect(await storedKeys()).toEqual([]);
    expect(await new Autosave().load()).toBeNull();
  });
});
