import { describe, expect, it } from 'vitest';
import { growCommunities, nearestPopulated, type GrowthBlock } from './region-growing';

/** A rows×cols grid of 100 m blocks, rook-adjacent, households given row by row. */
function grid(rows: number, cols: number, households: number[]) {
  const blocks: GrowthBlock[] = [];
  const adjacency = new Map<number, Map<number, number>>();
  const link = (a: number, b: number) => {
    if (!adjacency.has(a)) adjacency.set(a, new Map());
    if (!adjacency.has(b)) adjacency.set(b, new Map());
    adjacency.get(a)!.set(b, 100);
    adjacency.get(b)!.set(a, 100);
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      blocks.push({ households: households[i] ?? 0, x: c * 100, y: -r * 100, area: 10_000 });
      if (c > 0) link(i, i - 1);
      if (r > 0) link(i, i - cols);
    }
  return { blocks, adjacency };
}

const options = { min: 2000, max: 3000, minStandalone: 1000 };
const sumOf = (g: number[], blocks: GrowthBlock[]) => g.reduce((s, b) => s + blocks[b]!.households, 0);

describe('growCommunities', () => {
  it('groups blocks into contiguous communities within the band, each block exactly once', () => {
    const { blocks, adjacency } = grid(4, 4, new Array<number>(16).fill(500));
    const { groups } = growCommunities(blocks, adjacency, options);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    for (const g of groups) {
      const sum = sumOf(g, blocks);
      expect(sum).toBeGreaterThanOrEqual(2000);
      expect(sum).toBeLessThanOrEqual(3000);
      // contiguity: a walk over adjacency inside the group reaches every member
      const seen = new Set([g[0]!]);
      const todo = [g[0]!];
      while (todo.length)
        for (const nb of adjacency.get(todo.pop()!)!.keys())
          if (g.includes(nb) && !seen.has(nb)) {
            seen.add(nb);
            todo.push(nb);
          }
      expect(seen.size).toBe(g.length);
    }
    expect(groups).toHaveLength(4);
  });

  it('keeps a single block above the band as its own community', () => {
    const hh = new Array<number>(9).fill(0);
    hh[0] = 5000;
    hh[8] = 2500;
    const { blocks, adjacency } = grid(3, 3, hh);
    const { groups } = growCommunities(blocks, adjacency, options);
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => sumOf(g, blocks)).sort()).toEqual([2500, 5000]);
  });

  it('gives empty blocks to the nearest populated block, so sparse data still tiles', () => {
    const hh = new Array<number>(5).fill(0);
    hh[0] = 2500;
    hh[4] = 2500;
    const { blocks, adjacency } = grid(1, 5, hh);
    expect([...nearestPopulated(blocks, adjacency)]).toEqual([0, 0, 0, 4, 4]);
    const { groups } = growCommunities(blocks, adjacency, options);
    expect(groups).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
  });

  it('merges a leftover group too small to stand alone into its smallest neighbour', () => {
    const { blocks, adjacency } = grid(1, 3, [2000, 300, 2900]);
    const { groups, stats } = growCommunities(blocks, adjacency, options);
    expect(stats.mergedSmall).toBe(1);
    expect(groups.map((g) => sumOf(g, blocks)).sort()).toEqual([2300, 2900]);
  });

  it('attaches a block with no adjacent path by distance', () => {
    const { blocks, adjacency } = grid(1, 2, [2500, 0]);
    blocks.push({ households: 0, x: 1000, y: 0, area: 10_000 });
    const { groups, stats } = growCommunities(blocks, adjacency, options);
    expect(stats.attachedByDistance).toBe(1);
    expect(groups).toEqual([[0, 1, 2]]);
  });
});
