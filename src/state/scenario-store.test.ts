import { describe, expect, it } from 'vitest';
import { blockId, commandPlan } from '../commands/command-plan.testing';
import { Autosave, restoreScenarios, type AutosaveBackend } from './autosave.svelte';
import { readPlanSnapshot, splitPlanSnapshot, joinPlanSnapshot, takeScenariosSnapshot } from './plan-snapshot';
import { ScenarioStore, scenarioNamed } from './scenario-store.svelte';

function storeWithDemo(): ScenarioStore {
  const store = new ScenarioStore();
  store.active.plan.load(commandPlan(), 'demo');
  return store;
}

const ids = (store: ScenarioStore) => store.active.plan.layers.communities.map((c) => c.id);

describe('scenarios', () => {
  it('a duplicate has its own areas and history; the big layers are the same objects', () => {
    const store = storeWithDemo();
    const present = store.active;
    const proposal = store.duplicate();
    expect(scenarioNamed(proposal.name, '方案一')).toBe(true);
    expect(store.active).toBe(proposal);
    expect(proposal.plan.undoStack).toEqual([]);
    expect(proposal.plan.run({ type: 'delete-community', id: 'B' }).ok).toBe(true);
    expect(ids(store)).toEqual(['A']);
    expect(present.plan.layers.communities.map((c) => c.id)).toEqual(['A', 'B']);
    expect(proposal.plan.layers.households).toBe(present.plan.layers.households);
    expect(proposal.plan.layers.blocks).toBe(present.plan.layers.blocks);

    // Undo in one scenario leaves the other as it was.
    store.switchTo(present.id);
    expect(present.plan.run({ type: 'paint', blockIds: [blockId(2, 0)], target: 'A' }).ok).toBe(true);
    const painted = present.plan.layers.communities;
    store.switchTo(proposal.id);
    expect(proposal.plan.undo()).toBe(true);
    expect(ids(store)).toEqual(['A', 'B']);
    expect(present.plan.layers.communities).toBe(painted);
    expect(present.plan.undoStack).toHaveLength(1);
  });

  it('names the next proposals 方案二, 方案三 and renames and deletes, never the last one', () => {
    const store = storeWithDemo();
    const one = store.duplicate();
    const two = store.duplicate();
    expect(scenarioNamed(two.name, '方案二')).toBe(true);
    expect(scenarioNamed(two.name, 'Proposal 2')).toBe(true);
    expect(store.rename(one.id, '  南京东路调整  ')).toBe(true);
    expect(store.byId(one.id)!.name).toBe('南京东路调整');
    expect(store.rename(one.id, '   ')).toBe(false);
    expect(store.remove(two.id)).not.toBeNull();
    // The active one was removed: the one before it is active now.
    expect(store.activeId).toBe(one.id);
    expect(store.remove(store.list[0]!.id)).not.toBeNull();
    expect(store.list).toHaveLength(1);
    expect(store.remove(store.activeId)).toBeNull();
  });

  it('a switch hands the shared layers over, without an undo step', () => {
    const store = storeWithDemo();
    const present = store.active;
    const proposal = store.duplicate();
    const newer = { ...proposal.plan.layers.households };
    proposal.plan.share({ households: newer });
    store.switchTo(present.id);
    expect(present.plan.layers.households).toBe(newer);
    expect(present.plan.undoStack).toHaveLength(0);
    expect(store.layersOf(proposal.id)!.households).toBe(newer);
  });

  it('undoing a shared-layer import in one scenario reaches every scenario', () => {
    const store = storeWithDemo();
    const present = store.active;
    const original = present.plan.layers.households;
    const imported = { ...original, households: new Float64Array(original.households.length).fill(7) };
    const run = present.plan.run({
      type: 'import-layer',
      replacement: { layer: 'households', value: imported },
      fileName: 'households.csv',
      roleName: { zh: '住户', en: 'households' },
      osm: false,
    });
    expect(run.ok).toBe(true);
    const proposal = store.duplicate();
    expect(proposal.plan.layers.households).toBe(imported);
    // Back in 现状, the import is undone: 方案一 is analysed and compared over the households 现状 has.
    store.switchTo(present.id);
    expect(present.plan.undo()).toBe(true);
    expect(present.plan.layers.households).toBe(original);
    expect(store.layersOf(proposal.id)!.households).toBe(original);
    store.switchTo(proposal.id);
    expect(proposal.plan.layers.households).toBe(original);
    // 方案一's own history never held the import, so its undo has nothing to take back.
    expect(proposal.plan.undo()).toBe(false);
  });

  it('a deleted scenario comes back where it was, with its history, active again if it was', () => {
    const store = storeWithDemo();
    const present = store.active;
    const one = store.duplicate();
    expect(one.plan.run({ type: 'delete-community', id: 'B' }).ok).toBe(true);
    const two = store.duplicate();
    store.switchTo(one.id);
    const removed = store.remove(one.id)!;
    expect(store.list.map((s) => s.id)).toEqual([present.id, two.id]);
    expect(store.activeId).toBe(present.id);
    // Shared layers changed meanwhile: the restored scenario takes them as they are now.
    const newer = { ...present.plan.layers.households };
    present.plan.share({ households: newer });
    expect(store.restore(removed)).toBe(true);
    expect(store.list.map((s) => s.id)).toEqual([present.id, one.id, two.id]);
    expect(store.activeId).toBe(one.id);
    expect(ids(store)).toEqual(['A']);
    expect(one.plan.undoStack).toHaveLength(1);
    expect(one.plan.layers.households).toBe(newer);
    expect(store.restore(removed)).toBe(false);
    // An inactive one comes back inactive.
    const again = store.remove(two.id)!;
    expect(again.wasActive).toBe(false);
    expect(store.restore(again)).toBe(true);
    expect(store.activeId).toBe(one.id);
    expect(store.list.at(-1)).toBe(two);
  });

  it('every scenario, its name and its history survive autosave (split into parts and cloned)', async () => {
    const store = storeWithDemo();
    store.active.plan.run({ type: 'paint', blockIds: [blockId(2, 1)], target: 'A' });
    const one = store.duplicate();
    one.plan.run({ type: 'delete-community', id: 'A' });
    store.duplicate();
    store.rename(one.id, '撤并方案');
    store.switchTo(one.id);

    let stored: unknown = null;
    const backend: AutosaveBackend = {
      put: (record) => {
        let n = 0;
        const { head, parts } = splitPlanSnapshot(record, () => `p${n++}`);
        // Only the active households, roads and blocks are parts: the others share them.
        expect([...parts.values()]).toContain(record.layers.households);
        stored = structuredClone(joinPlanSnapshot(head, parts));
        return Promise.resolve();
      },
      get: () => Promise.resolve(stored),
      delete: () => Promise.resolve(),
    };
    const autosave = new Autosave({ backend, schedule: (start) => start() });
    autosave.save(takeScenariosSnapshot(store));
    await autosave.flush();

    const back = new ScenarioStore();
    const record = await new Autosave({ backend }).load();
    expect(record).not.toBeNull();
    restoreScenarios(back, record!);
    expect(back.list.map((s) => s.name)).toEqual(store.list.map((s) => s.name));
    expect(back.active.name).toBe('撤并方案');
    expect(ids(back)).toEqual(['B']);
    for (const [i, s] of store.list.entries()) {
      const b = back.list[i]!;
      expect(b.plan.layers.communities).toEqual(s.plan.layers.communities);
      expect(b.plan.undoStack.map((e) => e.label)).toEqual(s.plan.undoStack.map((e) => e.label));
      // Shared by reference after the restore, as before.
      expect(b.plan.layers.households).toBe(back.active.plan.layers.households);
    }
    back.switchTo(back.list[0]!.id);
    expect(back.active.plan.undo()).toBe(true);
    expect(back.active.plan.layers.communities).toEqual(commandPlan().communities);
  });

  it('a saved plan from before scenarios restores as one scenario 现状', () => {
    const store = storeWithDemo();
    store.duplicate();
    const { scenarios: _scenarios, ...old } = takeScenariosSnapshot(store);
    const record = readPlanSnapshot(structuredClone(old))!;
    restoreScenarios(store, record);
    expect(store.list).toHaveLength(1);
    expect(scenarioNamed(store.active.name, '现状')).toBe(true);
  });

  it('refuses a saved scenario list that does not hold together', () => {
    const good = takeScenariosSnapshot(storeWithDemo());
    expect(readPlanSnapshot(good)).not.toBeNull();
    expect(readPlanSnapshot({ ...good, scenarios: { active: 3, list: good.scenarios!.list } })).toBeNull();
    expect(readPlanSnapshot({ ...good, scenarios: { active: 0, list: [] } })).toBeNull();
    const broken = { id: 'x', name: 'x', state: { title: '', layers: { communities: 'no' } } };
    expect(readPlanSnapshot({ ...good, scenarios: { active: 0, list: [{ id: 'a', name: 'a' }, broken] } })).toBeNull();
  });
});
