// Differential tests of the household count against a brute-force even-odd ray cast (the same
// formula as pointInUnit): seeded random plans full of the awkward cases real editing produces —
// shared and reversed edges, spikes, repeated and collinear vertices, holes, multipolygons, areas
// far larger than the households or outside them, every household at one spot, coordinates on a
// binary grid (so points really lie on edges and vertices) near 0° and far from it, and frames
// from 1 to 256 cells across — then edits on top. Plus the minimal cases a review found.
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaCounter } from './area-counter';
import { buildHouseholdFrame } from './household-frame';
import { seededRandom } from '../core/seeded-random';

type Geom = Polygon | MultiPolygon | null;

const rng = seededRandom;

const ringsOf = (g: Geom): number[][][] => (!g ? [] : (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat());

function inside(g: Geom, x: number, y: number): boolean {
  let ins = false;
  for (const ring of ringsOf(g))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) ins = !ins;
    }
  return ins;
}

function brute(gs: Geom[], coords: Float64Array, hh: Float64Array) {
  const per = new Float64Array(gs.length);
  const cover = new Uint8Array(hh.length);
  const members: number[][] = gs.map(() => []);
  let unassigned = 0;
  let overlap = 0;
  for (let p = 0; p < hh.length; p++) {
    let c = 0;
    for (let u = 0; u < gs.length; u++)
      if (inside(gs[u]!, coords[p * 2]!, coords[p * 2 + 1]!)) {
        per[u]! += hh[p]!;
        members[u]!.push(p);
        c++;
      }
    cover[p] = Math.min(c, 255);
    if (c === 0) unassigned += hh[p]!;
    if (c > 1) overlap += hh[p]!;
  }
  return { per, cover, members, unassigned, overlap };
}

/** A random plan on a binary grid of step 1/q around (bx, by). */
function scenario(seed: number, bx: number, by: number, q: number) {
  const r = rng(seed);
  const ri = (n: number) => Math.floor(r() * n);
  const span = 4 + ri(60);
  const gx = () => bx + (ri(span + 1) - (r() < 0.1 ? ri(span) : 0)) / q;
  const gy = () => by + (ri(span + 1) - (r() < 0.1 ? ri(span) : 0)) / q;
  const n = 1 + ri(r() < 0.1 ? 3 : 300);
  const pts: number[] = [];
  const same = r() < 0.05;
  const [sx, sy] = [gx(), gy()];
  for (let i = 0; i < n; i++) {
    if (same) pts.push(sx, sy);
    else if (r() < 0.5) pts.push(bx + ri(span + 1) / q, by + ri(span + 1) / q);
    else pts.push(bx + ri(4 * span + 1) / 4 / q, by + ri(4 * span + 1) / 4 / q);
  }
  const coords = new Float64Array(pts);
  const hh = new Float64Array(n).map(() => 1 + ri(5));
  const pool: number[][] = [];
  const vertex = () => {
    if (pool.length && r() < 0.4) return pool[ri(pool.length)]!.slice();
    const v = [gx(), gy()];
    pool.push(v);
    return v;
  };
  const ring = (): number[][] => {
    const kind = ri(6);
    let v: number[][];
    if (kind === 0) {
      const [x0, x1, y0, y1] = [gx(), gx(), gy(), gy()];
      v = [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ];
    } else if (kind === 1) {
      v = [
        [bx - 5, by - 5],
        [bx + 5 + r(), by - 5],
        [bx + 5, by + 5],
        [bx - 5, by + 5 + r()],
      ];
      if (r() < 0.5) v.reverse();
    } else if (kind === 2)
      v = [
        [bx + 3, by + 3],
        [bx + 3.5, by + 3],
        [bx + 3, by + 3.5],
      ];
    else v = Array.from({ length: 3 + ri(8) }, vertex);
    if (r() < 0.2) {
      const k = ri(v.length);
      v.splice(k, 0, v[k]!.slice()); // a repeated vertex
    }
    if (r() < 0.15) {
      const k = ri(v.length);
      v.splice(k + 1, 0, [gx(), gy()], v[k]!.slice()); // a spike out and back
    }
    if (r() < 0.1) {
      const k = ri(v.length);
      const a = v[k]!;
      const b = v[(k + 1) % v.length]!;
      v.splice(k + 1, 0, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]); // a collinear vertex
    }
    v.push(v[0]!.slice());
    return v;
  };
  const gs: Geom[] = [];
  for (let u = 1 + ri(6); u > 0; u--) {
    const t = r();
    if (t < 0.05) gs.push(null);
    else if (t < 0.08) gs.push({ type: 'Polygon', coordinates: [] });
    else if (t < 0.3)
      gs.push({ type: 'MultiPolygon', coordinates: [[ring(), ...(r() < 0.5 ? [ring()] : [])], [ring()]] });
    else gs.push({ type: 'Polygon', coordinates: [ring(), ...(r() < 0.3 ? [ring()] : [])] });
  }
  if (r() < 0.3 && gs[0]) {
    // A neighbour along exactly the same edges, the other way round.
    const g = gs[0];
    const rev = (rs: number[][][]) => rs.map((x) => x.slice().reverse());
    gs.push(
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: rev(g.coordinates) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map(rev) },
    );
  }
  const resolution = [1, 2, 3, 4, 5, 7, 8, 16, 33, 64, 256][ri(11)]!;
  return { coords, hh, gs, resolution, r };
}

function expectSame(label: string, c: AreaCounter, gs: Geom[], coords: Float64Array, hh: Float64Array) {
  const b = brute(gs, coords, hh);
  expect(Array.from(c.households), `${label}: households`).toEqual(Array.from(b.per));
  const t = c.coverageTotals();
  expect([t.unassigned, t.overlap], `${label}: unassigned, overlap`).toEqual([b.unassigned, b.overlap]);
  expect(Array.from(c.cover), `${label}: cover`).toEqual(Array.from(b.cover));
  gs.forEach((_, u) =>
    expect(
      Array.from(c.membersOf(u)).sort((x, y) => x - y),
      `${label}: members of ${u}`,
    ).toEqual(b.members[u]),
  );
}

describe('AreaCounter against brute force on awkward plans', () => {
  it.each([
    [121, 31, 64],
    [0, 0, 4096],
    [-73.5, -40.25, 256],
  ])('matches on 400 random plans around (%f, %f), grid 1/%i, with edits', (bx, by, q) => {
    for (let seed = 0; seed < 400; seed++) {
      const { coords, hh, gs, resolution, r } = scenario(seed, bx, by, q);
      const frame = buildHouseholdFrame({ coordinates: coords, households: hh }, resolution);
      const c = new AreaCounter(frame);
      c.setAreas(gs);
      expectSame(`seed ${seed}`, c, gs, coords, hh);
      const current = gs.slice();
      for (let k = 0; k < 2; k++) {
        const g = scenario(seed * 7919 + k + 1_000_000, bx, by, q).gs[0] ?? null;
        if (r() < 0.3) {
          c.addArea(g);
          current.push(g);
        } else {
          const u = Math.floor(r() * current.length);
          c.updateArea(u, g);
          current[u] = g;
        }
        expectSame(`seed ${seed}, edit ${k}`, c, current, coords, hh);
      }
    }
  });

  const count = (ring: number[][], points: number[][], resolution?: number) => {
    const coords = new Float64Array(points.flat());
    const hh = new Float64Array(points.length).fill(1);
    const c = new AreaCounter(buildHouseholdFrame({ coordinates: coords, households: hh }, resolution));
    const g: Polygon = { type: 'Polygon', coordinates: [ring] };
    c.setAreas([g]);
    return { got: Array.from(c.cover), want: Array.from(brute([g], coords, hh).cover) };
  };

  it('a spike (an edge running back along the one before) splits nothing', () => {
    const { got, want } = count(
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [2.5, 4],
        [2.5, 7],
        [2.5, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [0, 0],
        [4, 8],
        [2.625, 6.5],
      ],
      4,
    );
    expect(got).toEqual(want);
  });

  it('a household on a vertex near longitude 0 gets the same answer as pointInUnit', () => {
    const { got, want } = count(
      [
        [0.003879, 31.259854],
        [-0.006714, 31.270755],
        [-0.012001, 31.253439],
        [0.003879, 31.259854],
      ],
      [
        [-0.012001, 31.253439],
        [-0.05, 31.2],
        [0.05, 31.3],
      ],
    );
    expect(got).toEqual(want);
  });

  it('a household within rounding of a slanted edge gets the full test', () => {
    const { got, want } = count(
      [
        [121.47751790373354, 31.20027357211802],
        [121.47506017500287, 31.208212222390266],
        [121.45471322656519, 31.209499333211124],
        [121.47751790373354, 31.20027357211802],
      ],
      [
        [121.47690955714184, 31.202238577765534],
        [121.4, 31.1],
        [121.5, 31.3],
      ],
    );
    expect(got).toEqual(want);
  });

  it('an edge ending exactly where the walk is clipped does not round into the next cell', () => {
    const { got, want } = count(
      [
        [0.0010001000011000002, 0.0058342274537628025],
        [0.007000100007700002, 0.003533690981505121],
        [0.010000100011000001, 0.005067381963010242],
        [0.0010001000011000002, 0.0058342274537628025],
      ],
      [
        [1e-7, 0.002],
        [0.0100001, 0.00506738195894286],
        [0.006000100006600001, 0.003533690981505121],
      ],
      5,
    );
    expect(got).toEqual(want);
  });

  it('an edge ending exactly on a cell corner does not walk on past its end', () => {
    const { got, want } = count(
      [
        [0.007500100008250001, 0.0063682021010087065],
        [0.0034376000037812503, 0.010424389766231076],
        [0.006250100006875001, 0.008240288715726723],
        [0.007500100008250001, 0.0063682021010087065],
      ],
      [
        [1e-7, 0.002],
        [0.0100001, 0.010112375321332365],
        [0.007656350008421876, 0.005900180447329202],
      ],
      16,
    );
    expect(got).toEqual(want);
  });

  it('a frame a billionth of a degree wide (one household) still trusts no rounded centre', () => {
    const { got, want } = count(
      [
        [121.49999999990196, 31.250000000001954],
        [121.50000000055806, 31.25000000000196],
        [121.50000000055806, 31.25000000050196],
        [121.49999999990196, 31.250000000501952],
        [121.49999999990196, 31.250000000001954],
      ],
      [[121.5, 31.25]],
    );
    expect(got).toEqual(want);
  });

  it('300 overlapping areas over one household count it in all of them', () => {
    const coords = new Float64Array([121.4, 31.2, 121.5, 31.3, 121.45, 31.25]);
    const hh = new Float64Array([1, 1, 1]);
    const c = new AreaCounter({ coordinates: coords, households: hh });
    const square = (d: number): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [121.44 - d, 31.24 - d],
          [121.46 + d, 31.24 - d],
          [121.46 + d, 31.26 + d],
          [121.44 - d, 31.26 + d],
          [121.44 - d, 31.24 - d],
        ],
      ],
    });
    c.setAreas(Array.from({ length: 300 }, (_, i) => square(i * 1e-6)));
    expect(c.coverageTotals()).toEqual({ unassigned: 2, overlap: 1, total: 3 });
    expect(c.cover[2]).toBe(255);
    c.updateArea(0, null);
    expect(c.households[0]).toBe(0);
    expect(c.coverageTotals().overlap).toBe(1);
  });
});
