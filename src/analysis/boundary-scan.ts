// The boundary scan of a set of polygons over a fixed grid of cells: which cells a boundary passes
// through (with the units whose edges touch each of them), and, per unit and grid row, the spans of
// cells whose centres lie inside the unit. A cell between two boundary cells of a row is touched by
// no edge, so it lies wholly inside or wholly outside every unit: households there are counted a
// whole run of cells at a time from prefix sums, and only points in boundary cells are tested one
// by one. The cost grows with the length of the boundaries, not with the number of households or
// of cells, which is what makes a full recount of a million households take a few milliseconds.
import type { PolygonSet } from './polygon-set';

export interface GridFrame {
  minX: number;
  minY: number;
  /** Cells per degree. */
  sx: number;
  sy: number;
  nx: number;
  ny: number;
}

/** A frame of roughly square cells over a bounding box, `resolution` cells along the longer side. */
export function gridFrame(minX: number, minY: number, maxX: number, maxY: number, resolution: number): GridFrame {
  // Pad so points on the far edge fall inside the last cell.
  const w = Math.max(maxX - minX, 1e-9) * (1 + 1e-9) + 1e-12;
  const h = Math.max(maxY - minY, 1e-9) * (1 + 1e-9) + 1e-12;
  const cell = Math.max(w, h) / resolution;
  const nx = Math.max(1, Math.ceil(w / cell));
  const ny = Math.max(1, Math.ceil(h / cell));
  return { minX, minY, sx: nx / w, sy: ny / h, nx, ny };
}

/** One unit's edges bucketed by the frame rows they overlap, for full even-odd tests. */
export interface UnitRows {
  rowFrom: number;
  rows: number;
  /** Edges overlapping row rowFrom + r are edgeIndex[slotStart[r] … slotStart[r+1]-1] (first vertex). */
  slotStart: Int32Array;
  edgeIndex: Int32Array;
}

/**
 * Even-odd test of (x, y) against a unit using only the edges of `row`: a horizontal ray from the
 * point can only cross edges whose y-range holds y, and those all overlap the point's row.
 */
export function pointInUnitRows(coords: Float64Array, unit: UnitRows, row: number, x: number, y: number): boolean {
  const slot = row - unit.rowFrom;
  if (slot < 0 || slot >= unit.rows) return false;
  let inside = false;
  const end = unit.slotStart[slot + 1]!;
  const edgeIndex = unit.edgeIndex;
  for (let k = unit.slotStart[slot]!; k < end; k++) {
    const i = edgeIndex[k]!;
    const yi = coords[i * 2 + 1]!;
    const yj = coords[i * 2 + 3]!;
    if (yi > y !== yj > y) {
      const xi = coords[i * 2]!;
      const xj = coords[i * 2 + 2]!;
      // Interpolated from the edge's far end, exactly as pointInUnit (which walks each ring from
      // the previous vertex to the current one) does, so points on a vertex get the same answer.
      if (x < ((xi - xj) * (y - yj)) / (yi - yj) + xj) inside = !inside;
    }
  }
  return inside;
}

export const COMPLEX = 0;
export const SINGLE_EDGE = 1;
export const WEDGE = 2;
/** A touch by more edges than the walk could name. */
const COMPLEX_TOUCH = -2147483648;

export interface BoundaryScan {
  frame: GridFrame;
  /** Cells crossed or touched by at least one edge, ascending by cell index (row-major). */
  cells: Int32Array;
  /** Units whose edges touch boundary cell k: candidates[candidateStart[k] … candidateStart[k+1]-1]. */
  candidateStart: Int32Array;
  candidates: Int32Array;
  /**
   * Per candidate, how the unit's boundary runs through the cell: SINGLE_EDGE (edge edgeA, the
   * index of its first vertex), WEDGE (edge edgeA into a vertex in the cell, edgeB out of it) or
   * COMPLEX (0). A single edge or a wedge splits the cell in two, so one or two sign tests,
   * compared with the cell centre's known side, replace a point-in-polygon test.
   */
  candidateKind: Uint8Array;
  edgeA: Int32Array;
  edgeB: Int32Array;
  /** Boundary cells of row r are cells[rowStart[r] … rowStart[r+1]-1]. */
  rowStart: Int32Array;
  /**
   * Spans of row r are s = spanStart[r] … spanStart[r+1]-1: cells spanFrom[s] … spanTo[s] of the
   * row have their centres inside unit spanUnit[s].
   */
  spanStart: Int32Array;
  spanUnit: Int32Array;
  spanFrom: Int32Array;
  spanTo: Int32Array;
  /** Per unit, its edges bucketed by row for full tests: built when a test first needs them. */
  unitRows: (UnitRows | undefined)[];
}

/** A copy of the first `keep` values of `a` in a new array of `length`. */
export function growInt32(a: Int32Array, length: number, keep: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a.subarray(0, keep));
  return b;
}

/**
 * Scratch buffers reused by every scan: a full recount would otherwise allocate (and zero) a few
 * megabytes of typed arrays each time. A scan's arrays are views of them, valid until the next
 * scan; every caller consumes its scan before starting another.
 */
class Pool {
  private int32s = new Map<string, Int32Array>();
  private uint8s = new Map<string, Uint8Array>();
  int32(key: string, n: number, zero = false): Int32Array {
    let b = this.int32s.get(key);
    if (!b || b.length < n) {
      b = new Int32Array(Math.max(n, Math.floor((b?.length ?? 0) * 1.5)));
      this.int32s.set(key, b);
    } else if (zero) b.fill(0, 0, n);
    return b.subarray(0, n);
  }
  /** The whole buffer under `key`, at least n long (contents left as they were). */
  int32All(key: string, n: number): Int32Array {
    const b = this.int32s.get(key);
    if (b && b.length >= n) return b;
    return this.int32(key, n);
  }
  uint8(key: string, n: number): Uint8Array {
    let b = this.uint8s.get(key);
    if (!b || b.length < n) {
      b = new Uint8Array(Math.max(n, Math.floor((b?.length ?? 0) * 1.5)));
      this.uint8s.set(key, b);
    } else b.fill(0, 0, n);
    return b.subarray(0, n);
  }
}
const pool = new Pool();

/** A growable list of (cell, unit, edge) triples. */
class TouchList {
  cell = new Int32Array(4096);
  unit = new Int32Array(4096);
  edge = new Int32Array(4096);
  length = 0;
  /** Room for `extra` more touches. */
  reserve(extra: number): void {
    if (this.length + extra <= this.cell.length) return;
    const n = Math.max(this.cell.length * 2, this.length + extra);
    this.cell = growInt32(this.cell, n, this.length);
    this.unit = growInt32(this.unit, n, this.length);
    this.edge = growInt32(this.edge, n, this.length);
  }
}

const sharedTouches = new TouchList();

/** Stable sort of pairs by their first value (0 ≤ key ≤ maxKey): LSD radix, or insertion when few. */
function sortPairs(
  keys: Int32Array,
  values: Int32Array,
  n: number,
  maxKey: number,
): { keys: Int32Array; values: Int32Array } {
  if (n <= 64) {
    const k = keys.slice(0, n);
    const v = values.slice(0, n);
    for (let i = 1; i < n; i++) {
      const key = k[i]!;
      const val = v[i]!;
      let j = i;
      while (j > 0 && k[j - 1]! > key) {
        k[j] = k[j - 1]!;
        v[j] = v[j - 1]!;
        j--;
      }
      k[j] = key;
      v[j] = val;
    }
    return { keys: k, values: v };
  }
  const bits = Math.max(1, 32 - Math.clz32(maxKey));
  const passes = Math.ceil(bits / 11);
  const digit = Math.ceil(bits / passes);
  const buckets = 1 << digit;
  const mask = buckets - 1;
  const count = pool.int32('radix', buckets, true);
  let srcK: Int32Array = keys;
  let srcV: Int32Array = values;
  let dstK: Int32Array = pool.int32('sortK1', n);
  let dstV: Int32Array = pool.int32('sortV1', n);
  for (let pass = 0, shift = 0; pass < passes; pass++, shift += digit) {
    if (pass > 0) count.fill(0);
    for (let i = 0; i < n; i++) count[(srcK[i]! >>> shift) & mask]!++;
    for (let d = 0, sum = 0; d < buckets; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = srcK[i]!;
      const at = count[(key >>> shift) & mask]!++;
      dstK[at] = key;
      dstV[at] = srcV[i]!;
    }
    if (pass === 0) {
      // Never write into the caller's buffers: the second pass gets fresh ones.
      srcK = dstK;
      srcV = dstV;
      dstK = pool.int32('sortK2', n);
      dstV = pool.int32('sortV2', n);
    } else {
      const tk = srcK;
      const tv = srcV;
      srcK = dstK;
      srcV = dstV;
      dstK = tk;
      dstV = tv;
    }
  }
  return { keys: srcK, values: srcV };
}

/**
 * Scans every unit of `set` over `frame`: the cells each edge passes through (a supercover walk,
 * clipped to the frame) and, per row, the crossings of the unit's edges with the row's centre
 * line, paired into spans. Edges outside the frame only make border cells boundary cells (exact
 * tests), never a wrong count.
 */
export function scanBoundaries(set: PolygonSet, frame: GridFrame): BoundaryScan {
  const { minX, minY, sx, sy, nx, ny } = frame;
  const c = set.coords;
  const touches = sharedTouches;
  touches.length = 0;
  const walker = new SegmentWalker(nx, ny);
  let spanUnit = pool.int32All('rawSpanUnit', 4096);
  let spanRow = pool.int32All('rawSpanRow', 4096);
  let spanFrom = pool.int32All('rawSpanFrom', 4096);
  let spanTo = pool.int32All('rawSpanTo', 4096);
  let spanCount = 0;
  // Per-row crossing lists, reused across units: rowCount[r] crossings at rowX[r * cap …].
  let cap = 8;
  let rowX = new Float64Array(ny * cap);
  const rowCount = pool.int32('rowCount', ny);

  for (let u = 0; u < set.count; u++) {
    if (!(set.bbox[u * 4]! <= set.bbox[u * 4 + 2]!)) continue; // empty unit
    const rowFrom = Math.max(0, Math.floor((set.bbox[u * 4 + 1]! - minY) * sy));
    const rowTo = Math.min(ny - 1, Math.floor((set.bbox[u * 4 + 3]! - minY) * sy));
    for (let row = rowFrom; row <= rowTo; row++) rowCount[row] = 0;
    for (let r = set.unitRingStart[u]!; r < set.unitRingStart[u + 1]!; r++) {
      const start = set.ringStart[r]!;
      const end = set.ringStart[r + 1]!;
      for (let i = start; i < end - 1; i++) {
        const x0 = (c[i * 2]! - minX) * sx;
        const y0 = (c[i * 2 + 1]! - minY) * sy;
        const x1 = (c[i * 2 + 2]! - minX) * sx;
        const y1 = (c[i * 2 + 3]! - minY) * sy;
        // 1. Every cell the edge passes through is a boundary cell of u.
        // The walk of an edge starts in the cell where the previous edge's walk ended: that
        // vertex cell is touched by edges i-1 and i, recorded once as -(i + 2).
        walker.walk(x0, y0, x1, y1, touches, u, i, i > start);
        // 2. Crossings of the edge with row centre lines, bucketed by row (half-open in y).
        const ya = y0 < y1 ? y0 : y1;
        const yb = y0 < y1 ? y1 : y0;
        let rowA = Math.ceil(ya - 0.5);
        if (rowA < rowFrom) rowA = rowFrom;
        let rowB = Math.ceil(yb - 0.5) - 1;
        if (rowB > rowTo) rowB = rowTo;
        for (let row = rowA; row <= rowB; row++) {
          const x = x0 + ((x1 - x0) * (row + 0.5 - y0)) / (y1 - y0);
          let n = rowCount[row]!;
          if (n === cap) {
            const grown = new Float64Array(ny * cap * 2);
            for (let q = 0; q < ny; q++) grown.set(rowX.subarray(q * cap, q * cap + rowCount[q]!), q * cap * 2);
            cap *= 2;
            rowX = grown;
          }
          // Insertion sort as we go: a row crosses a ring only a few times.
          const base = row * cap;
          while (n > 0 && rowX[base + n - 1]! > x) {
            rowX[base + n] = rowX[base + n - 1]!;
            n--;
          }
          rowX[base + n] = x;
          rowCount[row]!++;
        }
      }
    }
    // 3. Cells whose centre lies between a pair of crossings (even-odd) form the unit's spans.
    for (let row = rowFrom; row <= rowTo; row++) {
      const n = rowCount[row]!;
      const base = row * cap;
      for (let k = 0; k + 1 < n; k += 2) {
        let ca = Math.ceil(rowX[base + k]! - 0.5);
        if (ca < 0) ca = 0;
        let cb = Math.ceil(rowX[base + k + 1]! - 0.5) - 1;
        if (cb > nx - 1) cb = nx - 1;
        if (cb < ca) continue;
        if (spanCount === spanUnit.length) {
          const g = (key: string, a: Int32Array) => {
            const b = pool.int32(key, a.length * 2);
            b.set(a);
            return b;
          };
          spanUnit = g('rawSpanUnit', spanUnit);
          spanRow = g('rawSpanRow', spanRow);
          spanFrom = g('rawSpanFrom', spanFrom);
          spanTo = g('rawSpanTo', spanTo);
        }
        spanUnit[spanCount] = u;
        spanRow[spanCount] = row;
        spanFrom[spanCount] = ca;
        spanTo[spanCount++] = cb;
      }
    }
  }

  // Boundary cells in cell order with their units: a stable sort keeps each cell's units in
  // ascending order, and one unit's visits to one cell next to each other.
  const n = touches.length;
  const index = pool.int32('index', n);
  for (let t = 0; t < n; t++) index[t] = t;
  const sorted = sortPairs(touches.cell, index, n, nx * ny);
  const sk = sorted.keys;
  const order = sorted.values;
  let cellCount = 0;
  for (let t = 0; t < n; t++) if (t === 0 || sk[t] !== sk[t - 1]) cellCount++;
  const cells = pool.int32('cells', cellCount);
  const candidateStart = pool.int32('candidateStart', cellCount + 1);
  const candidates = pool.int32('candidates', n);
  // Per candidate: up to two distinct edges of the unit in the cell (a second or third one
  // makes it complex), then whether two edges meet at a vertex in the cell (a wedge).
  const edgeA = pool.int32('edgeA', n);
  const edgeB = pool.int32('edgeB', n);
  const rowStart = pool.int32('rowStart', ny + 1, true);
  const tu = touches.unit;
  const te = touches.edge;
  let k = -1;
  let m = 0;
  const addEdge = (slot: number, e: number) => {
    const a = edgeA[slot]!;
    if (a === e || a === COMPLEX_TOUCH) return;
    if (a === -1) edgeA[slot] = e;
    else if (edgeB[slot] === -1 || edgeB[slot] === e) edgeB[slot] = e;
    else edgeA[slot] = COMPLEX_TOUCH;
  };
  for (let t = 0; t < n; t++) {
    const cell = sk[t]!;
    const o = order[t]!;
    const u = tu[o]!;
    const e = te[o]!;
    if (t === 0 || cell !== sk[t - 1]) {
      cells[++k] = cell;
      candidateStart[k] = m;
      rowStart[((cell / nx) | 0) + 1]!++;
    } else if (candidates[m - 1] === u) {
      if (e >= 0) addEdge(m - 1, e);
      else if (e === COMPLEX_TOUCH) edgeA[m - 1] = COMPLEX_TOUCH;
      else {
        addEdge(m - 1, -e - 3);
        addEdge(m - 1, -e - 2);
      }
      continue;
    }
    candidates[m] = u;
    edgeB[m] = -1;
    if (e >= 0) edgeA[m] = e;
    else if (e === COMPLEX_TOUCH) edgeA[m] = COMPLEX_TOUCH;
    else {
      edgeA[m] = -e - 3;
      edgeB[m] = -e - 2;
    }
    m++;
  }
  // Kinds: a single edge, a wedge (edgeA into the shared vertex, edgeB out of it), or complex.
  const candidateKind = pool.uint8('kind', m);
  for (let j = 0; j < m; j++) {
    const a = edgeA[j]!;
    const b = edgeB[j]!;
    if (a === COMPLEX_TOUCH) continue;
    if (b === -1) {
      candidateKind[j] = SINGLE_EDGE;
      continue;
    }
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (hi === lo + 1) {
      edgeA[j] = lo;
      edgeB[j] = hi;
      candidateKind[j] = WEDGE;
    } else {
      // The ring's last and first edges meet at its closing vertex.
      const r = ringOf(set.ringStart, lo);
      if (set.ringStart[r] === lo && set.ringStart[r + 1]! - 2 === hi) {
        edgeA[j] = hi;
        edgeB[j] = lo;
        candidateKind[j] = WEDGE;
      }
    }
  }
  candidateStart[cellCount] = m;
  for (let r = 0; r < ny; r++) rowStart[r + 1]! += rowStart[r]!;
  // Spans in row order (a counting sort), so that walking them reads each row's cells together.
  const spanStart = pool.int32('spanStart', ny + 1, true);
  for (let q = 0; q < spanCount; q++) spanStart[spanRow[q]! + 1]!++;
  for (let r = 0; r < ny; r++) spanStart[r + 1]! += spanStart[r]!;
  const at = pool.int32('spanFill', ny);
  at.set(spanStart.subarray(0, ny));
  const byRowUnit = pool.int32('spanUnit', spanCount);
  const byRowFrom = pool.int32('spanFrom', spanCount);
  const byRowTo = pool.int32('spanTo', spanCount);
  for (let q = 0; q < spanCount; q++) {
    const d = at[spanRow[q]!]!++;
    byRowUnit[d] = spanUnit[q]!;
    byRowFrom[d] = spanFrom[q]!;
    byRowTo[d] = spanTo[q]!;
  }
  return {
    frame,
    cells,
    candidateStart,
    candidates: candidates.subarray(0, m),
    candidateKind,
    edgeA: edgeA.subarray(0, m),
    edgeB: edgeB.subarray(0, m),
    rowStart,
    spanStart,
    spanUnit: byRowUnit,
    spanFrom: byRowFrom,
    spanTo: byRowTo,
    unitRows: [],
  };
}

/** Unit u's row-bucketed edges, built on first use. */
export function unitRowsOf(scan: BoundaryScan, set: PolygonSet, u: number): UnitRows {
  return (scan.unitRows[u] ??= bucketUnitEdges(set, scan.frame, u));
}

/** The ring holding vertex v. */
function ringOf(ringStart: Int32Array, v: number): number {
  let lo = 0;
  let hi = ringStart.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ringStart[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

function bucketUnitEdges(set: PolygonSet, frame: GridFrame, u: number): UnitRows {
  const { minY, sy, ny } = frame;
  const c = set.coords;
  const empty = !(set.bbox[u * 4 + 1]! <= set.bbox[u * 4 + 3]!);
  const rowFrom = Math.max(0, Math.min(ny - 1, Math.floor((set.bbox[u * 4 + 1]! - minY) * sy)));
  const rowTo = Math.max(0, Math.min(ny - 1, Math.floor((set.bbox[u * 4 + 3]! - minY) * sy)));
  const rows = empty ? 0 : rowTo - rowFrom + 1;
  const slotStart = new Int32Array(rows + 1);
  let edgeIndex = new Int32Array(0);
  for (let pass = 0; pass < 2; pass++) {
    const fill = pass === 1 ? slotStart.slice(0, rows) : null;
    if (pass === 1) edgeIndex = new Int32Array(slotStart[rows]!);
    for (let r = set.unitRingStart[u]!; r < set.unitRingStart[u + 1]!; r++)
      for (let i = set.ringStart[r]!; i < set.ringStart[r + 1]! - 1; i++) {
        const a = (c[i * 2 + 1]! - minY) * sy;
        const b = (c[i * 2 + 3]! - minY) * sy;
        let lo = Math.floor(a < b ? a : b) - rowFrom;
        if (lo < 0) lo = 0;
        let hi = Math.floor(a < b ? b : a) - rowFrom;
        if (hi > rows - 1) hi = rows - 1;
        for (let row = lo; row <= hi; row++) {
          if (fill) edgeIndex[fill[row]!++] = i;
          else slotStart[row + 1]!++;
        }
      }
    if (pass === 0) for (let k = 0; k < rows; k++) slotStart[k + 1]! += slotStart[k]!;
  }
  return { rowFrom, rows, slotStart, edgeIndex };
}

/** First index in a[lo … hi) holding a value ≥ v (hi if none). */
export function lowerBound(a: Int32Array, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lists every cell a segment (in cell coordinates) passes through, as touches. The segment is
 * first clipped to the frame (Liang–Barsky): clamping endpoints instead would bend it and miss
 * cells it crosses. Writing straight into the touch list keeps the hot loop free of copies.
 */
class SegmentWalker {
  constructor(
    private nx: number,
    private ny: number,
  ) {}

  /**
   * Appends the cells of the segment to `out` as touches of edge `edge` of `unit`. With
   * `continues`, the segment starts where the unit's previous edge ended: if that edge's last touch
   * is this walk's first cell, the two edges share it and it is recorded once, as -(edge + 2).
   */
  walk(
    ax: number,
    ay: number,
    bx: number,
    by: number,
    out: TouchList,
    unit: number,
    edge: number,
    continues: boolean,
  ): void {
    const nx = this.nx;
    const ny = this.ny;
    let t0 = 0;
    let t1 = 1;
    const dx0 = bx - ax;
    const dy0 = by - ay;
    // Liang–Barsky against x ∈ [0, nx], y ∈ [0, ny], unrolled (no arrays in the hot path).
    // Segments wholly inside the frame (nearly all) skip the clipping.
    const inside = ax >= 0 && ax <= nx && bx >= 0 && bx <= nx && ay >= 0 && ay <= ny && by >= 0 && by <= ny;
    if (!inside && dx0 === 0) {
      if (ax < 0 || ax > nx) return;
    } else if (!inside) {
      const ra = -ax / dx0;
      const rb = (nx - ax) / dx0;
      const r0 = ra < rb ? ra : rb;
      const r1 = ra < rb ? rb : ra;
      if (r0 > t0) t0 = r0;
      if (r1 < t1) t1 = r1;
    }
    if (!inside && dy0 === 0) {
      if (ay < 0 || ay > ny) return;
    } else if (!inside) {
      const ra = -ay / dy0;
      const rb = (ny - ay) / dy0;
      const r0 = ra < rb ? ra : rb;
      const r1 = ra < rb ? rb : ra;
      if (r0 > t0) t0 = r0;
      if (r1 < t1) t1 = r1;
    }
    if (t0 > t1) return;
    // An unclipped end is the vertex itself: recomputing it could round it into the next cell.
    const x0 = t0 === 0 ? ax : ax + dx0 * t0;
    const y0 = t0 === 0 ? ay : ay + dy0 * t0;
    const x1 = t1 === 1 ? bx : ax + dx0 * t1;
    const y1 = t1 === 1 ? by : ay + dy0 * t1;
    let cx = Math.min(nx - 1, Math.max(0, Math.floor(x0)));
    let cy = Math.min(ny - 1, Math.max(0, Math.floor(y0)));
    const ex = Math.min(nx - 1, Math.max(0, Math.floor(x1)));
    const ey = Math.min(ny - 1, Math.max(0, Math.floor(y1)));
    let guard = Math.abs(ex - cx) + Math.abs(ey - cy) + 2;
    out.reserve(guard + 1);
    const cells = out.cell;
    const units = out.unit;
    const edges = out.edge;
    let n = out.length;
    const dx = x1 - x0;
    const dy = y1 - y0;
    const stepX = dx > 0 ? 1 : -1;
    const stepY = dy > 0 ? 1 : -1;
    const tDeltaX = dx !== 0 ? Math.abs(1 / dx) : Infinity;
    const tDeltaY = dy !== 0 ? Math.abs(1 / dy) : Infinity;
    let tMaxX = dx !== 0 ? (dx > 0 ? cx + 1 - x0 : x0 - cx) * tDeltaX : Infinity;
    let tMaxY = dy !== 0 ? (dy > 0 ? cy + 1 - y0 : y0 - cy) * tDeltaY : Infinity;
    const first = cy * nx + cx;
    if (continues && n > 0 && cells[n - 1] === first && units[n - 1] === unit)
      edges[n - 1] = edges[n - 1] === edge - 1 ? -(edge + 2) : COMPLEX_TOUCH;
    else {
      cells[n] = first;
      units[n] = unit;
      edges[n++] = edge;
    }
    while ((cx !== ex || cy !== ey) && guard-- > 0) {
      // Never past the end cell's column or row: a tie or a rounding flip at a cell corner
      // would otherwise walk on beyond the segment's end.
      if (cy === ey || (cx !== ex && tMaxX < tMaxY)) {
        cx += stepX;
        tMaxX += tDeltaX;
      } else {
        cy += stepY;
        tMaxY += tDeltaY;
      }
      if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) break;
      cells[n] = cy * nx + cx;
      units[n] = unit;
      edges[n++] = edge;
    }
    out.length = n;
  }
}
