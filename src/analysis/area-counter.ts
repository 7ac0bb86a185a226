// Counts household points into a set of areas (communities or grids) and keeps, per area, the
// list of points inside it. The full count goes through a raster label grid; a reshaped area is
// recounted alone, from a point index query over its old and new extent, which is what keeps an
// edit's recount a small fraction of a full one.
import KDBush from 'kdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { buildPolygonSet, pointInUnit, type PolygonSet } from './polygon-set';
import { buildRasterLabelGrid, labelPoints } from './raster-label-grid';

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

export class AreaCounter {
  readonly points: PointSet;
  private pointIndex: KDBush | null;
  private geometries: (Polygon | MultiPolygon | null)[] = [];
  /** Per area: indices of the points inside it. */
  private members: Int32Array[] = [];
  /** Per area: households inside. */
  households = new Float64Array(0);
  /** Per point: how many areas contain it (0 = unassigned, >1 = overlap). */
  readonly cover: Uint8Array;
  /** Per point: one area containing it, or -1. Exact when cover ≤ 1. */
  readonly firstArea: Int32Array;

  constructor(points: PointSet, pointIndex: KDBush | null = null) {
    this.points = points;
    this.pointIndex = pointIndex;
    const n = points.coordinates.length >> 1;
    this.cover = new Uint8Array(n);
    this.firstArea = new Int32Array(n).fill(-1);
  }

  get areaCount(): number {
    return this.geometries.length;
  }

  /** Full recount of every area. */
  setAreas(geometries: readonly (Polygon | MultiPolygon | null)[]): void {
    this.geometries = geometries.slice();
    const n = this.cover.length;
    this.cover.fill(0);
    this.firstArea.fill(-1);
    const set = buildPolygonSet(this.geometries);
    const counts = new Int32Array(set.count);
    const grid = buildRasterLabelGrid(set, chooseResolution(n));
    const hw = this.points.households;
    const households = new Float64Array(set.count);
    if (grid) {
      // Two passes over hits would double the point-in-polygon work; instead record hits once
      // into a flat list, then split it per area.
      let hitPoints = new Int32Array(Math.max(16, n + (n >> 2)));
      let hitAreas = new Int32Array(hitPoints.length);
      let hits = 0;
      labelPoints(grid, set, this.points.coordinates, (p, u) => {
        if (hits === hitPoints.length) {
          const a = new Int32Array(hits * 2);
          a.set(hitPoints);
          hitPoints = a;
          const b = new Int32Array(hits * 2);
          b.set(hitAreas);
          hitAreas = b;
        }
        hitPoints[hits] = p;
        hitAreas[hits++] = u;
        counts[u]!++;
        households[u]! += hw[p]!;
        if (this.cover[p]! < 255) this.cover[p]!++;
        if (this.firstArea[p] === -1) this.firstArea[p] = u;
      });
      const members = Array.from({ length: set.count }, (_, u) => new Int32Array(counts[u]!));
      const fill = new Int32Array(set.count);
      for (let i = 0; i < hits; i++) {
        const u = hitAreas[i]!;
        members[u]![fill[u]!++] = hitPoints[i]!;
      }
      this.members = members;
    } else {
      this.members = Array.from({ length: set.count }, () => new Int32Array(0));
    }
    this.households = households;
  }

  /** Recount one area after its geometry changed (or became null, i.e. deleted). */
  updateArea(area: number, geometry: Polygon | MultiPolygon | null): void {
    const old = this.members[area] ?? new Int32Array(0);
    const hw = this.points.households;
    for (let i = 0; i < old.length; i++) {
      const p = old[i]!;
      this.cover[p]!--;
      if (this.firstArea[p] === area) this.firstArea[p] = -1;
    }
    this.geometries[area] = geometry;
    const inside = this.pointsInside(geometry);
    let total = 0;
    for (let i = 0; i < inside.length; i++) {
      const p = inside[i]!;
      total += hw[p]!;
      if (this.cover[p]! < 255) this.cover[p]!++;
      if (this.firstArea[p] === -1) this.firstArea[p] = area;
    }
    // Points that lost this area but remain in another need their firstArea repaired.
    for (let i = 0; i < old.length; i++) {
      const p = old[i]!;
      if (this.firstArea[p] === -1 && this.cover[p]! > 0) this.firstArea[p] = this.findArea(p);
    }
    this.members[area] = inside;
    this.households[area] = total;
  }

  /** Append a new area and count it. Returns its index. */
  addArea(geometry: Polygon | MultiPolygon | null): number {
    const index = this.geometries.length;
    this.geometries.push(null);
    this.members.push(new Int32Array(0));
    const h = new Float64Array(index + 1);
    h.set(this.households);
    this.households = h;
    this.updateArea(index, geometry);
    return index;
  }

  membersOf(area: number): Int32Array {
    return this.members[area] ?? new Int32Array(0);
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

  private pointsInside(geometry: Polygon | MultiPolygon | null): Int32Array {
    if (!geometry) return new Int32Array(0);
    const set: PolygonSet = buildPolygonSet([geometry]);
    if (!(set.bbox[0]! <= set.bbox[2]!)) return new Int32Array(0);
    const candidates = this.index().range(set.bbox[0]!, set.bbox[1]!, set.bbox[2]!, set.bbox[3]!);
    const out: number[] = [];
    const c = this.points.coordinates;
    for (const p of candidates) if (pointInUnit(set, 0, c[p * 2]!, c[p * 2 + 1]!)) out.push(p);
    out.sort((a, b) => a - b);
    return Int32Array.from(out);
  }

  private findArea(p: number): number {
    const x = this.points.coordinates[p * 2]!;
    const y = this.points.coordinates[p * 2 + 1]!;
    for (let u = 0; u < this.geometries.length; u++) {
      const g = this.geometries[u];
      if (g && pointInUnit(buildPolygonSet([g]), 0, x, y)) return u;
    }
    return -1;
  }
}

/** Finer grids pay off only with many points; small plans use a small grid. */
function chooseResolution(points: number): number {
  if (points > 200_000) return 1024;
  if (points > 20_000) return 512;
  return 256;
}
