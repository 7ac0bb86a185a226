import { describe, expect, it } from 'vitest';
import type { Position } from './geometry';
import { polygonize } from './polygonize';

/** A lattice of (n+1)×(n+1) street crossings `step` degrees apart, joined into n×n blocks. */
function lattice(n: number, step = 0.001): { positions: Position[]; edges: [number, number][] } {
  const positions: Position[] = [];
  const edges: [number, number][] = [];
  const id = (i: number, j: number) => i * (n + 1) + j;
  for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) positions.push([121.4 + j * step, 31.2 + i * step]);
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= n; j++) {
      if (j < n) edges.push([id(i, j), id(i, j + 1)]);
      if (i < n) edges.push([id(i, j), id(i + 1, j)]);
    }
  return { positions, edges };
}

describe('polygonize', () => {
  it('cuts a 3×3 street grid into 9 blocks, each a closed counter-clockwise ring', () => {
    const { positions, edges } = lattice(3);
    const { faces } = polygonize(positions, edges);
    expect(faces).toHaveLength(9);
    for (const f of faces) {
      expect(f.polygons).toHaveLength(1);
      const ring = f.polygons[0]![0]!;
      expect(ring).toHaveLength(5);
      expect(ring[0]).toEqual(ring[4]);
      // ~95 m × 111 m at this latitude
      expect(f.areaM2).toBeGreaterThan(10_000);
      expect(f.areaM2).toBeLessThan(11_000);
    }
  });

  it('links blocks that share a street segment, with the shared length', () => {
    const { positions, edges } = lattice(3);
    const { faces, adjacency } = polygonize(positions, edges);
    const degrees = faces.map((_, i) => adjacency.get(i)?.size ?? 0).sort();
    // 4 corner blocks with 2 neighbours, 4 edge blocks with 3, the centre block with 4
    expect(degrees).toEqual([2, 2, 2, 2, 3, 3, 3, 3, 4]);
    for (const [, m] of adjacency) for (const len of m.values()) expect(len).toBeGreaterThan(90);
  });

  it('ignores dangling streets and a street bridging to a separate network', () => {
    const { positions, edges } = lattice(2);
    const dead = positions.push([121.4005, 31.2005]) - 1; // cul-de-sac into the first block
    edges.push([0, dead]);
    const far = positions.length;
    positions.push([121.41, 31.2], [121.411, 31.2], [121.411, 31.201], [121.41, 31.201]);
    edges.push([far, far + 1], [far + 1, far + 2], [far + 2, far + 3], [far + 3, far]);
    edges.push([2, far]); // a lone road out to the second network
    const { faces, stats } = polygonize(positions, edges);
    expect(faces).toHaveLength(5);
    expect(stats.danglingEdgesRemoved).toBe(1);
    expect(stats.cutEdgesRemoved).toBe(1);
  });

  it('makes a network lying inside a block a hole of that block, and still its neighbour', () => {
    const positions: Position[] = [
      [121.4, 31.2],
      [121.403, 31.2],
      [121.403, 31.203],
      [121.4, 31.203],
      [121.401, 31.201],
      [121.402, 31.201],
      [121.402, 31.202],
      [121.401, 31.202],
    ];
    const edges: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 0],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 4],
    ];
    const { faces, adjacency, stats } = polygonize(positions, edges);
    expect(faces).toHaveLength(2);
    const outer = faces.findIndex((f) => f.polygons[0]!.length === 2);
    expect(outer).not.toBe(-1);
    expect(stats.nestedComponents).toBe(1);
    expect(faces[outer]!.areaM2).toBeCloseTo(faces[1 - outer]!.areaM2 * 8, -2);
    expect([...adjacency.get(outer)!.keys()]).toEqual([1 - outer]);
  });
});
