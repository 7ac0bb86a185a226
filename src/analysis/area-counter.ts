// Counts household points into a set of areas (communities or grids) and keeps, per area, the
// list of points inside it. The full count goes through a raster label grid in one tight loop; a
// reshaped area is recounted alone, from a point index query over its new extent plus its old
// member list, which is what keeps an edit's recount a small fraction of a full one.
import KDBush from 'kdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { buildPolygonSet, pointInUnit, type PolygonSet } from './polygon-set';
import { buildRasterLabelGrid } from './raster-label-grid';

export interface PointSet {
  coordinates: Float64Array;
  households: Float64Array;
}

/** A static index over household points, built once per household layer and reused by every recount. */
export function buildPointIndex(points: PointSet): KDBush {
  const n = points.coordinates.length >> 1;
  const index = new KDBush(n, 64, Float64Array);
  for (let i = 0; i < n; i++) index.add(points.coordinates[i * 2]!, points.coordinates[i * 2 + 1]!);
  index.finish();
  return index;
}

const EMPTY = new Int32Array(0);

export class AreaCounter {
  readonly points: PointSet;
  private pointIndex: KDBush | null;
  /** Polygons as of the last full count; areas edited since live in `overrides`. */
  private baseSet: PolygonSet = buildPolygonSet([]);
  private overrides = new Map<number, PolygonSet | null>();
  private count = 0;
  /** Per area: indices of the points inside it, ascending. */
  private members: Int32Array[] = [];
  /** Per area: households inside. */
  households = new Float64Array(0);
  /** Per point: how many areas contain it (0 = unassigned, >1 = overlap). */
  readonly cover: Uint8Array;
  /** Per point: one area containing it, or -1. */
  readonly firstArea: Int32Array;

  constructor(points: PointSet, pointIndex: KDBush | null = null) {
    this.points = points;
    this.pointIndex = pointIndex;
    const n = points.coordinates.length >> 1;
    this.cover = new Uint8Array(n);
    this.firstArea = new Int32Array(n).fill(-1);
  }

  get areaCount(): number {
    return this.count;
  }

  /** Full recount of every area. */
  setAreas(geometries: readonly (Polygon | MultiPolygon | null)[]): void {
    const set = buildPolygonSet(geometries);
    this.baseSet = set;
    this.overrides.clear();
    this.count = set.count;
    const n = this.cover.length;
    const cover = this.cover;
    const firstArea = this.firstArea;
    cover.fill(0);
    firstArea.fill(-1);
    const households = new Float64Array(set.count);
    const counts = new Int32Array(set.count);
    const hw = this.points.households;
    const xy = this.points.coordinates;
    // Points in a second (or third…) area: rare, kept as pairs.
    let extraPoints = new Int32Array(256);
    let extraAreas = new Int32Array(256);
    let extras = 0;
    const grid = buildRasterLabelGrid(set, chooseResolution(n));
    if (grid) {
      const { minX, minY, sx, sy, nx, ny, label, candidateStart, candidates } = grid;
      for (let p = 0; p < n; p++) {
        const x = xy[p * 2]!;
        const y = xy[p * 2 + 1]!;
        const col = Math.floor((x - minX) * sx);
        const row = Math.floor((y - minY) * sy);
        let l: number;
        let cell = -1;
        if (col >= 0 && row >= 0 && col < nx && row < ny) {
          cell = row * nx + col;
          l = label[cell]!;
        } else l = col === nx || row === ny ? -3 : -1; // on the far edge: test exactly
        if (l >= 0) {
          counts[l]!++;
          households[l]! += hw[p]!;
          cover[p] = 1;
          firstArea[p] = l;
        } else if (l !== -1) {
          const from = l === -2 ? candidateStart[cell]! : 0;
          const to = l === -2 ? candidateStart[cell + 1]! : set.count;
          for (let k = from; k < to; k++) {
            const u = l === -2 ? candidates[k]! : k;
            if (!pointInUnit(set, u, x, y)) continue;
            counts[u]!++;
            households[u]! += hw[p]!;
            if (cover[p] === 0) firstArea[p] = u;
            else {
              if (extras === extraPoints.length) {
                const a = new Int32Array(extras * 2);
                a.set(extraPoints);
                extraPoints = a;
                const b = new Int32Array(extras * 2);
                b.set(extraAreas);
                extraAreas = b;
              }
              extraPoints[extras] = p;
              extraAreas[extras++] = u;
            }
            if (cover[p]! < 255) cover[p]!++;
          }
        }
      }
    }
    // Member lists as one CSR buffer, sliced per area (views, no copies).
    const start = new Int32Array(set.count + 1);
    for (let u = 0; u < set.count; u++) start[u + 1] = start[u]! + counts[u]!;
    const all = new Int32Array(start[set.count]!);
    const fill = start.slice(0, set.count);
    for (let p = 0; p < n; p++) {
      const u = firstArea[p]!;
      if (u >= 0) all[fill[u]!++] = p;
    }
    for (let i = 0; i < extras; i++) all[fill[extraAreas[i]!]!++] = extraPoints[i]!;
    const members: Int32Array[] = new Array(set.count);
    for (let u = 0; u < set.count; u++) {
      const m = all.subarray(start[u]!, start[u + 1]!);
      members[u] = m;
    }
    // Overlap points were appended after the ordered pass; keep each list ascending.
    if (extras > 0) for (let i = 0; i < extras; i++) members[extraAreas[i]!]!.sort();
    this.members = members;
    this.households = households;
  }

  /** Recount one area after its geometry changed (or became null, i.e. deleted). */
  updateArea(area: number, geometry: Polygon | MultiPolygon | null): void {
    const old = this.members[area] ?? EMPTY;
    const hw = this.points.households;
    const cover = this.cover;
    const firstArea = this.firstArea;
    for (let i = 0; i < old.length; i++) {
      const p = old[i]!;
      cover[p]!--;
      if (firstArea[p] === area) firstArea[p] = -1;
    }
    const set = geometry ? buildPolygonSet([geometry]) : null;
    this.overrides.set(area, set);
    const inside = this.pointsInside(set);
    let total = 0;
    for (let i = 0; i < inside.length; i++) {
      const p = inside[i]!;
      total += hw[p]!;
      if (cover[p]! < 255) cover[p]!++;
      if (firstArea[p] === -1) firstArea[p] = area;
    }
    // A point that left this area but still lies in another needs its firstArea found again.
    for (let i = 0; i < old.length; i++) {
      const p = old[i]!;
      if (firstArea[p] === -1 && cover[p]! > 0) firstArea[p] = this.findArea(p);
    }
    this.members[area] = inside;
    this.households[area] = total;
  }

  /** Append a new area and count it. Returns its index. */
  addArea(geometry: Polygon | MultiPolygon | null): number {
    const index = this.count++;
    this.members.push(EMPTY);
    const h = new Float64Array(this.count);
    h.set(this.households);
    this.households = h;
    this.updateArea(index, geometry);
    return index;
  }

  membersOf(area: number): Int32Array {
    return this.members[area] ?? EMPTY;
  }

  pointCount(area: number): number {
    return this.members[area]?.length ?? 0;
  }

  /** Households in no area and households in more than one. */
  coverageTotals(): { unassigned: number; overlap: number; total: number } {
    let unassigned = 0;
    let overlap = 0;
    let total = 0;
    const hw = this.points.households;
    for (let p = 0; p < this.cover.length; p++) {
      const h = hw[p]!;
      total += h;
      if (this.cover[p] === 0) unassigned += h;
      else if (this.cover[p]! > 1) overlap += h;
    }
    return { unassigned, overlap, total };
  }

  private index(): KDBush {
    if (!this.pointIndex) this.pointIndex = buildPointIndex(this.points);
    return this.pointIndex;
  }

  private pointsInside(set: PolygonSet | null): Int32Array {
    if (!set || !(set.bbox[0]! <= set.bbox[2]!)) return EMPTY;
    const candidates = this.index().range(set.bbox[0]!, set.bbox[1]!, set.bbox[2]!, set.bbox[3]!);
    const out = new Int32Array(candidates.length);
    let k = 0;
    const c = this.points.coordinates;
    for (let i = 0; i < candidates.length; i++) {
      const p = candidates[i]!;
      if (pointInUnit(set, 0, c[p * 2]!, c[p * 2 + 1]!)) out[k++] = p;
    }
    return out.subarray(0, k).sort();
  }

  private inArea(u: number, x: number, y: number): boolean {
    if (this.overrides.has(u)) {
      const s = this.overrides.get(u);
      return s ? pointInUnit(s, 0, x, y) : false;
    }
    return u < this.baseSet.count && pointInUnit(this.baseSet, u, x, y);
  }

  private findArea(p: number): number {
    const x = this.points.coordinates[p * 2]!;
    const y = this.points.coordinates[p * 2 + 1]!;
    for (let u = 0; u < this.count; u++) if (this.inArea(u, x, y)) return u;
    return -1;
  }
}

/** Finer grids pay off only with many points; small plans use a small grid. */
function chooseResolution(points: number): number {
  if (points > 200_000) return 1024;
  if (points > 20_000) return 512;
  return 256;
}
