import type { Polygon } from 'geojson';
import { intersection, xor } from 'polyclip-ts';
import { describe, expect, it } from 'vitest';
import { divideBlocksIntoGrids, divideIntoGrids, firstSideFraction } from './divide-into-grids';
import { areaM2, clipAreaM2, pointInGeometry, toClip } from './geometry';
import { SHANGHAI, offset, randomBlock, randomHouseholds, rectangle, seededRandom } from './random-geometries.testing';

describe('divideIntoGrids', () => {
  it('tiles random communities exactly and puts every household inside in exactly one grid', () => {
    const rnd = seededRandom(5);
    for (let n = 0; n < 12; n++) {
      const community = randomBlock(rnd, SHANGHAI, { hole: n % 4 === 0 });
      const households = randomHouseholds(rnd, 150 + Math.floor(rnd() * 250));
      const min = 100 + Math.floor(rnd() * 200);
      const band = { min, max: Math.round(min * 1.6) };
      const { grids, householdsOutside } = divideIntoGrids(community, households, band);

      const total = areaM2(community);
      const sum = grids.reduce((s, g) => s + areaM2(g.geometry), 0);
      expect(Math.abs(sum - total) / total).toBeLessThan(1e-6);
      const [first, ...rest] = grids.map((g) => toClip(g.geometry));
      expect(clipAreaM2(xor(toClip(community), first as never, ...rest)) / total).toBeLessThan(1e-6);
      for (let i = 0; i < grids.length; i++) {
        for (let j = i + 1; j < grids.length; j++) {
          const a = grids[i]?.geometry as Polygon;
          const b = grids[j]?.geometry as Polygon;
          expect(clipAreaM2(intersection(toClip(a), toClip(b)))).toBeLessThan(1e-3);
        }
      }

      let insideHouseholds = 0;
      for (let p = 0; p < households.households.length; p++) {
        const x = households.coordinates[2 * p] as number;
        const y = households.coordinates[2 * p + 1] as number;
        const containing = grids.filter((g) => pointInGeometry(x, y, g.geometry));
        if (!pointInGeometry(x, y, community)) {
          expect(containing).toHaveLength(0);
          continue;
        }
        insideHouseholds += households.households[p] as number;
        expect(containing).toHaveLength(1);
        expect(containing[0]?.pointIndices).toContain(p);
      }
      expect(grids.reduce((s, g) => s + g.households, 0)).toBe(insideHouseholds);
      const all = households.households.reduce((s, h) => s + h, 0);
      expect(householdsOutside).toBe(all - insideHouseholds);
      // Every grid respects the maximum unless it is a single point that cannot be cut.
      for (const g of grids) if (g.pointIndices.length > 1) expect(g.households).toBeLessThanOrEqual(band.max);
    }
  });

  it('makes the fewest grids the maximum allows when households are spread evenly', () => {
    // 20 × 20 points of 10 households over a 400 m square: 4,000 households, band 400–500.
    const coordinates = new Float64Array(800);
    const households = new Float64Array(400).fill(10);
    for (let i = 0; i < 400; i++) {
      const [x, y] = offset(SHANGHAI, 10 + 20 * (i % 20), 10 + 20 * Math.floor(i / 20));
      coordinates[2 * i] = x;
      coordinates[2 * i + 1] = y;
    }
    const { grids } = divideIntoGrids(
      rectangle(SHANGHAI, 0, 0, 400, 400),
      { coordinates, households },
      { min: 400, max: 500 },
    );
    expect(grids).toHaveLength(8);
    for (const g of grids) {
      expect(g.households).toBeGreaterThanOrEqual(400);
      expect(g.households).toBeLessThanOrEqual(500);
    }
  });

  it('keeps a tower bigger than a grid whole, in a grid of its own', () => {
    const coordinates = new Float64Array([
      ...offset(SHANGHAI, 100, 100),
      ...offset(SHANGHAI, 300, 300),
      ...offset(SHANGHAI, 300.2, 300.1),
    ]);
    const households = new Float64Array([200, 450, 450]);
    const { grids } = divideIntoGrids(
      rectangle(SHANGHAI, 0, 0, 400, 400),
      { coordinates, households },
      { min: 300, max: 500 },
    );
    // The two tower points 0.2 m apart are one building: never cut apart.
    expect(grids.map((g) => g.households).sort((p, q) => p - q)).toEqual([200, 900]);
  });

  it('returns the community as a single grid when it holds no households', () => {
    const community = rectangle(SHANGHAI, 0, 0, 400, 400);
    const { grids } = divideIntoGrids(
      community,
      { coordinates: new Float64Array(), households: new Float64Array() },
      { min: 300, max: 500 },
    );
    expect(grids).toHaveLength(1);
    expect(Math.abs(areaM2(grids[0]?.geometry as Polygon) - areaM2(community))).toBeLessThan(1e-6);
  });

  it('cuts at floor(k/2)/k of the households', () => {
    expect(firstSideFraction(1000, 500)).toBe(0.5);
    expect(firstSideFraction(1400, 500)).toBeCloseTo(1 / 3);
    expect(firstSideFraction(2400, 500)).toBeCloseTo(2 / 5);
  });
});

describe('divideBlocksIntoGrids', () => {
  const blocksFrom = (rnd: () => number, rows: number, cols: number) => {
    const blocks = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        blocks.push({
          id: `B${r}-${c}`,
          geometry: rectangle(SHANGHAI, c * 150, r * 120, (c + 1) * 150, (r + 1) * 120),
          households: Math.floor(50 + rnd() * 300),
        });
      }
    }
    return blocks;
  };

  it('puts every block in exactly one group and keeps groups within the maximum unless one block alone exceeds it', () => {
    const rnd = seededRandom(6);
    for (let n = 0; n < 20; n++) {
      const blocks = blocksFrom(rnd, 2 + Math.floor(rnd() * 5), 2 + Math.floor(rnd() * 5));
      const band = { min: 300, max: 600 };
      const { groups } = divideBlocksIntoGrids(blocks, band);
      const ids = groups.flatMap((g) => g.blockIds);
      expect([...ids].sort()).toEqual(blocks.map((b) => b.id).sort());
      const byId = new Map(blocks.map((b) => [b.id, b.households]));
      for (const g of groups) {
        expect(g.households).toBe(g.blockIds.reduce((s, id) => s + (byId.get(id) ?? 0), 0));
        if (g.blockIds.length > 1) expect(g.households).toBeLessThanOrEqual(band.max);
      }
    }
  });

  it('returns no groups for no blocks, and one group when all fit', () => {
    expect(divideBlocksIntoGrids([], { min: 1, max: 10 }).groups).toEqual([]);
    const blocks = blocksFrom(seededRandom(1), 1, 2).map((b) => ({ ...b, households: 10 }));
    expect(divideBlocksIntoGrids(blocks, { min: 1, max: 100 }).groups).toEqual([
      { blockIds: ['B0-0', 'B0-1'], households: 20 },
    ]);
  });
});
