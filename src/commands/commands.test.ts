import { describe, expect, it } from 'vitest';
import { offset, SHANGHAI } from '../core/edit/random-geometries.testing';
import { EMPTY_LAYERS } from '../core/plan-lifecycle';
import { applyTransaction, type PlanLayers } from '../core/transaction';
import { PlanStore } from '../state/plan-store.svelte';
import { runCommand, type Command } from './command';
import { blockId, box, commandPlan, txOf } from './command-plan.testing';

const line = (from: [number, number], to: [number, number]) => ({
  type: 'LineString' as const,
  coordinates: [offset(SHANGHAI, ...from), offset(SHANGHAI, ...to)],
});

/** One command of every kind, each of which succeeds on commandPlan(). */
const EVERY_COMMAND: Command[] = [
  { type: 'paint', blockIds: [blockId(1, 0), blockId(1, 1)], target: 'B' },
  { type: 'paint', blockIds: [blockId(3, 3)], target: null },
  { type: 'community-from-blocks', blockIds: [blockId(0, 3), blockId(1, 3)], communityType: 'urban', language: 'zh' },
  {
    type: 'draw-community',
    polygon: box(700, 700, 1100, 1000),
    policy: 'clip',
    communityType: 'rural',
    language: 'en',
  },
  {
    type: 'draw-community',
    polygon: box(700, 700, 1100, 1000),
    policy: 'flag',
    communityType: 'urban',
    language: 'zh',
  },
  { type: 'draw-grid', polygon: box(420, 420, 780, 780), policy: 'clip' },
  { type: 'reshape', id: 'A', polygon: box(0, 0, 350, 800), policy: 'clip' },
  { type: 'split', id: 'A', line: line([-50, 410], [450, 390]) },
  { type: 'merge', id: 'A', other: 'B' },
  { type: 'delete-community', id: 'B' },
  { type: 'divide-grids', id: 'A', band: { min: 100, max: 300 } },
  { type: 'clip-grids', id: 'B' },
  { type: 'lock', id: 'A', locked: true },
  { type: 'set-type', id: 'B', communityType: 'rural', typeName: { zh: '农村社区', en: 'rural' } },
  { type: 'add-facility', category: 'clinic', lon: 121.48, lat: 31.235 },
  { type: 'move-facility', id: 'F2', lon: 121.4801234567, lat: 31.2345678912 },
  { type: 'update-facility', id: 'F1', patch: { name: '幼儿园' } },
  { type: 'update-facility', id: 'F1', patch: { category: 'nursery' } },
  { type: 'update-facility', id: 'F3', patch: { floorArea: 1200 } },
  { type: 'delete-facility', id: 'F3' },
  {
    type: 'import-layer',
    replacement: { layer: 'facilities', value: [] },
    fileName: 'pois.geojson',
    roleName: { zh: '设施', en: 'facilities' },
    osm: true,
  },
  {
    type: 'open-layers',
    replacements: [
      { layer: 'communities', value: [] },
      { layer: 'grids', value: [] },
    ],
    fileName: 'plan.fgb',
    title: 'plan',
  },
  { type: 'remove-layer', layer: 'households', label: { zh: '移除图层：住户', en: 'Remove layer: households' } },
  { type: 'remove-layer', layer: 'roads', label: { zh: '移除图层：道路', en: 'Remove layer: roads' } },
  { type: 'replace-plan', layers: EMPTY_LAYERS, label: { zh: '新建空白规划', en: 'New empty plan' }, title: '' },
];

const context = (layers: PlanLayers) => ({ layers, title: 'demo' });

describe('commands', () => {
  it.each(EVERY_COMMAND.map((c) => [`${c.type} ${JSON.stringify(c).slice(0, 60)}`, c] as const))(
    '%s: changes the plan, and its inverse restores it exactly',
    (_, command) => {
      const before = commandPlan();
      const tx = txOf(runCommand(context(before), command));
      expect(tx.changes.length).toBeGreaterThan(0);
      expect(typeof tx.label === 'string' ? tx.label : tx.label.zh && tx.label.en).toBeTruthy();
      const { layers: after, inverse } = applyTransaction(before, tx);
      expect(after).not.toStrictEqual(before);
      expect(applyTransaction(after, inverse).layers).toStrictEqual(commandPlan());
    },
  );

  it('changes facilities one at a time: a move stores the moved facility only, rounded as a map click', () => {
    const tx = txOf(runCommand(context(commandPlan()), { type: 'move-facility', id: 'F2', lon: 1.123456789, lat: 2 }));
    const moved = { ...commandPlan().facilities[1]!, lon: 1.1234568, lat: 2 };
    expect(tx.changes).toEqual([{ kind: 'put', layer: 'facilities', facility: moved }]);
  });

  it('names what it makes, and says which item the view should select', () => {
    const plan = commandPlan();
    const added = runCommand(context(plan), { type: 'add-facility', category: 'clinic', lon: 0, lat: 0 });
    expect(added).toMatchObject({
      ok: true,
      id: 'new-4',
      tx: { label: { en: 'add facility 诊所（新增 4）' } },
    });
    const drawn = runCommand(context(plan), {
      type: 'draw-community',
      polygon: box(900, 900, 1100, 1100),
      policy: 'clip',
      communityType: 'urban',
      language: 'en',
    });
    expect(drawn).toMatchObject({ ok: true, id: 'D003' });
    expect(drawn.ok && drawn.tx.changes[0]).toMatchObject({ unit: { name: 'New community D003' } });
    const fromBlocks = runCommand(context(plan), {
      type: 'community-from-blocks',
      blockIds: [blockId(0, 0)],
      communityType: 'urban',
      language: 'zh',
    });
    expect(fromBlocks).toMatchObject({ ok: true, id: 'N003' });
  });

  it('an import into the demo names the plan after the file; into a named plan keeps the name', () => {
    const command: Command = {
      type: 'import-layer',
      replacement: { layer: 'facilities', value: [] },
      fileName: 'pois.geojson',
      roleName: { zh: '设施', en: 'facilities' },
      osm: false,
    };
    expect(runCommand({ layers: commandPlan(), title: 'demo' }, command)).toMatchObject({ title: 'pois.geojson' });
    expect(runCommand({ layers: commandPlan(), title: '城东规划' }, command)).toMatchObject({ title: '城东规划' });
  });

  it('refuses what cannot be done with a reason in both languages, and the store changes nothing', () => {
    const locked = commandPlan();
    locked.communities = locked.communities.map((c) => (c.id === 'A' ? { ...c, locked: true } : c));
    const refusals: [PlanLayers, Command][] = [
      [commandPlan(), { type: 'paint', blockIds: [blockId(0, 0)], target: 'A' }],
      [commandPlan(), { type: 'paint', blockIds: [blockId(0, 0)], target: 'gone' }],
      [locked, { type: 'paint', blockIds: [blockId(0, 0)], target: 'B' }],
      [locked, { type: 'delete-community', id: 'A' }],
      [locked, { type: 'merge', id: 'B', other: 'A' }],
      [commandPlan(), { type: 'merge', id: 'A', other: 'A' }],
      [commandPlan(), { type: 'community-from-blocks', blockIds: [], communityType: 'urban', language: 'zh' }],
      [commandPlan(), { type: 'split', id: 'A', line: line([100, 900], [300, 900]) }],
      [commandPlan(), { type: 'split', id: 'nope', line: line([-50, 410], [450, 390]) }],
      [commandPlan(), { type: 'reshape', id: 'A', polygon: box(450, 50, 750, 750), policy: 'clip' }],
      [commandPlan(), { type: 'draw-grid', polygon: box(50, 50, 350, 350), policy: 'clip' }],
      [commandPlan(), { type: 'move-facility', id: 'nope', lon: 0, lat: 0 }],
      [commandPlan(), { type: 'delete-facility', id: 'nope' }],
      [commandPlan(), { type: 'lock', id: 'nope', locked: true }],
    ];
    for (const [layers, command] of refusals) {
      const store = new PlanStore();
      store.load(layers, 'x');
      const version = store.version;
      const result = store.run(command);
      expect(result.ok, JSON.stringify(command)).toBe(false);
      if (result.ok) continue;
      expect(result.reason.zh.length, command.type).toBeGreaterThan(0);
      expect(result.reason.en.length, command.type).toBeGreaterThan(0);
      expect(store.layers).toBe(layers);
      expect(store.version).toBe(version);
      expect(store.undoStack).toEqual([]);
    }
  });

  it('PlanStore.run commits a success as one history step, renaming the plan when the command says so', () => {
    const store = new PlanStore();
    store.load(commandPlan(), 'demo');
    const result = store.run({
      type: 'replace-plan',
      layers: EMPTY_LAYERS,
      label: { zh: '新建空白规划', en: 'New empty plan' },
      title: '',
    });
    expect(result.ok).toBe(true);
    expect(store.layers.communities).toEqual([]);
    expect(store.title).toBe('');
    expect(store.undoStack.map((e) => e.label)).toEqual([{ zh: '新建空白规划', en: 'New empty plan' }]);
    store.undo();
    expect(store.layers).toStrictEqual(commandPlan());
    expect(store.title).toBe('demo');
  });

  it('rename-plan changes only the title, as one step that undo and redo walk; the same name is refused', () => {
    const store = new PlanStore();
    store.load(commandPlan(), 'communities-4528.zip');
    expect(store.run({ type: 'rename-plan', title: '  南京东路街道社区调整方案 ' }).ok).toBe(true);
    expect(store.title).toBe('南京东路街道社区调整方案');
    expect(store.layers).toStrictEqual(commandPlan());
    expect(store.undoStack.map((e) => e.label)).toEqual([
      { zh: '规划名称改为“南京东路街道社区调整方案”', en: 'Plan renamed “南京东路街道社区调整方案”' },
    ]);
    store.undo();
    expect(store.title).toBe('communities-4528.zip');
    store.redo();
    expect(store.title).toBe('南京东路街道社区调整方案');
    const same = store.run({ type: 'rename-plan', title: '南京东路街道社区调整方案' });
    expect(same.ok).toBe(false);
    expect(store.run({ type: 'rename-plan', title: '   ' }).ok).toBe(false);
    expect(store.undoStack).toHaveLength(1);
  });
});
