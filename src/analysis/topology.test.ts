import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaUnit } from '../core/model';
import { offset, rectangle, SHANGHAI } from '../core/edit/random-geometries.testing';
import { checkTopology, type TopologyFlag } from './topology';

const community = (id: string, geometry: Polygon | MultiPolygon): AreaUnit => ({
  id,
  kind: 'community',
  name: `社区 ${id}`,
  geometry,
  properties: {},
});
const grid = (id: string, parentId: string, geometry: Polygon): AreaUnit => ({
  id,
  kind: 'grid',
  name: `网格 ${id}`,
  parentId,
  geometry,
  properties: {},
});
const points = (...pts: [number, number, number][]) => ({
  coordinates: new Float64Array(pts.flatMap(([e, n]) => offset(SHANGHAI, e, n))),
  households: new Float64Array(pts.map(([, , h]) => h)),
});
const none = points();
const codes = (flags: TopologyFlag[]) => flags.map((f) => f.code);

/** A city of rows × cols square communities of `size` metres, each with four quadrant grids. */
function city(rows: number, cols: number, size = 300) {
  const communities: AreaUnit[] = [];
  const grids: AreaUnit[] = [];
  const pts: [number, number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const id = `C${r}-${c}`;
      const [w, s] = [c * size, r * size];
      communities.push(community(id, rectangle(SHANGHAI, w, s, w + size, s + size)));
      const h = size / 2;
      for (const [dx, dy] of [
        [0, 0],
        [h, 0],
        [0, h],
        [h, h],
      ] as const) {
        grids.push(grid(`${id}/${dx}-${dy}`, id, rectangle(SHANGHAI, w + dx, s + dy, w + dx + h, s + dy + h)));
        pts.push([w + dx + h / 3, s + dy + h / 2, 30]);
      }
    }
  }
  return { communities, grids, households: points(...pts) };
}

describe('checkTopology', () => {
  it('finds nothing wrong in a clean city of 300 communities and 1,200 grids, quickly', () => {
    const { communities, grids, households } = city(15, 20);
    const started = performance.now();
    const flags = checkTopology(communities, grids, households);
    const seconds = (performance.now() - started) / 1000;
    expect(flags).toEqual([]);
    // Generous: it runs in well under this on a laptop; all-pairs polyclip would take minutes.
    expect(seconds).toBeLessThan(30);
  });

  it('flags an overlap once per pair with its area, and not communities that only share an edge', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const b = community('B', rectangle(SHANGHAI, 280, 0, 600, 300)); // 20 m × 300 m over A
    const c = community('C', rectangle(SHANGHAI, 0, 300, 300, 600)); // shares A's north edge
    const flags = checkTopology([a, b, c], [], none);
    expect(codes(flags)).toEqual(['topology.overlap']);
    const [flag] = flags as [TopologyFlag];
    expect(flag.subjectIds).toEqual(['A', 'B']);
    expect(flag.measured).toBeGreaterThan(5900);
    expect(flag.measured).toBeLessThan(6100);
    expect(flag.source.ruleId).toBe('J1');
    expect(flag.message.en).toContain('社区 B');
  });

  it('ignores overlaps under a square metre', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const b = community('B', rectangle(SHANGHAI, 299.998, 0, 600, 300)); // 2 mm × 300 m = 0.6 m²
    expect(checkTopology([a, b], [], none)).toEqual([]);
  });

  it('flags a community in separate pieces, but not one whose parts touch', () => {
    const apart: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [rectangle(SHANGHAI, 0, 0, 300, 300).coordinates, rectangle(SHANGHAI, 400, 0, 500, 100).coordinates],
    };
    const touching: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        rectangle(SHANGHAI, 0, 1000, 300, 1300).coordinates,
        rectangle(SHANGHAI, 300, 1000, 400, 1100).coordinates,
      ],
    };
    const flags = checkTopology([community('M', apart), community('T', touching)], [], none);
    expect(codes(flags)).toEqual(['topology.multi-part']);
    expect(flags[0]?.measured).toBe(2);
    expect(flags[0]?.source.ruleId).toBe('H1');
    // It points at the small stray piece.
    const [x, y] = flags[0]?.location ?? [0, 0];
    expect(x).toBeGreaterThan(offset(SHANGHAI, 400, 0)[0]);
    expect(y).toBeLessThan(offset(SHANGHAI, 0, 100)[1]);
  });

  it('flags a grid crossing into a second community and names both', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const b = community('B', rectangle(SHANGHAI, 300, 0, 600, 300));
    const inside = grid('G1', 'A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const crossing = grid('G2', 'B', rectangle(SHANGHAI, 250, 0, 600, 300));
    const flags = checkTopology([a, b], [inside, crossing], none);
    expect(codes(flags)).toEqual(['topology.grid-crosses-community']);
    expect(flags[0]?.subjectIds).toEqual(['G2']);
    expect(flags[0]?.source.ruleId).toBe('S1');
    expect(flags[0]?.message.en).toContain('社区 B, 社区 A');
    expect(flags[0]?.measured).toBeCloseTo(85.7, 0);
  });

  it('says a grid that meets no community lies outside them all, not that it crosses a boundary', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const away = grid('G3', '', rectangle(SHANGHAI, 1000, 1000, 1300, 1300));
    const flags = checkTopology([a], [away], none);
    expect(codes(flags)).toEqual(['topology.grid-crosses-community']);
    expect(flags[0]?.measured).toBe(0);
    expect(flags[0]?.message.zh).toMatch(/不在任何社区内$/);
    expect(flags[0]?.message.en).toMatch(/lies outside every community$/);
  });

  it('groups households in no community into gaps of points within 200 m, largest first', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const households = points(
      [100, 100, 500], // inside A
      [400, 0, 10],
      [550, 0, 10],
      [700, 0, 10], // a chain 150 m apart: one gap of 30
      [1000, 0, 40], // 300 m further: a gap of its own
    );
    const flags = checkTopology([a], [], households);
    expect(codes(flags)).toEqual(['topology.gap-with-households', 'topology.gap-with-households']);
    expect(flags.map((f) => [f.subjectIds[0], f.measured])).toEqual([
      ['gap-1', 40],
      ['gap-2', 30],
    ]);
    expect(flags[1]?.location).toEqual(offset(SHANGHAI, 550, 0));
  });

  it('counts households outside every grid only for communities that have grids', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const b = community('B', rectangle(SHANGHAI, 300, 0, 600, 300));
    const g = grid('G', 'A', rectangle(SHANGHAI, 0, 0, 150, 300));
    const households = points([50, 50, 10], [200, 50, 7], [250, 250, 5], [450, 150, 99]);
    const flags = checkTopology([a, b], [g], households);
    expect(codes(flags)).toEqual(['topology.households-outside-grids']);
    expect(flags[0]?.subjectIds).toEqual(['A']);
    expect(flags[0]?.measured).toBe(12);
    expect(flags[0]?.source.ruleId).toBe('J9');
  });

  it('gives every flag a bbox around its location', () => {
    const a = community('A', rectangle(SHANGHAI, 0, 0, 300, 300));
    const b = community('B', {
      type: 'MultiPolygon',
      coordinates: [
        rectangle(SHANGHAI, 280, 0, 600, 300).coordinates,
        rectangle(SHANGHAI, 700, 0, 800, 100).coordinates,
      ],
    });
    const g = grid('G', 'A', rectangle(SHANGHAI, 0, 0, 320, 200));
    const flags = checkTopology([a, b], [g], points([1200, 0, 3], [100, 250, 4]));
    expect(new Set(codes(flags)).size).toBe(5);
    for (const f of flags) {
      const [x0, y0, x1, y1] = f.bbox ?? [0, 0, 0, 0];
      const [x, y] = f.location ?? [NaN, NaN];
      expect(x).toBeGreaterThanOrEqual(x0);
      expect(x).toBeLessThanOrEqual(x1);
      expect(y).toBeGreaterThanOrEqual(y0);
      expect(y).toBeLessThanOrEqual(y1);
      expect(x1).toBeGreaterThan(x0);
    }
  });
});
