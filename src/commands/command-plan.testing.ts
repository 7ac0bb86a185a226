// Test helper: a small plan every command has something to act on — a 4 × 4 grid of 200 m street
// blocks painted into two communities (the west one locked off), grids in each, seeded household
// points, three facilities and a road — and the bookkeeping the command tests share.
import { expect } from 'vitest';
import type { Polygon } from 'geojson';
import { offset, randomHouseholds, rectangle, SHANGHAI } from '../core/edit/random-geometries.testing';
import { dissolveBlocks } from '../core/edit/paint-blocks';
import { seededRandom } from '../core/seeded-random';
import type { AreaUnit, Facility } from '../core/model';
import type { PlanLayers } from '../core/transaction';
import type { EditResult } from './command';

/** A rectangle `west`..`east`, `south`..`north` metres from the plan's south-west corner. */
export const box = (west: number, south: number, east: number, north: number): Polygon =>
  rectangle(SHANGHAI, west, south, east, north);

export const blockId = (col: number, row: number) => `K${col}${row}`;

const blocks: AreaUnit[] = [];
for (let col = 0; col < 4; col++)
  for (let row = 0; row < 4; row++)
    blocks.push({
      id: blockId(col, row),
      kind: 'block',
      name: blockId(col, row),
      geometry: box(col * 200, row * 200, (col + 1) * 200, (row + 1) * 200),
      properties: {},
    });

function community(id: string, cols: number[]): AreaUnit {
  const ids = blocks.filter((b) => cols.includes(Number(b.id[1]))).map((b) => b.id);
  return {
    id,
    kind: 'community',
    name: `社区 ${id}`,
    communityType: 'urban',
    blockIds: ids,
    geometry: dissolveBlocks(blocks.filter((b) => ids.includes(b.id)))!,
    properties: {},
  };
}

const grid = (id: string, parentId: string, geometry: Polygon): AreaUnit => ({
  id,
  kind: 'grid',
  name: `网格 ${id}`,
  parentId,
  geometry,
  properties: {},
});

const facility = (id: string, east: number, north: number): Facility => {
  const [lon, lat] = offset(SHANGHAI, east, north);
  return { id, name: `设施 ${id}`, category: 'kindergarten', lon, lat, properties: {} };
};

/** A fresh copy of the plan each call, so no test shares state with another. */
export function commandPlan(): PlanLayers {
  const points = randomHouseholds(seededRandom(7), 300, offset(SHANGHAI, 400, 400), 390, 12);
  return {
    communities: [community('A', [0, 1]), community('B', [2, 3])],
    grids: [grid('A-G01', 'A', box(0, 0, 400, 400)), grid('B-G01', 'B', box(400, 0, 850, 400))],
    households: { ...points, names: null, properties: null },
    facilities: [facility('F1', 100, 100), facility('F2', 500, 500), facility('F3', 700, 100)],
    roads: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: [offset(SHANGHAI, 0, 400), offset(SHANGHAI, 800, 400)] },
        },
      ],
    },
    blocks,
    water: null,
    credits: {},
  };
}

/** The transaction of a result that must have succeeded; fails the test with the reason otherwise. */
export function txOf(result: EditResult) {
  if (!result.ok) expect.fail(`refused: ${result.reason.en}`);
  return result.tx;
}
