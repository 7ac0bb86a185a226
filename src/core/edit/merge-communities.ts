// Merges two communities into one (the union of their areas).
//
// Boundaries drawn by different people rarely share edges exactly: neighbours leave hairline gaps
// and overlaps of a few centimetres. So "touching" is judged within a tolerance (0.5 m by default),
// and before the union, vertices facing the other boundary across a gap narrower than that are
// snapped onto it. Without the snap, a 20 cm gap along a shared street would survive the union as a
// long thin hole, or leave the merged community in two parts. Overlaps need no snap: the union
// swallows them.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { msg } from '../i18n';
import type { Message } from '../model';
import { union } from 'polyclip-ts';
import {
  type AreaGeometry,
  type LocalProjection,
  type Pair,
  type PolygonRings,
  OUTPUT_DECIMALS,
  SLIVER_AREA_M2,
  fromClip,
  geometryBbox,
  localProjection,
  pointInPolygons,
  pointSegmentDistance,
  polygonsOf,
  polygonsToClip,
  roundGeometry,
} from './geometry';

export type MergeResult = { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; reason: Message };

export interface MergeOptions {
  /** Refuse to merge communities that do not touch (default true). */
  requireAdjacent?: boolean;
  /** How far apart two boundaries may be and still count as touching, in metres (default 0.5). */
  toleranceMetres?: number;
  /** Decimals of the output coordinates (default 9). */
  decimals?: number;
}

export const MERGE_REASONS = {
  notTouching: msg('edit.reason.merge.notTouching'),
} as const satisfies Record<string, Message>;

/** Below this a vertex is already on the other boundary; snapping it would only add float noise. */
const ALREADY_ON_M = 1e-6;

/** Boundary segments of a set of polygons, in local metres, indexed for "what is near here". */
class SegmentIndex {
  readonly ax: number[] = [];
  readonly ay: number[] = [];
  readonly bx: number[] = [];
  readonly by: number[] = [];
  readonly index: Flatbush | null;

  constructor(
    polys: PolygonRings[],
    readonly toLocal: (p: Pair) => Pair,
  ) {
    for (const rings of polys) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = toLocal(ring[i] as Pair);
          const b = toLocal(ring[i + 1] as Pair);
          this.ax.push(a[0]);
          this.ay.push(a[1]);
          this.bx.push(b[0]);
          this.by.push(b[1]);
        }
      }
    }
    if (this.ax.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(this.ax.length);
    for (let i = 0; i < this.ax.length; i++) {
      const ax = this.ax[i] as number;
      const ay = this.ay[i] as number;
      const bx = this.bx[i] as number;
      const by = this.by[i] as number;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
    this.index = index;
  }

  /** Segment ids whose bbox lies within `r` metres of the box. */
  near(x0: number, y0: number, x1: number, y1: number, r: number): number[] {
    return this.index ? this.index.search(x0 - r, y0 - r, x1 + r, y1 + r) : [];
  }

  /** The nearest point of the boundary to p within r metres, preferring a vertex, or null. */
  nearestWithin(p: Pair, r: number): { point: Pair; distance: number } | null {
    let best: { point: Pair; distance: number } | null = null;
    const ids = this.near(p[0], p[1], p[0], p[1], r);
    // Snapping to a vertex first keeps vertices shared instead of adding a near-twin beside them.
    for (const i of ids) {
      for (const [vx, vy] of [
        [this.ax[i] as number, this.ay[i] as number],
        [this.bx[i] as number, this.by[i] as number],
      ] as const) {
        const d = Math.hypot(vx - p[0], vy - p[1]);
        if (d <= r && (!best || d < best.distance)) best = { point: [vx, vy], distance: d };
      }
    }
    if (best) return best;
    for (const i of ids) {
      const ax = this.ax[i] as number;
      const ay = this.ay[i] as number;
      const ux = (this.bx[i] as number) - ax;
      const uy = (this.by[i] as number) - ay;
      const len2 = ux * ux + uy * uy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - ax) * ux + (p[1] - ay) * uy) / len2)) : 0;
      const q: Pair = [ax + t * ux, ay + t * uy];
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d <= r && (!best || d < best.distance)) best = { point: q, distance: d };
    }
    return best;
  }
}

function segmentDistance(s: SegmentIndex, i: number, t: SegmentIndex, j: number): number {
  const [ax, ay, bx, by] = [s.ax[i] as number, s.ay[i] as number, s.bx[i] as number, s.by[i] as number];
  const [cx, cy, dx, dy] = [t.ax[j] as number, t.ay[j] as number, t.bx[j] as number, t.by[j] as number];
  const cross = (ox: number, oy: number, px: number, py: number, qx: number, qy: number) =>
    (px - ox) * (qy - oy) - (py - oy) * (qx - ox);
  const d1 = cross(ax, ay, bx, by, cx, cy);
  const d2 = cross(ax, ay, bx, by, dx, dy);
  const d3 = cross(cx, cy, dx, dy, ax, ay);
  const d4 = cross(cx, cy, dx, dy, bx, by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(
    pointSegmentDistance(ax, ay, cx, cy, dx, dy),
    pointSegmentDistance(bx, by, cx, cy, dx, dy),
    pointSegmentDistance(cx, cy, ax, ay, bx, by),
    pointSegmentDistance(dx, dy, ax, ay, bx, by),
  );
}

/**
 * Whether two areas touch: they overlap, one holds the other, or their boundaries come within
 * `toleranceMetres` of each other.
 */
export function areasTouch(a: AreaGeometry, b: AreaGeometry, toleranceMetres = 0.5): boolean {
  const ba = geometryBbox(a);
  const bb = geometryBbox(b);
  const proj = localProjection((ba[0] + ba[2]) / 2, (ba[1] + ba[3]) / 2);
  const [ax0, ay0] = proj.to([ba[0], ba[1]]);
  const [ax1, ay1] = proj.to([ba[2], ba[3]]);
  const [bx0, by0] = proj.to([bb[0], bb[1]]);
  const [bx1, by1] = proj.to([bb[2], bb[3]]);
  const r = toleranceMetres;
  if (ax0 - r > bx1 || bx0 - r > ax1 || ay0 - r > by1 || by0 - r > ay1) return false;
  const pa = polygonsOf(a);
  const pb = polygonsOf(b);
  const sa = new SegmentIndex(pa, proj.to);
  const sb = new SegmentIndex(pb, proj.to);
  for (let i = 0; i < sb.ax.length; i++) {
    const [x0, x1] = [
      Math.min(sb.ax[i] as number, sb.bx[i] as number),
      Math.max(sb.ax[i] as number, sb.bx[i] as number),
    ];
    const [y0, y1] = [
      Math.min(sb.ay[i] as number, sb.by[i] as number),
      Math.max(sb.ay[i] as number, sb.by[i] as number),
    ];
    for (const j of sa.near(x0, y0, x1, y1, r)) if (segmentDistance(sb, i, sa, j) <= r) return true;
  }
  // No boundaries near each other: they still touch if one lies wholly inside the other.
  const firstA = pa[0]?.[0]?.[0];
  const firstB = pb[0]?.[0]?.[0];
  return (
    (!!firstB && pointInPolygons(firstB[0], firstB[1], pa)) || (!!firstA && pointInPolygons(firstA[0], firstA[1], pb))
  );
}

/**
 * Moves vertices of `polys` that lie within r metres of `target`'s boundary onto it, but only across
 * a gap: when the space between the vertex and the boundary is already inside either polygon, or the
 * two boundaries already meet at that point, the vertex is a real corner near a shared edge (a road
 * drawn 40 cm past a corner), and moving it would cut a piece off the community.
 */
function snapAcrossGaps(
  polys: PolygonRings[],
  target: PolygonRings[],
  r: number,
  proj: LocalProjection,
): PolygonRings[] {
  const index = new SegmentIndex(target, proj.to);
  const own = new SegmentIndex(polys, proj.to);
  return polys.map((rings) =>
    rings.map((ring) =>
      ring.map((p): Pair => {
        const hit = index.nearestWithin(proj.to(p), r);
        if (!hit || hit.distance <= ALREADY_ON_M) return p;
        // The other boundary's nearest point is on this boundary too (a shared vertex a few mm
        // from this corner): the two already meet there, there is no gap.
        if (own.nearestWithin(hit.point, ALREADY_ON_M)) return p;
        const q = proj.from(hit.point);
        const mx = (p[0] + q[0]) / 2;
        const my = (p[1] + q[1]) / 2;
        if (pointInPolygons(mx, my, polys) || pointInPolygons(mx, my, target)) return p;
        return q;
      }),
    ),
  );
}

/**
 * Merges two communities into one. When `requireAdjacent` (the default) and they do not touch within
 * the tolerance, returns { ok: false, reason: 'the communities do not touch' }; otherwise the union,
 * a Polygon when the result is in one piece.
 */
export function mergePolygons(a: AreaGeometry, b: AreaGeometry, options: MergeOptions = {}): MergeResult {
  const requireAdjacent = options.requireAdjacent ?? true;
  const tolerance = options.toleranceMetres ?? 0.5;
  const decimals = options.decimals ?? OUTPUT_DECIMALS;
  const touching = areasTouch(a, b, tolerance);
  if (requireAdjacent && !touching) return { ok: false, reason: MERGE_REASONS.notTouching };

  let pa = polygonsOf(a);
  let pb = polygonsOf(b);
  if (touching && tolerance > 0) {
    const ba = geometryBbox(a);
    const proj = localProjection((ba[0] + ba[2]) / 2, (ba[1] + ba[3]) / 2);
    pb = snapAcrossGaps(pb, pa, tolerance, proj);
    // Then the other way, so a vertex of A facing the middle of an edge of B meets it too.
    pa = snapAcrossGaps(pa, pb, tolerance, proj);
  }
  // Holes under a square metre are what is left of a gap between the two, not a hole in the plan.
  const merged = fromClip(union(polygonsToClip(pa), polygonsToClip(pb)), SLIVER_AREA_M2);
  if (!merged) return { ok: false, reason: MERGE_REASONS.notTouching };
  return { ok: true, geometry: roundGeometry(merged, decimals) };
}
