// A raster label grid over a set of polygons: each cell either lies wholly inside exactly one
// unit (its label), wholly outside all of them, or is "mixed" (crossed by a boundary or covered
// by overlapping units) and keeps a short candidate list. A point then costs one array lookup,
// and only points in mixed cells pay for an exact point-in-polygon test. This is what makes a
// full recount of a million households take tens of milliseconds instead of seconds.
import type { PolygonSet } from './polygon-set';

export const OUTSIDE = -1;
/** Labels at or below this are mixed cells: label = MIXED - k, with k the cell's mixed index. */
export const MIXED = -2;

export interface RasterLabelGrid {
  minX: number;
  minY: number;
  /** Cells per degree. */
  sx: number;
  sy: number;
  nx: number;
  ny: number;
  /** Per cell: unit index (≥ 0), OUTSIDE (-1), or MIXED - k for the k-th mixed cell. */
  label: Int32Array;
  /** CSR of candidate units by mixed index k. Only mixed cells get entries, not the whole grid. */
  candidateStart: Int32Array;
  candidates: Int32Array;
  /** Each unit's edges bucketed by grid row, so an exact test only walks the edges of its row. */
  edges: RowEdges;
}

/**
 * Unit u's edges overlapping row r (rowFrom[u] ≤ r ≤ rowTo[u]) are edgeIndex[slotStart[s] …
 * slotStart[s+1]-1] with s = slotBase[u] + r - rowFrom[u]; an edge is the index of its first vertex.
 */
export interface RowEdges {
  rowFrom: Int32Array;
  slotBase: Int32Array;
  slotStart: Int32Array;
  edgeIndex: Int32Array;
}

/**
 * Even-odd test of (x, y) against unit u using only the edges of `row`: a horizontal ray from the
 * point can only cross edges whose y-range holds y, and those all overlap the point's row.
 */
export function pointInUnitRow(coords: Float64Array, edges: RowEdges, u: number, row: number, x: number, y: number): boolean {
  const slot = edges.slotBase[u]! + row - edges.rowFrom[u]!;
  if (slot < edges.slotBase[u]! || slot >= edges.slotBase[u + 1]!) return false;
  let inside = false;
  for (let k = edges.slotStart[slot]!; k < edges.slotStart[slot + 1]!; k++) {
    const i = edges.edgeIndex[k]!;
    const yi = coords[i * 2 + 1]!;
    const yj = coords[i * 2 + 3]!;
    if (yi > y !== yj > y) {
      const xi = coords[i * 2]!;
      const xj = coords[i * 2 + 2]!;
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Buckets every unit's edges by the frame rows they overlap. */
function bucketEdges(set: PolygonSet, frame: GridFrame): RowEdges {
  const { minY, sy, ny } = frame;
  const c = set.coords;
  const rowFrom = new Int32Array(set.count);
  const slotBase = new Int32Array(set.count + 1);
  for (let u = 0; u < set.count; u++) {
    const from = Math.max(0, Math.min(ny - 1, Math.floor((set.bbox[u * 4 + 1]! - minY) * sy)));
    const to = Math.max(0, Math.min(ny - 1, Math.floor((set.bbox[u * 4 + 3]! - minY) * sy)));
    rowFrom[u] = from;
    slotBase[u + 1] = slotBase[u]! + (set.bbox[u * 4 + 1]! <= set.bbox[u * 4 + 3]! ? to - from + 1 : 0);
  }
  const slots = slotBase[set.count]!;
  const slotStart = new Int32Array(slots + 1);
  const rowsOf = (i: number, u: number): [number, number] => {
    const a = (c[i * 2 + 1]! - minY) * sy;
    const b = (c[i * 2 + 3]! - minY) * sy;
    const lo = Math.max(rowFrom[u]!, Math.floor(Math.min(a, b)));
    const hi = Math.min(rowFrom[u]! + slotBase[u + 1]! - slotBase[u]! - 1, Math.floor(Math.max(a, b)));
    return [lo, hi];
  };
  for (let pass = 0; pass < 2; pass++) {
    const fill = pass === 1 ? slotStart.slice(0, slots) : null;
    const edgeIndex = pass === 1 ? new Int32Array(slotStart[slots]!) : null;
    for (let u = 0; u < set.count; u++)
      for (let r = set.unitRingStart[u]!; r < set.unitRingStart[u + 1]!; r++)
        for (let i = set.ringStart[r]!; i < set.ringStart[r + 1]! - 1; i++) {
          const [lo, hi] = rowsOf(i, u);
          for (let row = lo; row <= hi; row++) {
            const slot = slotBase[u]! + row - rowFrom[u]!;
            if (fill) edgeIndex![fill[slot]!++] = i;
            else slotStart[slot + 1]!++;
          }
        }
    if (pass === 0) for (let k = 0; k < slots; k++) slotStart[k + 1]! += slotStart[k]!;
    else return { rowFrom, slotBase, slotStart, edgeIndex: edgeIndex! };
  }
  throw new Error('unreachable');
}

class PairList {
  cells = new Int32Array(1024);
  units = new Int32Array(1024);
  length = 0;
  push(cell: number, unit: number) {
    if (this.length === this.cells.length) {
      const c = new Int32Array(this.length * 2);
      c.set(this.cells);
      this.cells = c;
      const u = new Int32Array(this.length * 2);
      u.set(this.units);
      this.units = u;
    }
    this.cells[this.length] = cell;
    this.units[this.length] = unit;
    this.length++;
  }
}

export interface GridFrame {
  minX: number;
  minY: number;
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

/**
 * The part of `frame` covering a bounding box, with the same cells: cell (col, row) of the window
 * is cell (col0 + col, row0 + row) of the frame. null when the box misses the frame.
 */
export function windowFrame(frame: GridFrame, minX: number, minY: number, maxX: number, maxY: number): { window: GridFrame; col0: number; row0: number } | null {
  const col0 = Math.max(0, Math.floor((minX - frame.minX) * frame.sx));
  const row0 = Math.max(0, Math.floor((minY - frame.minY) * frame.sy));
  const col1 = Math.min(frame.nx - 1, Math.floor((maxX - frame.minX) * frame.sx));
  const row1 = Math.min(frame.ny - 1, Math.floor((maxY - frame.minY) * frame.sy));
  if (!(col0 <= col1 && row0 <= row1)) return null;
  return {
    window: { minX: frame.minX + col0 / frame.sx, minY: frame.minY + row0 / frame.sy, sx: frame.sx, sy: frame.sy, nx: col1 - col0 + 1, ny: row1 - row0 + 1 },
    col0,
    row0,
  };
}

/**
 * Labels every cell of `frame` against the polygons. Edges outside the frame are clamped onto
 * its border cells, which only makes those cells mixed (exact tests), never wrong.
 */
/** Scratch buffers per frame, reused by every recount over it: no megabytes allocated per count. */
const scratch = new WeakMap<GridFrame, { label: Int32Array }>();

/** Which cells hold points: when given, interiors are labelled only there (others are never read). */
export interface Occupancy {
  occupied: Int32Array;
  rowOccupied: Int32Array;
}

export function buildRasterLabelGrid(set: PolygonSet, frame: GridFrame, occupancy?: Occupancy): RasterLabelGrid {
  const { minX, minY, sx, sy, nx, ny } = frame;
  let buffers = scratch.get(frame);
  if (!buffers) {
    buffers = { label: new Int32Array(nx * ny) };
    scratch.set(frame, buffers);
  }
  // The label buffer is reused: a grid is only read until the next build over the same frame.
  const label = buffers.label.fill(OUTSIDE);
  let mixedCount = 0;
  const pairs = new PairList();
  const c = set.coords;
  // Per-row crossing lists, reused across units: rowCount[r] crossings at rowX[r * cap …].
  let cap = 8;
  let rowX = new Float64Array(ny * cap);
  const rowCount = new Int32Array(ny);
  const walker = new SegmentWalker(nx, ny);
  // The last unit added to each mixed cell: a small array that stays in cache, where a per-cell
  // stamp would be another few megabytes read at random.
  let lastUnit = new Int32Array(4096);
  const newMixed = (cell: number, previous: number): number => {
    const m = mixedCount++;
    if (m === lastUnit.length) {
      const grown = new Int32Array(m * 2);
      grown.set(lastUnit);
      lastUnit = grown;
    }
    label[cell] = MIXED - m;
    lastUnit[m] = -1;
    if (previous >= 0) {
      pairs.push(m, previous);
      lastUnit[m] = previous;
    }
    return m;
  };
  const markInside = (idx: number, u: number) => {
    const l = label[idx]!;
    if (l === OUTSIDE) label[idx] = u;
    else if (l <= MIXED) {
      const m = MIXED - l;
      if (lastUnit[m] === u) return; // u's own boundary cell, or already added
      pairs.push(m, u);
      lastUnit[m] = u;
    } else if (l !== u) {
      // Covered by another unit too: an overlap, so the cell needs exact tests.
      const m = newMixed(idx, l);
      pairs.push(m, u);
      lastUnit[m] = u;
    }
  };

  for (let u = 0; u < set.count; u++) {
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
        // 1. Every cell the edge passes through becomes mixed for this unit (supercover walk).
        walker.walk(x0, y0, x1, y1);
        for (let k = 0; k < walker.count; k++) {
          const cell = walker.cells[k]!;
          const l = label[cell]!;
          let m: number;
          if (l <= MIXED) {
            m = MIXED - l;
            if (lastUnit[m] === u) continue;
          } else m = newMixed(cell, l);
          pairs.push(m, u);
          lastUnit[m] = u;
        }
        // 2. Crossings of the edge with row centre lines, bucketed by row (half-open in y).
        const ya = Math.min(y0, y1);
        const yb = Math.max(y0, y1);
        let rowA = Math.ceil(ya - 0.5);
        if (rowA < rowFrom) rowA = rowFrom;
        let rowB = Math.ceil(yb - 0.5) - 1;
        if (rowB > rowTo) rowB = rowTo;
        for (let row = rowA; row <= rowB; row++) {
          const yc = row + 0.5;
          const x = x0 + ((x1 - x0) * (yc - y0)) / (y1 - y0);
          let n = rowCount[row]!;
          if (n === cap) {
            const grown = new Float64Array(ny * cap * 2);
            for (let q = 0; q < ny; q++) grown.set(rowX.subarray(q * cap, q * cap + rowCount[q]!), q * cap * 2);
            cap *= 2;
            rowX = grown;
          }
          // Insertion sort as we go: rows cross a ring only a few times.
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
    // 3. Cells whose centre lies between a pair of crossings and that no edge touched are inside.
    for (let row = rowFrom; row <= rowTo; row++) {
      const n = rowCount[row]!;
      const base = row * cap;
      const cellBase = row * nx;
      const occFrom = occupancy ? occupancy.rowOccupied[row]! : 0;
      const occTo = occupancy ? occupancy.rowOccupied[row + 1]! : 0;
      if (occupancy && occFrom === occTo) continue;
      for (let k = 0; k + 1 < n; k += 2) {
        const ca = Math.max(0, Math.ceil(rowX[base + k]! - 0.5));
        const cb = Math.min(nx - 1, Math.ceil(rowX[base + k + 1]! - 0.5) - 1);
        if (cb < ca) continue;
        if (occupancy) {
          // Only occupied cells: binary search the span's start in this row's occupied cells.
          const occ = occupancy.occupied;
          let lo = occFrom;
          let hi = occTo;
          const first = cellBase + ca;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (occ[mid]! < first) lo = mid + 1;
            else hi = mid;
          }
          const last = cellBase + cb;
          for (let q = lo; q < occTo; q++) {
            const idx = occ[q]!;
            if (idx > last) break;
            markInside(idx, u);
          }
        } else for (let col = ca; col <= cb; col++) markInside(cellBase + col, u);
      }
    }
  }

  // Counting sort of (mixed index, unit) pairs into CSR.
  const candidateStart = new Int32Array(mixedCount + 1);
  for (let i = 0; i < pairs.length; i++) candidateStart[pairs.cells[i]! + 1]!++;
  for (let i = 0; i < mixedCount; i++) candidateStart[i + 1]! += candidateStart[i]!;
  const fill = candidateStart.slice(0, mixedCount);
  const candidates = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) candidates[fill[pairs.cells[i]!]!++] = pairs.units[i]!;
  return { minX, minY, sx, sy, nx, ny, label, candidateStart, candidates, edges: bucketEdges(set, frame) };
}

/**
 * Lists every cell a segment (in cell coordinates) passes through into `cells`. The segment is
 * first clipped to the frame (Liang–Barsky): clamping endpoints instead would bend it and miss
 * cells it crosses. A reusable buffer rather than a callback keeps the hot loop free of closures.
 */
class SegmentWalker {
  cells = new Int32Array(256);
  count = 0;
  constructor(
    private nx: number,
    private ny: number,
  ) {}

  walk(ax: number, ay: number, bx: number, by: number): void {
    this.count = 0;
    const nx = this.nx;
    const ny = this.ny;
    let t0 = 0;
    let t1 = 1;
    const dx0 = bx - ax;
    const dy0 = by - ay;
    // Liang–Barsky against x ∈ [0, nx], y ∈ [0, ny], unrolled (no arrays in the hot path).
    if (dx0 === 0) {
      if (ax < 0 || ax > nx) return;
    } else {
      let r0 = -ax / dx0;
      let r1 = (nx - ax) / dx0;
      if (r0 > r1) [r0, r1] = [r1, r0];
      if (r0 > t0) t0 = r0;
      if (r1 < t1) t1 = r1;
    }
    if (dy0 === 0) {
      if (ay < 0 || ay > ny) return;
    } else {
      let r0 = -ay / dy0;
      let r1 = (ny - ay) / dy0;
      if (r0 > r1) [r0, r1] = [r1, r0];
      if (r0 > t0) t0 = r0;
      if (r1 < t1) t1 = r1;
    }
    if (t0 > t1) return;
    const x0 = ax + dx0 * t0;
    const y0 = ay + dy0 * t0;
    const x1 = ax + dx0 * t1;
    const y1 = ay + dy0 * t1;
    let cx = Math.min(nx - 1, Math.max(0, Math.floor(x0)));
    let cy = Math.min(ny - 1, Math.max(0, Math.floor(y0)));
    const ex = Math.min(nx - 1, Math.max(0, Math.floor(x1)));
    const ey = Math.min(ny - 1, Math.max(0, Math.floor(y1)));
    let guard = Math.abs(ex - cx) + Math.abs(ey - cy) + 2;
    if (this.cells.length < guard + 1) this.cells = new Int32Array(2 * (guard + 1));
    const cells = this.cells;
    const dx = x1 - x0;
    const dy = y1 - y0;
    const stepX = dx > 0 ? 1 : -1;
    const stepY = dy > 0 ? 1 : -1;
    const tDeltaX = dx !== 0 ? Math.abs(1 / dx) : Infinity;
    const tDeltaY = dy !== 0 ? Math.abs(1 / dy) : Infinity;
    let tMaxX = dx !== 0 ? (dx > 0 ? cx + 1 - x0 : x0 - cx) * tDeltaX : Infinity;
    let tMaxY = dy !== 0 ? (dy > 0 ? cy + 1 - y0 : y0 - cy) * tDeltaY : Infinity;
    let n = 0;
    cells[n++] = cy * nx + cx;
    while ((cx !== ex || cy !== ey) && guard-- > 0) {
      if (tMaxX < tMaxY) {
        cx += stepX;
        tMaxX += tDeltaX;
      } else {
        cy += stepY;
        tMaxY += tDeltaY;
      }
      if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) break;
      cells[n++] = cy * nx + cx;
    }
    this.count = n;
  }
}
