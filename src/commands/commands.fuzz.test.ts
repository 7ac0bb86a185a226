// Random command sequences through the one write path: whatever a person does, in whatever order,
// undoing everything gives back the plan exactly as it was, and redoing everything gives back
// exactly what the edits made. Seeded, so a failing sequence is replayed by its seed.
import { describe, expect, it } from 'vitest';
import { offset, SHANGHAI } from '../core/edit/random-geometries.testing';
import { EMPTY_LAYERS, DATA_LAYERS } from '../core/plan-lifecycle';
import { seededRandom } from '../core/seeded-random';
import type { PlanLayers } from '../core/transaction';
import { PlanStore } from '../state/plan-store.svelte';
import type { Command } from './command';
import { box, commandPlan } from './command-plan.testing';

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T | undefined => items[Math.floor(rnd() * items.length)];
const between = (rnd: Random, lo: number, hi: number) => lo + rnd() * (hi - lo);

/** A random rectangle over the plan's 800 m square and a little beyond. */
function randomBox(rnd: Random) {
  const w = between(rnd, -100, 700);
  const s = between(rnd, -100, 700);
  return box(w, s, w + between(rnd, 60, 400), s + between(rnd, 60, 400));
}

/** One random command a person could give the plan as it is now (some of them will be refused). */
function randomCommand(rnd: Random, layers: PlanLayers, start: PlanLayers): Command {
  const communityId = () => pick(rnd, layers.communities)?.id ?? 'none';
  const facilityId = () => pick(rnd, layers.facilities)?.id ?? 'none';
  const someBlocks = () => layers.blocks.filter(() => rnd() < 0.2).map((b) => b.id);
  const [lon, lat] = offset(SHANGHAI, between(rnd, 0, 800), between(rnd, 0, 800));
  const makers: (() => Command)[] = [
    () => ({ type: 'paint', blockIds: someBlocks(), target: rnd() < 0.2 ? null : communityId() }),
    () => ({ type: 'community-from-blocks', blockIds: someBlocks(), communityType: 'urban', language: 'zh' }),
    () => ({
      type: 'draw-community',
      polygon: randomBox(rnd),
      policy: rnd() < 0.5 ? 'clip' : 'flag',
      communityType: 'urban',
      language: 'en',
    }),
    () => ({ type: 'draw-grid', polygon: randomBox(rnd), policy: rnd() < 0.5 ? 'clip' : 'flag' }),
    () => ({ type: 'reshape', id: communityId(), polygon: randomBox(rnd), policy: rnd() < 0.5 ? 'clip' : 'flag' }),
    () => {
      const y = between(rnd, 0, 800);
      const line = [offset(SHANGHAI, -100, y), offset(SHANGHAI, 900, y + between(rnd, -100, 100))];
      return { type: 'split', id: communityId(), line: { type: 'LineString', coordinates: line } };
    },
    () => ({ type: 'merge', id: communityId(), other: communityId() }),
    () => ({ type: 'delete-community', id: communityId() }),
    () => ({ type: 'divide-grids', id: communityId(), band: { min: 100, max: 400 } }),
    () => ({ type: 'clip-grids', id: communityId() }),
    () => ({ type: 'lock', id: communityId(), locked: rnd() < 0.5 }),
    () => ({ type: 'set-type', id: communityId(), communityType: 'rural', typeName: { zh: '农村', en: 'rural' } }),
    () => ({ type: 'add-facility', category: 'clinic', lon, lat }),
    () => ({ type: 'move-facility', id: facilityId(), lon, lat }),
    () => ({ type: 'update-facility', id: facilityId(), patch: { name: `设施 ${Math.floor(rnd() * 100)}` } }),
    () => ({ type: 'update-facility', id: facilityId(), patch: { floorArea: rnd() < 0.5 ? undefined : 800 } }),
    () => ({ type: 'delete-facility', id: facilityId() }),
    () => ({
      type: 'import-layer',
      replacement: { layer: 'facilities', value: start.facilities },
      fileName: 'pois.osm',
      roleName: { zh: '设施', en: 'facilities' },
      osm: rnd() < 0.5,
    }),
    () => {
      const layer = pick(rnd, DATA_LAYERS)!;
      return { type: 'remove-layer', layer, label: { zh: `移除 ${layer}`, en: `remove ${layer}` } };
    },
    () =>
      rnd() < 0.5
        ? { type: 'replace-plan', layers: EMPTY_LAYERS, label: { zh: '新建', en: 'New' }, title: '' }
        : { type: 'replace-plan', layers: start, label: { zh: '演示', en: 'Demo' }, title: 'demo' },
  ];
  return pick(rnd, makers)!();
}

describe('random command sequences', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: undo all gives the start back, redo all the forward state', (seed) => {
    const rnd = seededRandom(seed);
    const start = commandPlan();
    const store = new PlanStore();
    store.load(start, 'demo');
    let refusals = 0;
    for (let i = 0; i < 25; i++) {
      const command = randomCommand(rnd, store.layers, start);
      const before = store.layers;
      const steps = store.undoStack.length;
      const result = store.run(command);
      if (result.ok) {
        expect(store.undoStack.length).toBe(steps + 1);
      } else {
        refusals++;
        // A refusal says why in both languages and leaves the plan untouched.
        expect(result.reason.zh && result.reason.en, command.type).toBeTruthy();
        expect(store.layers).toBe(before);
      }
    }
    const forward = { layers: store.layers, title: store.title };
    const edits = store.undoStack.length;
    expect(edits).toBeGreaterThan(5);
    expect(refusals).toBeLessThan(25);

    while (store.undo());
    expect(store.layers).toStrictEqual(commandPlan());
    expect(store.title).toBe('demo');

    for (let i = 0; i < edits; i++) expect(store.redo()).toBe(true);
    expect(store.layers).toStrictEqual(forward.layers);
    expect(store.title).toBe(forward.title);
  });
});
