import { describe, expect, it } from 'vitest';
import { applyTransaction, type PlanLayers } from './transaction';
import type { AreaUnit, Facility } from './model';

const unit = (id: string, name = id): AreaUnit => ({
  id,
  kind: 'community',
  name,
  geometry: { type: 'Polygon', coordinates: [] },
  properties: {},
});
const facility = (id: string, lon = 121.4): Facility => ({
  id,
  name: id,
  category: 'kindergarten',
  lon,
  lat: 31.2,
  properties: {},
});
const empty: PlanLayers = {
  communities: [unit('A'), unit('B'), unit('C')],
  grids: [],
  households: { coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null },
  facilities: [],
  roads: null,
  blocks: [],
};

describe('transactions', () => {
  it('applies puts, deletes and replaces, and the inverse restores the layers exactly', () => {
    const { layers, inverse } = applyTransaction(empty, {
      label: 'edit',
      changes: [
        { kind: 'put', layer: 'communities', unit: unit('B', 'renamed') },
        { kind: 'delete', layer: 'communities', id: 'A' },
        { kind: 'put', layer: 'communities', unit: unit('D') },
        { kind: 'replace', layer: 'grids', value: [unit('G')] },
      ],
    });
    expect(layers.communities.map((u) => `${u.id}:${u.name}`)).toEqual(['B:renamed', 'C:C', 'D:D']);
    expect(layers.grids).toHaveLength(1);
    expect(empty.communities.map((u) => u.name)).toEqual(['A', 'B', 'C']);
    const back = applyTransaction(layers, inverse).layers;
    expect(back.communities).toEqual(empty.communities);
    expect(back.grids).toEqual([]);
  });

  it('puts and deletes one facility at a time, keeping the others as they were, and undoes to the same order', () => {
    const before: PlanLayers = { ...empty, facilities: [facility('f1'), facility('f2'), facility('f3')] };
    const { layers, inverse } = applyTransaction(before, {
      label: 'facilities',
      changes: [
        { kind: 'put', layer: 'facilities', facility: facility('f2', 121.5) },
        { kind: 'delete', layer: 'facilities', id: 'f1' },
        { kind: 'put', layer: 'facilities', facility: facility('f4') },
      ],
    });
    expect(layers.facilities.map((f) => `${f.id}:${f.lon}`)).toEqual(['f2:121.5', 'f3:121.4', 'f4:121.4']);
    // Untouched facilities are the same objects: nothing is copied for them.
    expect(layers.facilities[1]).toBe(before.facilities[2]);
    expect(inverse.changes).toEqual([
      { kind: 'delete', layer: 'facilities', id: 'f4' },
      { kind: 'put', layer: 'facilities', facility: facility('f1'), index: 0 },
      { kind: 'put', layer: 'facilities', facility: facility('f2') },
    ]);
    expect(applyTransaction(layers, inverse).layers.facilities).toEqual(before.facilities);
    expect(layers.communities).toBe(before.communities);
  });

  it('skips a delete of an id that is not there, with nothing to undo for it', () => {
    const { layers, inverse } = applyTransaction(empty, {
      label: 'gone',
      changes: [{ kind: 'delete', layer: 'facilities', id: 'nope' }],
    });
    expect(layers.facilities).toEqual([]);
    expect(inverse.changes).toEqual([]);
  });
});
