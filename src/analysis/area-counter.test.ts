import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaCounter } from './area-counter';
import { buildHouseholdFrame } from './household-frame';
import { pointInUnit, buildPolygonSet } from './polygon-set';
import { seededRandom as rng } from '../core/seeded-random';

/** An irregular star-shaped polygon around (cx, cy), optionally with a hole. */
function blob(rand: () => number, cx: number, cy: number, r: number, n: number, hole = false): Polygon {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const rr = r * (0.5 + rand() * 0.6);
    ring.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  ring.push(ring[0]!);
  const rings = [ring];
  if (hole) {
    const h: [number, number][] = [];
    for (let i = 0; i < 6; i++) {
      const a = -(i / 6) * Math.PI * 2;
      h.push([cx + Math.cos(a) * r * 0.2, cy + Math.sin(a) * r * 0.2]);
    }
    h.push(h[0]!);
    rings.push(h);
  }
  return { type: 'Polygon', coordinates: rings };
}

/** Brute force: test every point against every polygon with a plain ray cast. */
function bruteForce(polys: Polygon[], coords: Float64Array, hh: Float64Array) {
  const per = new Float64Array(polys.length);
  let unassigned = 0;
  let overlap = 0;
  const n = coords.length / 2;
  for (let p = 0; p < n; p++) {
    let c = 0;
    for (let u = 0; u < polys.length; u++) {
      let inside = false;
      for (const ring of polys[u]!.coordinates) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!;
          const [xj, yj] = ring[j]!;
          if (
            yi! > coords[p * 2 + 1]! !== yj! > coords[p * 2 + 1]! &&
            coords[p * 2]! < ((xj! - xi!) * (coords[p * 2 + 1]! - yi!)) / (yj! - yi!) + xi!
          )
            inside = !inside;
        }
      }
      if (inside) {
        per[u]! += hh[p]!;
        c++;
      }
    }
    if (c === 0) unassigned += hh[p]!;
    if (c > 1) overlap += hh[p]!;
  }
  return { per, unassigned, overlap };
}

function randomPlan(seed: number, polyCount: number, pointCount: number) {
  const rand = rng(seed);
  const polys: Polygon[] = [];
  for (let i = 0; i < polyCount; i++)
    polys.push(
      blob(
        rand,
        121.4 + rand() * 0.1,
        31.2 + rand() * 0.1,
        0.005 + rand() * 0.02,
        8 + Math.floor(rand() * 40),
        i % 5 === 0,
      ),
    );
  const coords = new Float64Array(pointCount * 2);
  const hh = new Float64Array(pointCount);
  for (let p = 0; p < pointCount; p++) {
    coords[p * 2] = 121.39 + rand() * 0.12;
    coords[p * 2 + 1] = 31.19 + rand() * 0.12;
    hh[p] = 1 + Math.floor(rand() * 500);
  }
  return { polys, coords, hh, rand };
}

describe('AreaCounter', () => {
  it.each([1, 2, 3, 4])('matches a brute-force count on random overlapping polygons (seed %i)', (seed) => {
    const { polys, coords, hh } = randomPlan(seed, 40, 30_000);
    const counter = new AreaCounter({ coordinates: coords, households: hh });
    counter.setAreas(polys);
    const expected = bruteForce(polys, coords, hh);
    expect(Array.from(counter.households)).toEqual(Array.from(expected.per));
    const totals = counter.coverageTotals();
    expect(totals.unassigned).toBe(expected.unassigned);
    expect(totals.overlap).toBe(expected.overlap);
  });

  it('recounts one reshaped area incrementally to the same result as a full recount', () => {
    const { polys, coords, hh, rand } = randomPlan(7, 30, 20_000);
    const counter = new AreaCounter({ coordinates: coords, households: hh });
    counter.setAreas(polys);
    for (let k = 0; k < 10; k++) {
      const u = Math.floor(rand() * polys.length);
      polys[u] = blob(rand, 121.4 + rand() * 0.1, 31.2 + rand() * 0.1, 0.01 + rand() * 0.02, 20);
      counter.updateArea(u, polys[u]);
    }
    const full = new AreaCounter({ coordinates: coords, households: hh });
    full.setAreas(polys);
    expect(Array.from(counter.households)).toEqual(Array.from(full.households));
    expect(Array.from(counter.cover)).toEqual(Array.from(full.cover));
    for (let p = 0; p < coords.length / 2; p++) {
      const a = counter.firstArea[p]!;
      if (a >= 0) expect(pointInUnit(buildPolygonSet([polys[a]!]), 0, coords[p * 2]!, coords[p * 2 + 1]!)).toBe(true);
      else expect(counter.cover[p]).toBe(0);
    }
  });

  it('counts nothing for an empty plan and everything as unassigned', () => {
    const counter = new AreaCounter({ coordinates: new Float64Array([121, 31]), households: new Float64Array([5]) });
    counter.setAreas([]);
    expect(counter.coverageTotals()).toEqual({ unassigned: 5, overlap: 0, total: 5 });
  });

  it('handles an area deleted (null geometry)', () => {
    const { polys, coords, hh } = randomPlan(9, 10, 5_000);
    const counter = new AreaCounter({ coordinates: coords, households: hh });
    counter.setAreas(polys);
    counter.updateArea(3, null);
    expect(counter.households[3]).toBe(0);
    const rest = polys.map((p, i) => (i === 3 ? null : p));
    const full = new AreaCounter({ coordinates: coords, households: hh });
    full.setAreas(rest);
    expect(Array.from(counter.cover)).toEqual(Array.from(full.cover));
  });

  /** A tiling of jittered lattice cells whose shared edges carry the same vertices on both sides. */
  function tiling(rand: () => number, cols: number, rows: number, grid: number | null) {
    const snap = (v: number) => (grid ? Math.round(v * grid) / grid : v);
    const corner: [number, number][][] = [];
    for (let i = 0; i <= cols; i++) {
      corner.push([]);
      for (let j = 0; j <= rows; j++) {
        const edge = i === 0 || j === 0 || i === cols || j === rows;
        corner[i]!.push([
          snap(121.4 + i * 0.01 + (edge ? 0 : (rand() - 0.5) * 0.004)),
          snap(31.2 + j * 0.01 + (edge ? 0 : (rand() - 0.5) * 0.004)),
        ]);
      }
    }
    const lines = new Map<string, [number, number][]>();
    const line = (a: [number, number], b: [number, number], key: string) => {
      let l = lines.get(key);
      if (!l) {
        l = [a];
        const n = 1 + Math.floor(rand() * 6);
        for (let k = 1; k < n; k++)
          l.push([
            snap(a[0] + ((b[0] - a[0]) * k) / n + (rand() - 0.5) * 0.001),
            snap(a[1] + ((b[1] - a[1]) * k) / n + (rand() - 0.5) * 0.001),
          ]);
        l.push(b);
        lines.set(key, l);
      }
      return l;
    };
    const polys: Polygon[] = [];
    for (let i = 0; i < cols; i++)
      for (let j = 0; j < rows; j++) {
        const bottom = line(corner[i]![j]!, corner[i + 1]![j]!, `h${i},${j}`);
        const right = line(corner[i + 1]![j]!, corner[i + 1]![j + 1]!, `v${i + 1},${j}`);
        const top = line(corner[i]![j + 1]!, corner[i + 1]![j + 1]!, `h${i},${j + 1}`)
          .slice()
          .reverse();
        const left = line(corner[i]![j]!, corner[i]![j + 1]!, `v${i},${j}`)
          .slice()
          .reverse();
        polys.push({
          type: 'Polygon',
          coordinates: [[...bottom, ...right.slice(1), ...top.slice(1), ...left.slice(1)]],
        });
      }
    return polys;
  }

  it.each([16, 64, 256, 1024])(
    'matches a brute-force count on a tiling of shared edges, at %i cells across',
    (resolution) => {
      const rand = rng(resolution);
      const polys = tiling(rand, 8, 6, null);
      const n = 40_000;
      const coords = new Float64Array(n * 2);
      const hh = new Float64Array(n);
      for (let p = 0; p < n; p++) {
        // Clustered, like compounds, and some outside the tiling.
        const c = Math.floor(p / 200);
        const r = rng(c * 7 + 1);
        const cx = 121.395 + r() * 0.09;
        const cy = 31.195 + r() * 0.07;
        coords[p * 2] = cx + (rand() - 0.5) * 0.004;
        coords[p * 2 + 1] = cy + (rand() - 0.5) * 0.004;
        hh[p] = 1 + Math.floor(rand() * 3);
      }
      const counter = new AreaCounter(buildHouseholdFrame({ coordinates: coords, households: hh }, resolution));
      counter.setAreas(polys);
      const expected = bruteForce(polys, coords, hh);
      expect(Array.from(counter.households)).toEqual(Array.from(expected.per));
      expect(counter.coverageTotals()).toEqual({
        unassigned: expected.unassigned,
        overlap: expected.overlap,
        total: hh.reduce((a, b) => a + b, 0),
      });
      // Members and per-point cover agree with the count.
      for (let u = 0; u < polys.length; u += 7) expect(counter.membersOf(u).length).toBe(counter.pointCount(u));
      // An edit recounts one area alone to what a full count gives.
      const moved = polys.slice();
      moved[10] = blob(rand, 121.43, 31.22, 0.012, 25, true);
      counter.updateArea(10, moved[10]);
      const again = bruteForce(moved, coords, hh);
      expect(Array.from(counter.households)).toEqual(Array.from(again.per));
      expect(counter.coverageTotals().overlap).toBe(again.overlap);
    },
  );

  it('agrees with the plain ray cast for points exactly on edges, vertices and cell centres', () => {
    // Vertices and points on a binary grid: every cross product is exact, so points on a line
    // really are on it and must take the full test's answer.
    const rand = rng(5);
    const polys = tiling(rand, 5, 4, 4096);
    polys.push(blob(rand, 121.425, 31.215, 0.01, 12, true)); // overlapping the tiling, with a hole
    polys[polys.length - 1] = {
      type: 'Polygon',
      coordinates: polys[polys.length - 1]!.coordinates.map((ring) =>
        ring.map(([x, y]) => [Math.round(x! * 4096) / 4096, Math.round(y! * 4096) / 4096]),
      ),
    };
    const pts: number[] = [];
    for (const poly of polys)
      for (const ring of poly.coordinates)
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x0, y0] = ring[i]!;
          const [x1, y1] = ring[i + 1]!;
          pts.push(x0!, y0!, (x0! + x1!) / 2, (y0! + y1!) / 2, x0! + (x1! - x0!) / 4, y0! + (y1! - y0!) / 4);
        }
    for (let i = 0; i < 20_000; i++)
      pts.push(Math.round((121.395 + rand() * 0.06) * 8192) / 8192, Math.round((31.195 + rand() * 0.05) * 8192) / 8192);
    const coords = new Float64Array(pts);
    const hh = new Float64Array(coords.length / 2).fill(1);
    for (const resolution of [32, 100, 512]) {
      const counter = new AreaCounter(buildHouseholdFrame({ coordinates: coords, households: hh }, resolution));
      counter.setAreas(polys);
      const expected = bruteForce(polys, coords, hh);
      expect(Array.from(counter.households)).toEqual(Array.from(expected.per));
      const totals = counter.coverageTotals();
      expect([totals.unassigned, totals.overlap]).toEqual([expected.unassigned, expected.overlap]);
    }
  });

  it('counts multipolygons, areas wholly outside the households and empty areas like brute force', () => {
    const rand = rng(11);
    const { coords, hh } = randomPlan(12, 0, 30_000);
    const parts = (cx: number, cy: number): MultiPolygon => ({
      type: 'MultiPolygon',
      coordinates: [
        blob(rand, cx, cy, 0.008, 16, true).coordinates,
        blob(rand, cx + 0.03, cy + 0.01, 0.006, 9).coordinates,
      ],
    });
    const areas: (Polygon | MultiPolygon | null)[] = [
      parts(121.42, 31.22),
      parts(121.45, 31.27),
      blob(rand, 122.5, 30.1, 0.01, 12), // far outside every household
      null,
      blob(rand, 121.5, 31.3, 0.03, 30), // straddling the households' edge
      { type: 'Polygon', coordinates: [] },
    ];
    const asPolygons = (g: Polygon | MultiPolygon | null): Polygon => ({
      type: 'Polygon',
      coordinates: !g ? [] : g.type === 'Polygon' ? g.coordinates : g.coordinates.flat(),
    });
    for (const resolution of [64, 512]) {
      const counter = new AreaCounter(buildHouseholdFrame({ coordinates: coords, households: hh }, resolution));
      counter.setAreas(areas);
      const expected = bruteForce(areas.map(asPolygons), coords, hh);
      expect(Array.from(counter.households)).toEqual(Array.from(expected.per));
      expect(counter.coverageTotals().unassigned).toBe(expected.unassigned);
      // The same areas one by one, as edits.
      const edited = new AreaCounter(buildHouseholdFrame({ coordinates: coords, households: hh }, resolution));
      edited.setAreas(areas.map(() => null));
      areas.forEach((g, i) => edited.updateArea(i, g));
      expect(Array.from(edited.households)).toEqual(Array.from(expected.per));
      expect(Array.from(edited.cover)).toEqual(Array.from(counter.cover));
    }
  });
});
