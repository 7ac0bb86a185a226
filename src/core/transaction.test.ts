import { describe, expect, it } from 'vitest';
import { applyTransaction, type PlanLayers } from './transaction';
import type { AreaUnit } from './model';

const unit = (id: string, name = id): AreaUnit => ({
  id,
  kind: 'community',
  name,
  geometry: { type: 'Polygon', coordinates: [] },
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
});
