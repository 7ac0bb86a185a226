// Quick answers, in plain floating point, to the two questions the topology check asks of most pairs:
// "do these neighbouring communities overlap?" (almost always no) and "is this grid inside its
// community?" (almost always yes). polyclip-ts answers exactly but slowly (it works in BigNumber:
// about 1 ms for two rectangles, 15–50 ms for real boundaries of a few hundred vertices), so it is
// kept for the pairs these tests cannot settle.
//
// The tests look at boundaries only. Each edge is cut where a vertex of the other boundary touches
// it; every piece between cuts then lies wholly inside, wholly outside or along the other boundary,
// and its midpoint says which. With no proper crossings, that settles the relation, except when a
// whole part runs along the other boundary (two identical polygons, or a grid exactly filling a
// hole), which is left to polyclip.
import Flatbush from 'flatbush';
import type { LocalProjection, Pair, PolygonRings } from './geometry';

/** Closer than this (metres) is "on" the other boundary: 1 mm over 300 m is 0.3 m², under the sliver limit. */
const ON_M = 0.001;

/** One area's boundary in local metres, with its segments indexed. */
export interface PlanarBoundary {
  /** Segment ends as ax, ay, bx, by per segment. */
  readonly seg: Float64Array;
  /** For each polygon part, its first and one-past-last segment. */
  readonly parts: [number, number][];
  readonly index: Flatbush | null;
  readonly maxX: number;
}

export function planarBoundary(polys: PolygonRings[], proj: LocalProjection): PlanarBoundary {
  const coords: number[] = [];
  const parts: [number, number][] = [];
  let maxX = -Infinity;
  for (const rings of polys) {
    const start = coords.length / 4;
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = proj.to(ring[i] as Pair);
        const [bx, by] = proj.to(ring[i + 1] as Pair);
        if (ax === bx && ay === by) continue;
        coords.push(ax, ay, bx, by);
        maxX = Math.max(maxX, ax, bx);
      }
    }
    parts.push([start, coords.length / 4]);
  }
  const seg = Float64Array.from(coords);
  const n = seg.length / 4;
  let index: Flatbush | null = null;
  if (n > 0) {
    index = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      const [ax, ay, bx, by] = [
        seg[4 * i] as number,
        seg[4 * i + 1] as number,
        seg[4 * i + 2] as number,
        seg[4 * i + 3] as number,
      ];
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
  }
  return { seg, parts, index, maxX };
}

function distanceToSegment(px: number, py: number, s: Float64Array, i: number): number {
  const ax = s[4 * i] as number;
  const ay = s[4 * i + 1] as number;
  const ux = (s[4 * i + 2] as number) - ax;
  const uy = (s[4 * i + 3] as number) - ay;
  const len2 = ux * ux + uy * uy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * ux + (py - ay) * uy) / len2)) : 0;
  return Math.hypot(px - ax - t * ux, py - ay - t * uy);
}

function onBoundary(px: number, py: number, b: PlanarBoundary): boolean {
  if (!b.index) return false;
  for (const i of b.index.search(px - ON_M, py - ON_M, px + ON_M, py + ON_M)) {
    if (distanceToSegment(px, py, b.seg, i) <= ON_M) return true;
  }
  return false;
}

/** Even-odd count of boundary segments crossed by a ray to the east (only those the index finds on it). */
function inside(px: number, py: number, b: PlanarBoundary): boolean {
  if (!b.index) return false;
  let odd = false;
  for (const i of b.index.search(px, py, b.maxX + 1, py)) {
    const ax = b.seg[4 * i] as number;
    const ay = b.seg[4 * i + 1] as number;
    const bx = b.seg[4 * i + 2] as number;
    const by = b.seg[4 * i + 3] as number;
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) odd = !odd;
  }
  return odd;
}

/** Signed distance of p from the line through a→b (positive on the left), zero when within ON_M. */
function side(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  const len = Math.hypot(bx - ax, by - ay);
  const d = ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / len;
  return Math.abs(d) <= ON_M ? 0 : Math.sign(d);
}

interface BoundaryClass {
  /** Some edge crosses an edge of the other boundary (not just touching it). */
  crosses: boolean;
  /** Some stretch of this boundary runs strictly inside the other area. */
  inside: boolean;
  /** Some stretch of this boundary runs strictly outside the other area. */
  outside: boolean;
  /** Some part's whole boundary lies along the other boundary. */
  coincident: boolean;
}

/** Where `subject`'s boundary runs relative to `other`'s area. */
function classify(subject: PlanarBoundary, other: PlanarBoundary): BoundaryClass {
  const result: BoundaryClass = { crosses: false, inside: false, outside: false, coincident: false };
  const s = subject.seg;
  const o = other.seg;
  for (const [from, to] of subject.parts) {
    let allOn = true;
    for (let i = from; i < to; i++) {
      const ax = s[4 * i] as number;
      const ay = s[4 * i + 1] as number;
      const bx = s[4 * i + 2] as number;
      const by = s[4 * i + 3] as number;
      const ux = bx - ax;
      const uy = by - ay;
      const len2 = ux * ux + uy * uy;
      const cuts = [0, 1];
      const near = other.index
        ? other.index.search(
            Math.min(ax, bx) - ON_M,
            Math.min(ay, by) - ON_M,
            Math.max(ax, bx) + ON_M,
            Math.max(ay, by) + ON_M,
          )
        : [];
      for (const j of near) {
        const cx = o[4 * j] as number;
        const cy = o[4 * j + 1] as number;
        const dx = o[4 * j + 2] as number;
        const dy = o[4 * j + 3] as number;
        const d1 = side(ax, ay, bx, by, cx, cy);
        const d2 = side(ax, ay, bx, by, dx, dy);
        const d3 = side(cx, cy, dx, dy, ax, ay);
        const d4 = side(cx, cy, dx, dy, bx, by);
        if (d1 * d2 < 0 && d3 * d4 < 0) result.crosses = true;
        // The other boundary's vertices that touch this edge cut it into pieces.
        for (const [vx, vy] of [
          [cx, cy],
          [dx, dy],
        ] as const) {
          const t = ((vx - ax) * ux + (vy - ay) * uy) / len2;
          if (t > 0 && t < 1 && Math.hypot(ax + t * ux - vx, ay + t * uy - vy) <= ON_M) cuts.push(t);
        }
      }
      if (result.crosses) return result;
      cuts.sort((p, q) => p - q);
      for (let k = 0; k + 1 < cuts.length; k++) {
        const t0 = cuts[k] as number;
        const t1 = cuts[k + 1] as number;
        if ((t1 - t0) * Math.sqrt(len2) <= ON_M) continue;
        const mx = ax + ((t0 + t1) / 2) * ux;
        const my = ay + ((t0 + t1) / 2) * uy;
        if (onBoundary(mx, my, other)) continue;
        allOn = false;
        if (inside(mx, my, other)) result.inside = true;
        else result.outside = true;
      }
    }
    if (allOn) result.coincident = true;
  }
  return result;
}

/** True when the two areas certainly do not overlap (beyond a millimetre); false means "ask polyclip". */
export function certainlyDisjoint(a: PlanarBoundary, b: PlanarBoundary): boolean {
  const ca = classify(a, b);
  if (ca.crosses || ca.inside || ca.coincident) return false;
  const cb = classify(b, a);
  return !(cb.inside || cb.coincident);
}

/** True when `inner` certainly lies within `outer` (to a millimetre); false means "ask polyclip". */
export function certainlyWithin(inner: PlanarBoundary, outer: PlanarBoundary): boolean {
  const ci = classify(inner, outer);
  if (ci.crosses || ci.outside || ci.coincident) return false;
  return !classify(outer, inner).inside;
}
