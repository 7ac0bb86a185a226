// Counts household points into a set of areas (communities or grids) and keeps, per area, the
// internal positions of the points inside it. A full count scans the areas' boundaries over the
// household frame's cells: runs of cells between boundary cells are added whole from prefix sums,
// and only points in boundary cells are tested exactly. A reshaped area is recounted alone the
// same way, so an edit's recount costs a small fraction of a full one.
import type { MultiPolygon, Polygon } from 'geojson';
import { buildHouseholdFrame, type HouseholdFrame, type PointSet } from './household-frame';
import { buildPolygonSet, pointInUnit, type PolygonSet } from './polygon-set';
import {
  COMPLEX,
  growInt32,
  lowerBound,
  pointInUnitRows,
  scanBoundaries,
  unitRowsOf,
  WEDGE,
  type BoundaryScan,
} from './boundary-scan';

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
  /** Per internal position: how many areas contain it (0 = unassigned, >1 = overlap; 16 bits). */
  private coverInternal: Uint16Array;
  /** Per internal position: one area containing it, or -1. */
  private firstInternal: Int32Array;
  private originalCover: Uint8Array | null = null;
  private originalFirst: Int32Array | null = null;

  /** Pass a frame to share one household index between several counters. */
  constructor(points: PointSet | HouseholdFrame) {
    this.frame = 'order' in points ? points : buildHouseholdFrame(points);
    this.coverInternal = new Uint16Array(this.frame.count);
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
      // Past 255 areas over one household the byte saturates (it still reads as an overlap).
      for (let k = 0; k < out.length; k++) {
        const c = this.coverInternal[k]!;
        out[order[k]!] = c > 255 ? 255 : c;
      }
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
    const households = new Float64Array(set.count);
    const counts = new Int32Array(set.count);
    const runs = new Triples();
    const hits = new PairBuffer();
    let unassigned = f.totalHouseholds;
    let overlap = 0;
    if (set.count > 0 && f.count > 0) {
      const scan = scanBoundaries(set, f.frame);
      const gaps = walkSpans(scan, f, households, counts, runs);
      const exact = testBoundaryPoints(scan, set, f, gaps.interior, gaps.centreInside, households, counts, hits);
      // Every household lies in a boundary cell or in exactly one gap; a gap claimed by no unit is
      // unassigned, one claimed twice is overlap.
      unassigned =
        f.totalHouseholds - exact.boundaryHouseholds - gaps.gapHouseholds + gaps.repeatedHouseholds + exact.unassigned;
      overlap = gaps.overlap + exact.overlap;
    }
    this.totals = { unassigned, overlap, total: f.totalHouseholds };
    // Per-point cover and member lists are only needed by an edit or the map: built on demand.
    this.pending = { counts, runs, hits };
    this.pointsWritten = false;
    this.members = [];
    this.pointCounts = counts;
    this.households = households;
  }

  /** What the last full count found, until per-point state or member lists are asked for. */
  private pending: { counts: Int32Array; runs: Triples; hits: PairBuffer } | null = null;
  private pointsWritten = true;
  /** Coverage totals from the last full count; null once an edit changed them. */
  private totals: { unassigned: number; overlap: number; total: number } | null = null;
  private pointCounts = new Int32Array(0);

  /** Writes every point's cover and first area from the last full count's runs and hits. */
  private materializePoints(): void {
    if (this.pointsWritten || !this.pending) return;
    this.pointsWritten = true;
    const { runs, hits } = this.pending;
    const cover = this.coverInternal;
    const first = this.firstInternal;
    cover.fill(0);
    first.fill(-1);
    const mark = (p: number, u: number) => {
      cover[p]!++;
      if (first[p] === -1) first[p] = u;
    };
    for (let r = 0; r < runs.length; r++) {
      const u = runs.a[r]!;
      const e = runs.c[r]!;
      for (let p = runs.b[r]!; p < e; p++) mark(p, u);
    }
    for (let i = 0; i < hits.length; i++) mark(hits.a[i]!, hits.b[i]!);
  }

  /** Member lists as one CSR buffer from the last full count, viewed per area. */
  private ensureMembers(): void {
    this.materializePoints();
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const { counts, runs, hits } = pending;
    const n = counts.length;
    const start = new Int32Array(n + 1);
    for (let u = 0; u < n; u++) start[u + 1] = start[u]! + counts[u]!;
    const all = new Int32Array(start[n]!);
    const fill = start.slice(0, n);
    for (let r = 0; r < runs.length; r++) {
      const u = runs.a[r]!;
      const e = runs.c[r]!;
      let at = fill[u]!;
      for (let p = runs.b[r]!; p < e; p++) all[at++] = p;
      fill[u] = at;
    }
    for (let i = 0; i < hits.length; i++) all[fill[hits.b[i]!]!++] = hits.a[i]!;
    const members = new Array<Int32Array>(n);
    for (let u = 0; u < n; u++) members[u] = all.subarray(start[u], start[u + 1]);
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
      cover[p]!++;
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
    if (this.pending) return this.pointCounts[area] ?? 0;
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
   * Internal positions of the points inside one polygon: the runs of cells inside it whole, and the
   * points of its boundary cells that pass an exact test.
   */
  private pointsInside(set: PolygonSet | null): Int32Array {
    if (!set || !(set.bbox[0]! <= set.bbox[2]!) || this.frame.count === 0) return EMPTY;
    const f = this.frame;
    const scan = scanBoundaries(set, f.frame);
    const households = new Float64Array(1);
    const counts = new Int32Array(1);
    const runs = new Triples(64);
    const hits = new PairBuffer(256);
    const gaps = walkSpans(scan, f, households, counts, runs);
    testBoundaryPoints(scan, set, f, gaps.interior, gaps.centreInside, households, counts, hits);
    const out = new Int32Array(counts[0]!);
    let k = 0;
    for (let r = 0; r < runs.length; r++) for (let p = runs.b[r]!, e = runs.c[r]!; p < e; p++) out[k++] = p;
    for (let i = 0; i < hits.length; i++) out[k++] = hits.a[i]!;
    return out;
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

/** Growable (a, b, c) int triples: a run of unit a over internal positions b … c-1. */
class Triples {
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  length = 0;
  constructor(capacity = 4096) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.c = new Int32Array(capacity);
  }
  push(a: number, b: number, c: number): void {
    if (this.length === this.a.length) {
      const n = this.length * 2;
      this.a = growInt32(this.a, n, this.length);
      this.b = growInt32(this.b, n, this.length);
      this.c = growInt32(this.c, n, this.length);
    }
    const i = this.length++;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
  }
}

/** Growable (a, b) int pairs: point a lies in unit b. */
class PairBuffer {
  a: Int32Array;
  b: Int32Array;
  length = 0;
  constructor(capacity = 4096) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }
  /** Room for `extra` more pairs. */
  reserve(extra: number): void {
    if (this.a.length - this.length >= extra) return;
    const n = Math.max(this.a.length * 2, this.length + extra);
    this.a = growInt32(this.a, n, this.length);
    this.b = growInt32(this.b, n, this.length);
  }
}

/**
 * Whether candidates 0 and 1 of a cell run along the same single edge or wedge: 0 when in the same
 * direction, 1 when reversed (left and right then swap), -1 when they differ.
 */
function sameBoundary(
  kind0: number,
  kind1: number,
  ax: Float64Array,
  ay: Float64Array,
  adx: Float64Array,
  ady: Float64Array,
  bx: Float64Array,
  by: Float64Array,
  bdx: Float64Array,
  bdy: Float64Array,
): number {
  if (kind0 !== kind1) return -1;
  // Vertices A → V → B of each (a single edge is A → B with V = A).
  const a0x = ax[0]!;
  const a0y = ay[0]!;
  const b0x = bx[0]! + bdx[0]!;
  const b0y = by[0]! + bdy[0]!;
  const a1x = ax[1]!;
  const a1y = ay[1]!;
  const b1x = bx[1]! + bdx[1]!;
  const b1y = by[1]! + bdy[1]!;
  if (kind0 === WEDGE && (bx[0] !== bx[1] || by[0] !== by[1])) return -1;
  if (a0x === a1x && a0y === a1y && b0x === b1x && b0y === b1y) return 0;
  if (a0x === b1x && a0y === b1y && b0x === a1x && b0y === a1y) return 1;
  return -1;
}

/**
 * Walks every span of the scan through the row's boundary cells. The runs of cells between them
 * ("gaps") are added to the span's unit whole, from the frame's prefix sums. A gap is named by the
 * boundary cell before it in its row (or, at the row's start, by the row), so two units claiming
 * one gap is an overlap, found without looking at its cells. A boundary cell inside a span that
 * the unit's own edges do not touch lies wholly inside the unit: it is added whole too, and
 * counted in `interior` for the exact tests' cover.
 */
function walkSpans(scan: BoundaryScan, f: HouseholdFrame, households: Float64Array, counts: Int32Array, runs: Triples) {
  const { cells, candidateStart, candidates, rowStart, spanStart, spanUnit, spanFrom, spanTo } = scan;
  const { cellStart, cumulative } = f;
  const { nx, ny } = f.frame;
  const nb = cells.length;
  const claims = new Int32Array(nb + ny);
  const interior = new Int32Array(nb);
  // Per candidate: 1 when the boundary cell's centre lies inside the unit (inside one of its spans).
  const centreInside = new Uint8Array(candidates.length);
  let gapHouseholds = 0;
  let repeatedHouseholds = 0;
  let overlap = 0;
  const firstAtOrAfter = lowerBound; // a local: an imported binding can cost a getter per call
  for (let row = 0; row < ny; row++) {
    const ss = spanStart[row]!;
    const se = spanStart[row + 1]!;
    if (ss === se) continue;
    const rowBase = row * nx;
    const rs = rowStart[row]!;
    const re = rowStart[row + 1]!;
    for (let s = ss; s < se; s++) {
      const u = spanUnit[s]!;
      const last = rowBase + spanTo[s]!;
      let at = rowBase + spanFrom[s]!;
      // First boundary cell of the row at or after `at`.
      for (let k = firstAtOrAfter(cells, at, rs, re); ; k++) {
        const boundary = k < re ? cells[k]! : last + 1;
        const end = boundary <= last ? boundary : last + 1;
        if (end > at) {
          const ps = cellStart[at]!;
          const pe = cellStart[end]!;
          if (pe > ps) {
            const h = cumulative[pe]! - cumulative[ps]!;
            households[u]! += h;
            counts[u]! += pe - ps;
            runs.push(u, ps, pe);
            gapHouseholds += h;
            const claim = ++claims[k - 1 >= rs ? k - 1 : nb + row]!;
            if (claim >= 2) {
              repeatedHouseholds += h;
              if (claim === 2) overlap += h;
            }
          }
        }
        if (boundary > last) break;
        let own = false;
        for (let j = candidateStart[k]!; j < candidateStart[k + 1]!; j++)
          if (candidates[j] === u) {
            own = true;
            centreInside[j] = 1;
            break;
          }
        if (!own) {
          interior[k]!++;
          const ps = cellStart[boundary]!;
          const pe = cellStart[boundary + 1]!;
          if (pe > ps) {
            households[u]! += cumulative[pe]! - cumulative[ps]!;
            counts[u]! += pe - ps;
            runs.push(u, ps, pe);
          }
        }
        at = boundary + 1;
      }
    }
  }
  return { interior, centreInside, gapHouseholds, repeatedHouseholds, overlap };
}

/**
 * Tests each point in a boundary cell against each unit whose edges touch the cell. Where one edge
 * of the unit crosses the cell, or two meet at a vertex in it, the boundary splits the cell in two
 * and the cell centre's side is known from the spans: a point on the centre's side shares its
 * answer, so two sign tests decide. Neighbours sharing that boundary share the tests. Points on a
 * line itself, and cells where a unit's boundary is more tangled, get the full even-odd test.
 */
function testBoundaryPoints(
  scan: BoundaryScan,
  set: PolygonSet,
  f: HouseholdFrame,
  interior: Int32Array,
  centreInside: Uint8Array,
  households: Float64Array,
  counts: Int32Array,
  hits: PairBuffer,
) {
  const { cells, candidateStart, candidates, candidateKind, edgeA, edgeB } = scan;
  const coords = set.coords;
  const { cellStart, xy } = f;
  const hw = f.households;
  const { nx, minX, minY, sx, sy } = f.frame;
  // A centre closer to the boundary than a millionth of a cell, or than rounding could blur, is not
  // trusted as the reference. A point within rounding of a line gets the full test, whose answer
  // is the one pointInUnit gives; farther out the sign is exact and both agree.
  const cellTolerance = 1e-6 / Math.max(sx, sy);
  const cellSize = 1 / sx + 1 / sy;
  // Local copies: an imported binding can compile to a getter call, paid per point.
  const complex = COMPLEX;
  const wedge = WEDGE;
  const fullTest = pointInUnitRows;
  const rowsOf = unitRowsOf;
  let boundaryHouseholds = 0;
  let unassigned = 0;
  let overlap = 0;
  // Per candidate of the current cell: usable (0 = full test), two lines (a single edge repeats
  // its line), how they combine (1: either side, 0: both), which region is inside, and how close
  // to a line rounding could blur a sign. Sized once for the most crowded cell.
  let most = 1;
  for (let k = 0; k < cells.length; k++) most = Math.max(most, candidateStart[k + 1]! - candidateStart[k]!);
  const f64 = () => new Float64Array(most);
  const u8 = () => new Uint8Array(most);
  const [ax, ay, adx, ady, bx, by, bdx, bdy, bandA, bandB] = [
    f64(),
    f64(),
    f64(),
    f64(),
    f64(),
    f64(),
    f64(),
    f64(),
    f64(),
    f64(),
  ];
  const [usable, either, want] = [u8(), u8(), u8()];
  let cover = new Int32Array(256);
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k]!;
    const ps = cellStart[cell]!;
    const pe = cellStart[cell + 1]!;
    if (ps === pe) continue;
    const row = (cell / nx) | 0;
    const cs = candidateStart[k]!;
    const ce = candidateStart[k + 1]!;
    const nc = ce - cs;
    const cx = minX + (cell - row * nx + 0.5) / sx;
    const cy = minY + (row + 0.5) / sy;
    // Rounding in a sign test grows with the coordinates' size and the edge's length.
    const magnitude = 1e-14 * (Math.abs(cx) + Math.abs(cy) + cellSize + 1);
    for (let q = 0; q < nc; q++) {
      const j = cs + q;
      const kd = candidateKind[j]!;
      usable[q] = 0;
      if (kd === complex) continue;
      const e = edgeA[j]!;
      const x0 = coords[e * 2]!;
      const y0 = coords[e * 2 + 1]!;
      const dx0 = coords[e * 2 + 2]! - x0;
      const dy0 = coords[e * 2 + 3]! - y0;
      let x1 = x0;
      let y1 = y0;
      let dx1 = dx0;
      let dy1 = dy0;
      let t = 0;
      if (kd === wedge) {
        const g = edgeB[j]!;
        x1 = coords[g * 2]!;
        y1 = coords[g * 2 + 1]!;
        dx1 = coords[g * 2 + 2]! - x1;
        dy1 = coords[g * 2 + 3]! - y1;
        t = dx0 * dy1 - dy0 * dx1;
        if (t === 0) {
          // A spike (the boundary runs back along itself) splits nothing under even-odd.
          if (dx0 * dx1 + dy0 * dy1 <= 0) continue;
          // Straight on: one line.
          x1 = x0;
          y1 = y0;
          dx1 = dx0;
          dy1 = dy0;
        }
      }
      const length0 = Math.abs(dx0) + Math.abs(dy0);
      const length1 = Math.abs(dx1) + Math.abs(dy1);
      if (length0 === 0 || length1 === 0) continue; // a repeated vertex
      const s1 = dx0 * (cy - y0) - dy0 * (cx - x0);
      const s2 = dx1 * (cy - y1) - dy1 * (cx - x1);
      const trust0 = Math.max(cellTolerance, 10 * magnitude) * length0;
      const trust1 = Math.max(cellTolerance, 10 * magnitude) * length1;
      if (Math.abs(s1) <= trust0 || Math.abs(s2) <= trust1) continue;
      bandA[q] = magnitude * length0;
      bandB[q] = magnitude * length1;
      const l1 = s1 > 0 ? 1 : 0;
      const l2 = s2 > 0 ? 1 : 0;
      // Left of a left turn is where both lines say left; left of a right turn, either.
      const any = t < 0 ? 1 : 0;
      const region = (l1 & l2) | ((l1 | l2) & any);
      usable[q] = 1;
      ax[q] = x0;
      ay[q] = y0;
      adx[q] = dx0;
      ady[q] = dy0;
      bx[q] = x1;
      by[q] = y1;
      bdx[q] = dx1;
      bdy[q] = dy1;
      either[q] = any;
      want[q] = region ^ (centreInside[j]! ? 0 : 1);
    }
    const base = interior[k]!;
    const np = pe - ps;
    // Two units sharing one edge or wedge here (neighbours in a tiling): one pair of sign tests
    // per point serves both.
    const flip =
      nc === 2 && usable[0] === 1 && usable[1] === 1
        ? sameBoundary(candidateKind[cs]!, candidateKind[cs + 1]!, ax, ay, adx, ady, bx, by, bdx, bdy)
        : -1;
    if (flip >= 0 || (nc === 1 && usable[0] === 1)) {
      const two = flip >= 0;
      hits.reserve(2 * np);
      const ha = hits.a;
      const hb = hits.b;
      let len = hits.length;
      const u = candidates[cs]!;
      const v = two ? candidates[cs + 1]! : u;
      const wantU = want[0]!;
      // For the neighbour, the same region test; a reversed boundary swaps the regions.
      const wantV = two ? want[1]! ^ flip : 2;
      const x0 = ax[0]!;
      const y0 = ay[0]!;
      const dx0 = adx[0]!;
      const dy0 = ady[0]!;
      const x1 = bx[0]!;
      const y1 = by[0]!;
      const dx1 = bdx[0]!;
      const dy1 = bdy[0]!;
      const any = either[0]!;
      const b0 = bandA[0]!;
      const b1 = bandB[0]!;
      let sumU = 0;
      let sumV = 0;
      let countU = 0;
      let countV = 0;
      for (let p = ps; p < pe; p++) {
        const x = xy[p * 2]!;
        const y = xy[p * 2 + 1]!;
        const s1 = dx0 * (y - y0) - dy0 * (x - x0);
        const s2 = dx1 * (y - y1) - dy1 * (x - x1);
        const l1 = s1 > 0 ? 1 : 0;
        const l2 = s2 > 0 ? 1 : 0;
        const region = (l1 & l2) | ((l1 | l2) & any);
        let iu = region === wantU ? 1 : 0;
        let iv = region === wantV ? 1 : 0;
        if ((s1 < 0 ? -s1 : s1) <= b0 || (s2 < 0 ? -s2 : s2) <= b1) {
          iu = fullTest(coords, rowsOf(scan, set, u), row, x, y) ? 1 : 0;
          iv = two && fullTest(coords, rowsOf(scan, set, v), row, x, y) ? 1 : 0;
        }
        const h = hw[p]!;
        ha[len] = p;
        hb[len] = u;
        len += iu;
        ha[len] = p;
        hb[len] = v;
        len += iv;
        sumU += h * iu;
        sumV += h * iv;
        countU += iu;
        countV += iv;
        const n = base + iu + iv;
        boundaryHouseholds += h;
        if (n !== 1) {
          if (n === 0) unassigned += h;
          else overlap += h;
        }
      }
      hits.length = len;
      households[u]! += sumU;
      counts[u]! += countU;
      if (two) {
        households[v]! += sumV;
        counts[v]! += countV;
      }
      continue;
    }
    // Any other mix: candidate by candidate, with a per-point tally of the units holding it.
    if (np > cover.length) cover = new Int32Array(np * 2);
    cover.fill(base, 0, np);
    for (let q = 0; q < nc; q++) {
      const u = candidates[cs + q]!;
      hits.reserve(np);
      const ha = hits.a;
      const hb = hits.b;
      let len = hits.length;
      let sum = 0;
      let inCount = 0;
      if (usable[q] === 1) {
        const x0 = ax[q]!;
        const y0 = ay[q]!;
        const dx0 = adx[q]!;
        const dy0 = ady[q]!;
        const x1 = bx[q]!;
        const y1 = by[q]!;
        const dx1 = bdx[q]!;
        const dy1 = bdy[q]!;
        const any = either[q]!;
        const w = want[q]!;
        const b0 = bandA[q]!;
        const b1 = bandB[q]!;
        for (let p = ps; p < pe; p++) {
          const x = xy[p * 2]!;
          const y = xy[p * 2 + 1]!;
          const s1 = dx0 * (y - y0) - dy0 * (x - x0);
          const s2 = dx1 * (y - y1) - dy1 * (x - x1);
          const l1 = s1 > 0 ? 1 : 0;
          const l2 = s2 > 0 ? 1 : 0;
          let inside = ((l1 & l2) | ((l1 | l2) & any)) === w ? 1 : 0;
          if ((s1 < 0 ? -s1 : s1) <= b0 || (s2 < 0 ? -s2 : s2) <= b1)
            inside = fullTest(coords, rowsOf(scan, set, u), row, x, y) ? 1 : 0;
          ha[len] = p;
          hb[len] = u;
          len += inside;
          sum += hw[p]! * inside;
          inCount += inside;
          cover[p - ps]! += inside;
        }
      } else {
        const rows = rowsOf(scan, set, u);
        for (let p = ps; p < pe; p++) {
          const inside = fullTest(coords, rows, row, xy[p * 2]!, xy[p * 2 + 1]!) ? 1 : 0;
          ha[len] = p;
          hb[len] = u;
          len += inside;
          sum += hw[p]! * inside;
          inCount += inside;
          cover[p - ps]! += inside;
        }
      }
      hits.length = len;
      households[u]! += sum;
      counts[u]! += inCount;
    }
    for (let p = ps; p < pe; p++) {
      const h = hw[p]!;
      const n = cover[p - ps]!;
      boundaryHouseholds += h;
      if (n === 0) unassigned += h;
      else if (n > 1) overlap += h;
    }
  }
  return { boundaryHouseholds, unassigned, overlap };
}
