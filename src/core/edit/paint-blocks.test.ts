import { describe, expect, it } from 'vitest';
import area from '@turf/area';
import type { Polygon } from 'geojson';
import type { AreaUnit } from '../model';
import { applyTransaction, type PlanLayers } from '../transaction';
import { blockOwners, communityFromBlocks, dissolveBlocks, paintBlocks } from './paint-blocks';

// A 3 × 2 lattice of 200 m blocks near People's Square.
const W = 121.47;
const S = 31.23;
const D = 0.002;
const block = (i: number, j: number): AreaUnit => ({
  id: `B${i}${j}`,
  kind: 'block',
  name: `B${i}${j}`,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [W + i * D, S + j * D],
        [W + (i + 1) * D, S + j * D],
        [W + (i + 1) * D, S + (j + 1) * D],
        [W + i * D, S + (j + 1) * D],
        [W + i * D, S + j * D],
      ],
    ],
  },
  properties: {},
});
const blocks = [0, 1, 2].flatMap((i) => [0, 1].map((j) => block(i, j)));
const blocksById = new Map(blocks.map((b) => [b.id, b]));
const community = (id: string, ids: string[], locked = false): AreaUnit => ({
  id,
  kind: 'community',
  name: id,
  geometry: dissolveBlocks(ids.map((b) => blocksById.get(b)!))!,
  blockIds: ids,
  properties: {},
  ...(locked ? { locked } : {}),
});
const layers = (communities: AreaUnit[]): PlanLayers => ({
  communities,
  grids: [],
  households: { coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null },
  facilities: [],
  roads: null,
  blocks,
});

describe('painting blocks', () => {
  it('dissolves blocks into one polygon with the summed area', () => {
    const g = dissolveBlocks([blocksById.get('B00')!, blocksById.get('B10')!])!;
    expect(g.type).toBe('Polygon');
    expect(area(g)).toBeCloseTo(area(blocks[0]!.geometry) + area(blocksById.get('B10')!.geometry), 0);
  });

  it('moves a block between communities, changing only those two, and undoes exactly', () => {
    const before = layers([community('A', ['B00', 'B01', 'B10']), community('B', ['B11', 'B20', 'B21'])]);
    const r = paintBlocks(before.communities, blocksById, ['B10'], 'B');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { layers: after, inverse } = applyTransaction(before, r.tx);
    const owners = blockOwners(after.communities);
    expect(owners.get('B10')).toBe('B');
    expect(after.communities.find((c) => c.id === 'A')!.blockIds).toEqual(['B00', 'B01']);
    const a = after.communities.find((c) => c.id === 'A')!;
    expect(area(a.geometry)).toBeCloseTo(2 * area(blocks[0]!.geometry as Polygon), -1);
    expect(applyTransaction(after, inverse).layers.communities).toEqual(before.communities);
  });

  it('refuses to change a locked community', () => {
    const cs = [community('A', ['B00', 'B10'], true), community('B', ['B11'])];
    expect(paintBlocks(cs, blocksById, ['B10'], 'B')).toEqual({
      ok: false,
      reason: { zh: 'A 已锁定', en: 'A is locked' },
    });
    expect(paintBlocks(cs, blocksById, ['B01'], 'A')).toEqual({
      ok: false,
      reason: { zh: 'A 已锁定', en: 'A is locked' },
    });
  });

  it('deletes a community whose last block is painted away, and can unassign blocks', () => {
    const cs = [community('A', ['B00']), community('B', ['B10'])];
    const r = paintBlocks(cs, blocksById, ['B00'], 'B');
    expect(r.ok && r.tx.changes.some((c) => c.kind === 'delete' && c.id === 'A')).toBe(true);
    const u = paintBlocks(cs, blocksById, ['B10'], null);
    expect(u.ok && u.tx.changes).toEqual([{ kind: 'delete', layer: 'communities', id: 'B' }]);
  });

  it('creates a new community from selected blocks, taking them from their owners', () => {
    const before = layers([community('A', ['B00', 'B01', 'B10', 'B11'])]);
    const r = communityFromBlocks(before.communities, blocksById, ['B10', 'B11'], {
      id: 'N',
      kind: 'community',
      name: 'N',
      properties: {},
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = applyTransaction(before, r.tx).layers;
    expect(after.communities.map((c) => c.id).sort()).toEqual(['A', 'N']);
    expect(after.communities.find((c) => c.id === 'N')!.blockIds).toEqual(['B10', 'B11']);
    expect(after.communities.find((c) => c.id === 'A')!.blockIds).toEqual(['B00', 'B01']);
  });
});
