import { describe, expect, it } from 'vitest';
import area from '@turf/area';
import type { Polygon } from 'geojson';
import type { AreaUnit } from '../model';
import { applyTransaction, type PlanLayers } from '../transaction';
import {
  addCommunity,
  addGrid,
  deleteCommunity,
  mergeCommunities,
  reshapeCommunity,
  splitCommunity,
} from './boundary-edits';

const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const unit = (
  id: string,
  geometry: Polygon,
  kind: 'community' | 'grid' = 'community',
  parentId?: string,
): AreaUnit => ({ id, kind, name: id, geometry, properties: {}, ...(parentId ? { parentId } : {}) });
const A = unit('A', rect(121.47, 31.23, 121.48, 31.24));
const B = unit('B', rect(121.48, 31.23, 121.49, 31.24));
const gA = unit('A-G001', rect(121.471, 31.231, 121.479, 31.239), 'grid', 'A');
const gB = unit('B-G001', rect(121.481, 31.231, 121.489, 31.239), 'grid', 'B');
const layers: PlanLayers = {
  communities: [A, B],
  grids: [gA, gB],
  households: { coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null },
  facilities: [],
  roads: null,
  blocks: [],
};
const apply = (r: ReturnType<typeof addCommunity>) => {
  if (!r.ok) throw new Error(r.reason.en);
  return applyTransaction(layers, r.tx).layers;
};

describe('boundary edits', () => {
  it('clips a drawn community to its neighbours, or keeps the overlap when asked', () => {
    const drawn = rect(121.485, 31.23, 121.5, 31.24);
    const clipped = apply(addCommunity(drawn, layers, 'clip', 'urban', (id) => id));
    const added = clipped.communities.at(-1)!;
    expect(area(added.geometry)).toBeCloseTo(area(rect(121.49, 31.23, 121.5, 31.24)), -1);
    const flagged = apply(addCommunity(drawn, layers, 'flag', 'urban', (id) => id));
    expect(area(flagged.communities.at(-1)!.geometry)).toBeCloseTo(area(drawn), -1);
  });

  it('puts a drawn grid inside the community it was drawn in', () => {
    const after = apply(addGrid(rect(121.475, 31.235, 121.485, 31.238), layers, 'clip', (id) => id));
    const g = after.grids.at(-1)!;
    expect(g.parentId).toBe('A');
    expect(area(g.geometry)).toBeLessThan(area(rect(121.475, 31.235, 121.485, 31.238)));
  });

  it('reshapes a community and clips it to its neighbour', () => {
    const after = apply(reshapeCommunity(A, rect(121.47, 31.23, 121.485, 31.24), layers, 'clip'));
    expect(area(after.communities[0]!.geometry)).toBeCloseTo(area(A.geometry), -1);
  });

  it('splits along a line into two communities and moves grids with their piece', () => {
    const after = apply(
      splitCommunity(
        A,
        {
          type: 'LineString',
          coordinates: [
            [121.4755, 31.225],
            [121.4755, 31.245],
          ],
        },
        layers,
      ),
    );
    expect(after.communities).toHaveLength(3);
    const total = after.communities.filter((c) => c.id.startsWith('A')).reduce((s, c) => s + area(c.geometry), 0);
    expect(total / area(A.geometry)).toBeCloseTo(1, 6);
    const missed = splitCommunity(
      A,
      {
        type: 'LineString',
        coordinates: [
          [121.3, 31.1],
          [121.31, 31.1],
        ],
      },
      layers,
    );
    expect(missed.ok).toBe(false);
  });

  it('merges two neighbours and reassigns the grids; refuses locked ones', () => {
    const after = apply(mergeCommunities(A, B, layers.grids));
    expect(after.communities.map((c) => c.id)).toEqual(['A']);
    expect(area(after.communities[0]!.geometry)).toBeCloseTo(area(A.geometry) + area(B.geometry), -1);
    expect(after.grids.every((g) => g.parentId === 'A')).toBe(true);
    expect(mergeCommunities({ ...A, locked: true }, B, []).ok).toBe(false);
  });

  it('deletes a community with its grids, and the inverse restores both', () => {
    const r = deleteCommunity(A, layers.grids);
    if (!r.ok) throw new Error(r.reason.en);
    const { layers: after, inverse } = applyTransaction(layers, r.tx);
    expect(after.communities.map((c) => c.id)).toEqual(['B']);
    expect(after.grids.map((g) => g.id)).toEqual(['B-G001']);
    const back = applyTransaction(after, inverse).layers;
    expect(back.communities).toEqual(layers.communities);
    expect(back.grids).toEqual(layers.grids);
  });
});
