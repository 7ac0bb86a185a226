import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { AreaCounter } from './area-counter';
import { pointInUnit, buildPolygonSet } from './polygon-set';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

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
          if (yi! > coords[p * 2 + 1]! !== yj! > coords[p * 2 + 1]! &&
            coords[p * 2]! < ((xj! - xi!) * (coords[p * 2 + 1]! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
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
    polys.push(blob(rand, 121.4 + rand() * 0.1, 31.2 + rand() * 0.1, 0.005 + rand() * 0.02, 8 + Math.floor(rand() * 40), i % 5 === 0));
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
      counter.updateArea(u, polys[u]!);
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
});
