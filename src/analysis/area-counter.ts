// Counts household points into a set of areas (communities or grids) and keeps, per area, the
// internal positions of the points inside it. A full count labels the cells of the household
// frame once and adds whole cells at a time; a reshaped area is recounted alone, from a point
// index query over its new extent plus its old member list, so an edit's recount costs a small
// fraction of a full one.
import type { MultiPolygon, Polygon } from 'geojson';
import { buildHouseholdFrame, type HouseholdFrame, type PointSet } from './household-frame';
import { buildPolygonSet, pointInUnit, type PolygonSet } from './polygon-set';
import { buildRasterLabelGrid, MIXED, pointInUnitRow, windowFrame } from './raster-label-grid';

export type { PointSet } from './household-frame';

const EMPTY = new Int32Array(0);

export class AreaCounter {
  readonly frame: HouseholdFrame;
  /** Polygons as of the last full count; areas edited since live in `overrides`. */
  private baseSet: PolygonSet = buildPolygonSet([]);
  private overrides = new Map<number, PolygonSet | null>();
  private count = 0;
  /** Per area: internal positions of the points inside it. */
  private members: Int32Array[] = [];
  /** Per area: households inside. */
  households = new Float64Array(0);
  /** Per internal position: how many areas contain it (0 = unassigned, >1 = overlap). */
  private coverInternal: Uint8Array;
  /** Per internal position: one area containing it, or -1. */
  private firstInternal: Int32Array;
  private originalCover: Uint8Array | null = null;
  private originalFirst: Int32Array | null = null;

  /** Pass a frame to share one household index between several counters. */
  constructor(points: PointSet | HouseholdFrame) {
    this.frame = 'order' in points ? points : buildHouseholdFrame(points);
    this.coverInternal = new Uint8Array(this.frame.count);
    this.firstInternal = new Int32Array(this.frame.count).fill(-1);
  }

  get areaCount(): number {
    return this.count;
  }

  /** Per original point: how many areas contain it. */
  get cover(): Uint8Array {
    this.materializePoints();
    if (!this.originalCover) {
      const out = new Uint8Array(this.frame.count);
      const { order } = this.frame;
      for (let k = 0; k < out.length; k++) out[order[k]!] = this.coverInternal[k]!;
      this.originalCover = out;
    }
    return this.originalCover;
  }

  /** Per original point: one area containing it, or -1. */
  get firstArea(): Int32Array {
    this.materializePoints();
    if (!this.originalFirst) {
      const out = new Int32Array(this.frame.count);
      const { order } = this.frame;
      for (let k = 0; k < out.length; k++) out[order[k]!] = this.firstInternal[k]!;
      this.originalFirst = out;
    }
    return this.originalFirst;
  }

  /** Full recount of every area. */
  setAreas(geometries: readonly (Polygon | MultiPolygon | null)[]): void {
    const set = buildPolygonSet(geometries);
    this.baseSet = set;
    this.overrides.clear();
    this.originalCover = this.originalFirst = null;
    this.count = set.count;
    const f = this.frame;
    const cover = this.coverInternal;
    const first = this.firstInternal;
    const households = new Float64Array(set.count);
    const counts = new Int32Array(set.count);
    const { xy, cellStart, cellHouseholds, occupied } = f;
    const hw = f.households;
    let extraPoints = new Int32Array(256);
    let extraAreas = new Int32Array(256);
    let extras = 0;
    const grid = set.count > 0 && f.count > 0 ? buildRasterLabelGrid(set, f.frame, f) : null;
    const cellLabels = new Int32Array(occupied.length).fill(-1);
    let unassigned = 0;
    let overlap = 0;
    if (!grid) {
      cover.fill(0);
      first.fill(-1);
      unassigned = f.totalHouseholds;
    } else {
      const { label, candidateStart, candidates, edges } = grid;
      // Local aliases: a module-bundled import can compile to a property getter, paid per point.
      const mixed = MIXED;
      const inRow = pointInUnitRow;
      const coords = set.coords;
      const nx = f.frame.nx;
      for (let k = 0; k < occupied.length; k++) {
        const c = occupied[k]!;
        const s = cellStart[c]!;
        const e = cellStart[c + 1]!;
        const l = label[c]!;
        // Whole cells are only tallied here; their points' cover and first area are written
        // later, and only if an edit or the map asks for them (materializePoints).
        cellLabels[k] = l;
        if (l >= 0) {
          households[l]! += cellHouseholds[c]!;
          counts[l]! += e - s;
        } else if (l > mixed) {
          unassigned += cellHouseholds[c]!;
        } else {
          const m = mixed - l;
          const cs = candidateStart[m]!;
          const ce = candidateStart[m + 1]!;
          const row = (c / nx) | 0;
          for (let p = s; p < e; p++) {
            const x = xy[p * 2]!;
            const y = xy[p * 2 + 1]!;
            let n = 0;
            first[p] = -1;
            for (let j = cs; j < ce; j++) {
              const u = candidates[j]!;
              if (!inRow(coords, edges, u, row, x, y)) continue;
              counts[u]!++;
              households[u]! += hw[p]!;
              if (n === 0) first[p] = u;
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
              n++;
            }
            cover[p] = n > 255 ? 255 : n;
            if (n === 0) unassigned += hw[p]!;
            else if (n > 1) overlap += hw[p]!;
          }
        }
      }
    }
    this.pendingPoints = grid ? cellLabels : null;
    this.totals = { unassigned, overlap, total: f.totalHouseholds };
    // Member lists are only needed by an edit; build them when the first one comes.
    this.pendingMembers = { counts, extraPoints: extraPoints.subarray(0, extras), extraAreas: extraAreas.subarray(0, extras) };
    this.members = [];
    this.pointCounts = counts;
    this.households = households;
  }

  private pendingMembers: { counts: Int32Array; extraPoints: Int32Array; extraAreas: Int32Array } | null = null;
  /** Labels of the occupied cells from the last full count, until their points are written. */
  private pendingPoints: Int32Array | null = null;
  /** Coverage totals from the last full count; null once an edit changed them. */
  private totals: { unassigned: number; overlap: number; total: number } | null = null;

  /** Writes cover and first area for the points of whole cells of the last full count. */
  private materializePoints(): void {
    const labels = this.pendingPoints;
    if (!labels) return;
    this.pendingPoints = null;
    const { occupied, cellStart } = this.frame;
    const cover = this.coverInternal;
    const first = this.firstInternal;
    for (let k = 0; k < occupied.length; k++) {
      const l = labels[k]!;
      if (l <= MIXED) continue; // mixed cells' points were written during the count
      const c = occupied[k]!;
      const e = cellStart[c + 1]!;
      const v = l >= 0 ? 1 : 0;
      for (let p = cellStart[c]!; p < e; p++) {
        cover[p] = v;
        first[p] = l;
      }
    }
  }
  private pointCounts = new Int32Array(0);

  /** Member lists as one CSR buffer from the last full count, viewed per area. */
  private ensureMembers(): void {
    this.materializePoints();
    const pending = this.pendingMembers;
    if (!pending) return;
    this.pendingMembers = null;
    const { counts, extraPoints, extraAreas } = pending;
    const n = counts.length;
    const start = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) start[u + 1] = start[u]! + counts[u]!;
    const all = new Int32Array(start[n]!);
    const fill = start.slice(0, n);
    const first = this.firstInternal;
    for (let p = 0; p < first.length; p++) {
      const u = first[p]!;
      if (u >= 0) all[fill[u]!++] = p;
    }
    for (let i = 0; i < extraPoints.length; i++) all[fill[extraAreas[i]!]!++] = extraPoints[i]!;
    const members: Int32Array[] = new Array(n);
    for (let u = 0; u < n; u++) members[u] = all.subarray(start[u]!, start[u + 1]!);
    // Areas appended or updated since the full count keep their own lists.
    for (let u = 0; u < this.members.length; u++) if (this.members[u]) members[u] = this.members[u]!;
    this.members = members;
  }

  /** Recount one area after its geometry changed (or became null, i.e. deleted). */
  updateArea(area: number, geometry: Polygon | MultiPolygon | null): void {
    this.ensureMembers();
    this.totals = null;
    this.originalCover = this.originalFirst = null;
    const old = this.members[area] ?? EMPTY;
    const hw = this.frame.households;
    const cover = this.coverInternal;
    const first = this.firstInternal;
    for (let i = 0; i < old.length; i++) {
      const p = old[i]!;
      cover[p]!--;
      if (first[p] === area) first[p] = -1;
    }
    const set = geometry ? buildPolygonSet([geometry]) : null;
    this.overrides.set(area, set);
    const inside = this.pointsInside(set);
    let total = 0;
    for (let i = 0; i < inside.length; i++) {
      const p = inside[i]!;
      total += hw[p]!;
      if (cover[p]! < 255) cover[p]!++;
      if (first[p] === -1) first[p] = area;
    }
    // A point that left this area but still lies in another needs its first area found again.
    for (let i = 0; i < old.length; i++) {
      const p = old[i]!;
      if (first[p] === -1 && cover[p]! > 0) first[p] = this.findArea(p);
    }
    this.members[area] = inside;
    this.households[area] = total;
    if (area < this.pointCounts.length) this.pointCounts[area] = inside.length;
  }

  /** Append a new area and count it. Returns its index. */
  addArea(geometry: Polygon | MultiPolygon | null): number {
    this.ensureMembers();
    const index = this.count++;
    this.members.push(EMPTY);
    const h = new Float64Array(this.count);
    h.set(this.households);
    this.households = h;
    this.updateArea(index, geometry);
    return index;
  }

  /**
   * The area's internal member list. Its identity changes exactly when the area is recounted, so
   * callers can cache anything derived from the members.
   */
  memberList(area: number): Int32Array {
    this.ensureMembers();
    return this.members[area] ?? EMPTY;
  }

  /** Original point indices inside an area. */
  membersOf(area: number): Int32Array {
    this.ensureMembers();
    const m = this.members[area] ?? EMPTY;
    const out = new Int32Array(m.length);
    for (let i = 0; i < m.length; i++) out[i] = this.frame.order[m[i]!]!;
    return out;
  }

  pointCount(area: number): number {
    if (this.pendingMembers) return this.pointCounts[area] ?? 0;
    return this.members[area]?.length ?? 0;
  }

  /** Households in no area and households in more than one. */
  coverageTotals(): { unassigned: number; overlap: number; total: number } {
    if (this.totals) return { ...this.totals };
    let unassigned = 0;
    let overlap = 0;
    const hw = this.frame.households;
    const cover = this.coverInternal;
    for (let p = 0; p < cover.length; p++) {
      const c = cover[p]!;
      if (c === 1) continue;
      if (c === 0) unassigned += hw[p]!;
      else overlap += hw[p]!;
    }
    return { unassigned, overlap, total: this.frame.totalHouseholds };
  }

  /**
   * Internal positions of the points inside one polygon: its own label grid over the window of the
   * household frame it covers, so whole cells inside are taken at once and only points in cells on
   * its boundary are tested.
   */
  private pointsInside(set: PolygonSet | null): Int32Array {
    if (!set || !(set.bbox[0]! <= set.bbox[2]!) || this.frame.count === 0) return EMPTY;
    const f = this.frame;
    const win = windowFrame(f.frame, set.bbox[0]!, set.bbox[1]!, set.bbox[2]!, set.bbox[3]!);
    if (!win) return EMPTY;
    const grid = buildRasterLabelGrid(set, win.window);
    const { label, edges } = grid;
    const { nx: wnx, ny: wny } = win.window;
    const { cellStart, xy } = f;
    const nx = f.frame.nx;
    const coords = set.coords;
    const inRow = pointInUnitRow;
    let out = new Int32Array(1024);
    let k = 0;
    const push = (p: number) => {
      if (k === out.length) {
        const grown = new Int32Array(k * 2);
        grown.set(out);
        out = grown;
      }
      out[k++] = p;
    };
    for (let r = 0; r < wny; r++) {
      const rowBase = (win.row0 + r) * nx + win.col0;
      for (let c = 0; c < wnx; c++) {
        const cell = rowBase + c;
        const s = cellStart[cell]!;
        const e = cellStart[cell + 1]!;
        if (s === e) continue;
        const l = label[r * wnx + c]!;
        if (l === 0) for (let p = s; p < e; p++) push(p);
        else if (l <= MIXED) for (let p = s; p < e; p++) if (inRow(coords, edges, 0, r, xy[p * 2]!, xy[p * 2 + 1]!)) push(p);
      }
    }
    return out.slice(0, k);
  }

  private inArea(u: number, x: number, y: number): boolean {
    if (this.overrides.has(u)) {
      const s = this.overrides.get(u);
      return s ? pointInUnit(s, 0, x, y) : false;
    }
    return u < this.baseSet.count && pointInUnit(this.baseSet, u, x, y);
  }

  private findArea(p: number): number {
    const x = this.frame.xy[p * 2]!;
    const y = this.frame.xy[p * 2 + 1]!;
    for (let u = 0; u < this.count; u++) if (this.inArea(u, x, y)) return u;
    return -1;
  }
}
