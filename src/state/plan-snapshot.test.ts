import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { AreaUnit, Facility, HouseholdSet } from '../core/model';
import { PlanStore } from './plan-store.svelte';
import {
  PLAN_SNAPSHOT_VERSION,
  joinPlanSnapshot,
  readPlanSnapshot,
  splitPlanSnapshot,
  takePlanSnapshot,
  type PartRef,
  type PlanSnapshot,
} from './plan-snapshot';

const square = (x: number): AreaUnit['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const unit = (id: string, kind: AreaUnit['kind'] = 'community', x = 0): AreaUnit => ({
  id,
  kind,
  name: `名称 ${id}`,
  geometry: square(x),
  properties: { source: id },
});
const facility = (id: string): Facility => ({
  id,
  name: id,
  category: 'clinic',
  lon: 121.4,
  lat: 31.2,
  properties: {},
});
function households(n: number, seed: number): HouseholdSet {
  const coordinates = new Float64Array(2 * n).map((_, i) => 121 + seed + i * 1e-4);
  return {
    coordinates,
    households: new Float64Array(n).fill(seed + 1),
    names: Array.from({ length: n }, (_, i) => (i % 2 ? `小区 ${i}` : null)),
    properties: null,
  };
}

/** A plan with every kind of change in its history, and something on the redo stack. */
function editedPlan(): PlanStore {
  const plan = new PlanStore();
  plan.load(
    {
      communities: [unit('A'), unit('B', 'community', 2)],
      grids: [unit('G1', 'grid')],
      households: households(1000, 0),
      facilities: [facility('F1')],
      roads: null,
      blocks: [unit('K1', 'block'), unit('K2', 'block', 1)],
    },
    '测试规划',
  );
  plan.commit({
    label: 'rename A',
    changes: [
      {
        kind: 'put',
        layer: 'communities',
        unit: { ...unit('A'), name: 'A 社区', communityType: 'urban', blockIds: ['K1'] },
      },
    ],
  });
  plan.commit({ label: 'delete B', changes: [{ kind: 'delete', layer: 'communities', id: 'B' }] });
  plan.commit({
    label: 'import households',
    changes: [{ kind: 'replace', layer: 'households', value: households(500, 1) }],
  });
  plan.commit({
    label: 'import roads',
    changes: [
      {
        kind: 'replace',
        layer: 'roads',
        value: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: '路' },
              geometry: {
                type: 'LineString',
                coordinates: [
                  [0, 0],
                  [1, 1],
                ],
              },
            },
          ],
        },
      },
    ],
  });
  plan.commit({
    label: 'add facility',
    changes: [{ kind: 'replace', layer: 'facilities', value: [facility('F1'), facility('F2')] }],
  });
  plan.undo();
  plan.undo();
  return plan;
}

const clone = <T>(value: T): T => structuredClone(value);

describe('plan snapshot', () => {
  it('round-trips through structured clone exactly: layers, typed arrays, title, undo and redo stacks', () => {
    const plan = editedPlan();
    const snapshot = takePlanSnapshot(plan, 1_700_000_000_000);
    const back = readPlanSnapshot(clone(snapshot));
    expect(back).not.toBeNull();
    expect(back).toEqual(snapshot);
    expect(back!.version).toBe(PLAN_SNAPSHOT_VERSION);
    expect(back!.title).toBe('测试规划');
    expect(back!.undoStack.map((e) => e.label)).toEqual(['rename A', 'delete B', 'import households']);
    expect(back!.redoStack.map((e) => e.label)).toEqual(['add facility', 'import roads']);
    expect(back!.layers.households.coordinates).toBeInstanceOf(Float64Array);
    expect(Array.from(back!.layers.households.coordinates)).toEqual(Array.from(plan.layers.households.coordinates));
  });

  it('gives back a history that still undoes and redoes to the same layers', () => {
    const plan = editedPlan();
    const restored = new PlanStore();
    const back = readPlanSnapshot(clone(takePlanSnapshot(plan)))!;
    restored.load(back.layers, back.title);
    restored.undoStack = back.undoStack;
    restored.redoStack = back.redoStack;
    for (const store of [plan, restored]) {
      store.redo();
      store.undo();
      store.undo();
      store.undo();
    }
    expect(restored.layers).toEqual(plan.layers);
    expect(restored.layers.communities.map((c) => c.id)).toEqual(['A', 'B']);
    expect(restored.layers.households.households.length).toBe(1000);
  });

  it('keeps per-facility puts and deletes in history, and they still undo after the round trip', () => {
    const plan = editedPlan();
    plan.commit({
      label: 'move F1, add F3',
      changes: [
        { kind: 'put', layer: 'facilities', facility: { ...facility('F1'), lon: 121.6 } },
        { kind: 'put', layer: 'facilities', facility: facility('F3') },
      ],
    });
    plan.commit({ label: 'delete F1', changes: [{ kind: 'delete', layer: 'facilities', id: 'F1' }] });
    const back = readPlanSnapshot(clone(takePlanSnapshot(plan)));
    expect(back).not.toBeNull();
    const reopened = new PlanStore();
    reopened.load(back!.layers, back!.title);
    reopened.undoStack = back!.undoStack;
    expect(reopened.layers.facilities.map((f) => f.id)).toEqual(['F3']);
    reopened.undo();
    reopened.undo();
    expect(reopened.layers.facilities).toEqual([facility('F1')]);
  });

  it('stores a household set once however many history entries refer to it', () => {
    const plan = editedPlan();
    const imported = plan.layers.households;
    const original = plan.undoStack[2]!.inverse.changes[0]!;
    const bothSets = serialize([imported, original.kind === 'replace' ? original.value : null]).length;
    // Twenty entries that each hold the current households in a replace-change and its inverse.
    for (let i = 0; i < 20; i++)
      plan.commit({ label: `touch ${i}`, changes: [{ kind: 'replace', layer: 'households', value: imported }] });
    const snapshot = takePlanSnapshot(plan);
    expect(serialize(snapshot).length).toBeLessThan(bothSets + 20_000);
    const back = readPlanSnapshot(clone(snapshot))!;
    expect(back.undoStack.at(-1)!.forward.changes[0]).toHaveProperty('value', back.layers.households);
    expect(back.undoStack.at(-1)!.inverse.changes[0]).toHaveProperty('value', back.layers.households);
  });

  it('reads anything else as null, never throwing', () => {
    const good = takePlanSnapshot(editedPlan());
    const cases: unknown[] = [
      null,
      undefined,
      42,
      'plan',
      [],
      { ...good, version: 0 },
      { ...good, version: PLAN_SNAPSHOT_VERSION + 1 },
      { ...good, title: undefined },
      { ...good, layers: undefined },
      { ...good, layers: { ...good.layers, blocks: undefined } },
      { ...good, layers: { ...good.layers, communities: [{ id: 1 }] } },
      { ...good, layers: { ...good.layers, households: { ...good.layers.households, coordinates: [1, 2] } } },
      {
        ...good,
        layers: { ...good.layers, households: { ...good.layers.households, coordinates: new Float64Array(3) } },
      },
      { ...good, layers: { ...good.layers, roads: { type: 'Feature' } } },
      {
        ...good,
        undoStack: [
          {
            label: 'x',
            time: 1,
            forward: { label: 'x', changes: [{ kind: 'move' }] },
            inverse: { label: 'x', changes: [] },
          },
        ],
      },
      ...[
        { kind: 'put', layer: 'facilities', unit: unit('A') },
        { kind: 'put', layer: 'facilities', facility: { id: 'F', name: 'F', category: 'x', lon: '1', lat: 2 } },
        { kind: 'put', layer: 'communities', facility: facility('F1') },
        { kind: 'delete', layer: 'roads', id: 'F1' },
      ].map((change) => ({
        ...good,
        undoStack: [
          { label: 'x', time: 1, forward: { label: 'x', changes: [change] }, inverse: { label: 'x', changes: [] } },
        ],
      })),
      {
        ...good,
        redoStack: [
          { label: 'x', time: 'noon', forward: { label: 'x', changes: [] }, inverse: { label: 'x', changes: [] } },
        ],
      },
      {
        ...good,
        undoStack: [
          {
            label: 'x',
            time: 1,
            forward: { label: 'x', changes: [{ kind: 'replace', layer: 'rivers', value: [] }] },
            inverse: { label: 'x', changes: [] },
          },
        ],
      },
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('hostile');
          },
        },
      ),
    ];
    for (const value of cases) expect(readPlanSnapshot(value)).toBeNull();
    expect(readPlanSnapshot(good)).toBe(good);
  });
});

describe('split snapshot', () => {
  const keyer = () => {
    const keys = new Map<object, string>();
    return (value: object) => keys.get(value) ?? (keys.set(value, `p${keys.size}`), `p${keys.size - 1}`);
  };

  it('moves each bulky object into one part, leaves the rest in the head, and joins back exactly', () => {
    const plan = editedPlan();
    const snapshot = takePlanSnapshot(plan);
    const { head, parts } = splitPlanSnapshot(snapshot, keyer());
    // households ×2 (current 500 in layers + history, original 1000 in the inverse), roads, blocks.
    expect(parts.size).toBe(4);
    expect([...parts.values()]).toContain(plan.layers.households);
    expect(serialize(head).length).toBeLessThan(serialize(plan.layers.households).length / 2);
    expect((head as { layers: { roads: unknown } }).layers.roads).toBeNull();
    // The live plan is untouched by the split.
    expect(plan.layers.households.coordinates).toBeInstanceOf(Float64Array);

    const stored = clone({ head, parts: new Map([...parts].map(([k, v]) => [k, clone(v)])) });
    const back = readPlanSnapshot(joinPlanSnapshot(stored.head, stored.parts));
    expect(back).toEqual(snapshot);
    // Sharing survives: the current households and the import's forward value are one object again.
    const imported = back!.undoStack[2]!.forward.changes[0]!;
    expect(imported.kind === 'replace' && imported.value).toBe(back!.layers.households);
  });

  it('joins to null when a part is missing or the head is not a split snapshot', () => {
    const { head, parts } = splitPlanSnapshot(takePlanSnapshot(editedPlan()), keyer());
    const missing = new Map(parts);
    missing.delete([...missing.keys()][0]!);
    expect(joinPlanSnapshot(head, missing)).toBeNull();
    expect(joinPlanSnapshot({ layers: { households: { $part: 'nope' } satisfies PartRef } }, parts)).toBeNull();
    expect(joinPlanSnapshot('head', parts)).toBeNull();
    expect(readPlanSnapshot(joinPlanSnapshot(head, parts))).not.toBeNull();
  });

  it('splits a fresh plan too: empty households and blocks are parts, absent roads stay null in the head', () => {
    const plan = new PlanStore();
    plan.load({ ...plan.layers, communities: [unit('A')] }, 'x');
    const snapshot: PlanSnapshot = takePlanSnapshot(plan);
    const { head, parts } = splitPlanSnapshot(snapshot, keyer());
    expect(parts.size).toBe(2); // households and blocks are objects even when empty
    expect(readPlanSnapshot(joinPlanSnapshot(clone(head), parts))).toEqual(snapshot);
  });
});
