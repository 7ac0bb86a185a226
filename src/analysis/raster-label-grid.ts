// A raster label grid over a set of polygons: each cell either lies wholly inside exactly one
// unit (its label), wholly outside all of them, or is "mixed" (crossed by a boundary or covered
// by overlapping units) and keeps a short candidate list. A point then costs one array lookup,
// and only points in mixed cells pay for an exact point-in-polygon test. This is what makes a
// full recount of a million households take tens of milliseconds instead of seconds.
import type { PolygonSet } from './polygon-set';

export const OUTSIDE = -1;
export const MIXED = -2;

export interface RasterLabelGrid {
  minX: number;
  minY: number;
  /** Cells per degree. */
  sx: number;
  sy: number;
  nx: number;
  ny: number;
  /** Per cell: unit index, OUTSIDE (-1) or MIXED (-2). */
  label: Int32Array;
  /** CSR of candidate units for mixed cells. */
  candidateStart: Int32Array;
  candidates: Int32Array;
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
 * Labels every cell of `frame` against the polygons. Edges outside the frame are clamped onto
 * its border cells, which only makes those cells mixed (exact tests), never wrong.
 */
export function buildRasterLabelGrid(set: PolygonSet, frame: GridFrame): RasterLabelGrid {
  const { minX, minY, sx, sy, nx, ny } = frame;
  const label = new Int32Array(nx * ny).fill(OUTSIDE);
  const stamp = new Int32Array(nx * ny);
  const pairs = new PairList();
  const c = set.coords;
  let crossings = new Float64Array(64);
  let crossingCount = 0;

  const markBoundary = (cellIndex: number, u: number) => {
    if (stamp[cellIndex] === u + 1) return;
    stamp[cellIndex] = u + 1;
    const l = label[cellIndex]!;
    if (l >= 0) pairs.push(cellIndex, l);
    label[cellIndex] = MIXED;
    pairs.push(cellIndex, u);
  };

  for (let u = 0; u < set.count; u++) {
    // 1. Every cell an edge passes through becomes mixed for this unit (supercover walk).
    for (let r = set.unitRingStart[u]!; r < set.unitRingStart[u + 1]!; r++) {
      const start = set.ringStart[r]!;
      const end = set.ringStart[r + 1]!;
      for (let i = start; i < end - 1; i++) {
        walkSegment(
          (c[i * 2]! - minX) * sx,
          (c[i * 2 + 1]! - minY) * sy,
          (c[i * 2 + 2]! - minX) * sx,
          (c[i * 2 + 3]! - minY) * sy,
          nx,
          ny,
          (cellIndex) => markBoundary(cellIndex, u),
        );
      }
    }
    // 2. Cells whose centre is inside by a scanline and that no edge touched are wholly inside.
    const y0 = Math.max(0, Math.floor((set.bbox[u * 4 + 1]! - minY) * sy));
    const y1 = Math.min(ny - 1, Math.floor((set.bbox[u * 4 + 3]! - minY) * sy));
    for (let row = y0; row <= y1; row++) {
      const yc = minY + (row + 0.5) / sy;
      crossingCount = 0;
      for (let r = set.unitRingStart[u]!; r < set.unitRingStart[u + 1]!; r++) {
        const start = set.ringStart[r]!;
        const end = set.ringStart[r + 1]!;
        let j = end - 1;
        for (let i = start; i < end; j = i++) {
          const yi = c[i * 2 + 1]!;
          const yj = c[j * 2 + 1]!;
          if (yi > yc !== yj > yc) {
            const xi = c[i * 2]!;
            const xj = c[j * 2]!;
            if (crossingCount === crossings.length) {
              const grown = new Float64Array(crossingCount * 2);
              grown.set(crossings);
              crossings = grown;
            }
            // Insertion sort as we go: rows cross a ring only a few times.
            const v = ((xj - xi) * (yc - yi)) / (yj - yi) + xi;
            let k = crossingCount++;
            while (k > 0 && crossings[k - 1]! > v) {
              crossings[k] = crossings[k - 1]!;
              k--;
            }
            crossings[k] = v;
          }
        }
      }
      if (crossingCount < 2) continue;
      for (let k = 0; k + 1 < crossingCount; k += 2) {
        // Cells whose centre x lies in [xa, xb).
        const ca = Math.max(0, Math.ceil((crossings[k]! - minX) * sx - 0.5));
        const cb = Math.min(nx - 1, Math.ceil((crossings[k + 1]! - minX) * sx - 0.5) - 1);
        const base = row * nx;
        for (let col = ca; col <= cb; col++) {
          const idx = base + col;
          if (stamp[idx] === u + 1) continue;
          const l = label[idx]!;
          if (l === OUTSIDE) label[idx] = u;
          else {
            // Covered by another unit too: an overlap, so the cell needs exact tests.
            stamp[idx] = u + 1;
            if (l >= 0) pairs.push(idx, l);
            label[idx] = MIXED;
            pairs.push(idx, u);
          }
        }
      }
    }
  }

  // Counting sort of (cell, unit) pairs into CSR.
  const cellCount = nx * ny;
  const candidateStart = new Int32Array(cellCount + 1);
  for (let i = 0; i < pairs.length; i++) candidateStart[pairs.cells[i]! + 1]!++;
  for (let i = 0; i < cellCount; i++) candidateStart[i + 1]! += candidateStart[i]!;
  const fill = candidateStart.slice(0, cellCount);
  const candidates = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) candidates[fill[pairs.cells[i]!]!++] = pairs.units[i]!;
  return { minX, minY, sx, sy, nx, ny, label, candidateStart, candidates };
}

/**
 * Visit every cell a segment (in cell coordinates) passes through. The segment is first clipped
 * to the frame (Liang–Barsky): clamping endpoints instead would bend it and miss cells it crosses.
 */
function walkSegment(ax: number, ay: number, bx: number, by: number, nx: number, ny: number, visit: (cell: number) => void) {
  let t0 = 0;
  let t1 = 1;
  const dx0 = bx - ax;
  const dy0 = by - ay;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (!clip(-dx0, ax) || !clip(dx0, nx - ax) || !clip(-dy0, ay) || !clip(dy0, ny - ay)) return;
  const x0 = ax + dx0 * t0;
  const y0 = ay + dy0 * t0;
  const x1 = ax + dx0 * t1;
  const y1 = ay + dy0 * t1;
  let cx = Math.min(nx - 1, Math.max(0, Math.floor(x0)));
  let cy = Math.min(ny - 1, Math.max(0, Math.floor(y0)));
  const ex = Math.min(nx - 1, Math.max(0, Math.floor(x1)));
  const ey = Math.min(ny - 1, Math.max(0, Math.floor(y1)));
  const dx = x1 - x0;
  const dy = y1 - y0;
  const stepX = dx > 0 ? 1 : -1;
  const stepY = dy > 0 ? 1 : -1;
  const tDeltaX = dx !== 0 ? Math.abs(1 / dx) : Infinity;
  const tDeltaY = dy !== 0 ? Math.abs(1 / dy) : Infinity;
  let tMaxX = dx !== 0 ? (dx > 0 ? cx + 1 - x0 : x0 - cx) * tDeltaX : Infinity;
  let tMaxY = dy !== 0 ? (dy > 0 ? cy + 1 - y0 : y0 - cy) * tDeltaY : Infinity;
  visit(cy * nx + cx);
  let guard = Math.abs(ex - cx) + Math.abs(ey - cy) + 2;
  while ((cx !== ex || cy !== ey) && guard-- > 0) {
    if (tMaxX < tMaxY) {
      cx += stepX;
      tMaxX += tDeltaX;
    } else {
      cy += stepY;
      tMaxY += tDeltaY;
    }
    if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) break;
    visit(cy * nx + cx);
  }
}
