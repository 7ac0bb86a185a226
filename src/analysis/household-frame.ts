// Household points re-ordered by the cell of a fixed grid they fall in (row-major), built once per
// household layer. The points of a run of cells along a row are then one contiguous range, and a
// running sum of households turns the range's total into one subtraction: a recount adds whole
// runs of cells inside an area at a time and tests only the points in cells a boundary crosses.
import { gridFrame, type GridFrame } from './boundary-scan';

export interface PointSet {
  coordinates: Float64Array;
  households: Float64Array;
}

export interface HouseholdFrame {
  count: number;
  frame: GridFrame;
  /** Internal position → original point index. */
  order: Int32Array;
  /** Coordinates and households in internal (cell) order. */
  xy: Float64Array;
  households: Float64Array;
  /** Points of cell c are internal positions cellStart[c] .. cellStart[c+1]-1. */
  cellStart: Int32Array;
  /** cumulative[k]: households of internal positions 0 … k-1 (length count + 1). */
  cumulative: Float64Array;
  totalHouseholds: number;
}

/**
 * Cells along the longer side. A recount costs the boundary cells (more with a finer grid) plus the
 * points in them (fewer with a finer grid); memory is 4 bytes a cell.
 */
export function chooseResolution(points: number): number {
  if (points > 200_000) return 512;
  if (points > 20_000) return 384;
  return 256;
}

/** `resolution` overrides the cells along the longer side (benchmarks compare them). */
export function buildHouseholdFrame(points: PointSet, resolution?: number): HouseholdFrame {
  const n = points.coordinates.length >> 1;
  const src = points.coordinates;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = src[i * 2]!;
    const y = src[i * 2 + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) {
    minX = minY = 0;
    maxX = maxY = 1;
  }
  const frame = gridFrame(minX, minY, maxX, maxY, resolution ?? chooseResolution(n));
  const cells = frame.nx * frame.ny;
  const cellOf = new Int32Array(n);
  const cellStart = new Int32Array(cells + 1);
  for (let i = 0; i < n; i++) {
    const col = Math.min(frame.nx - 1, Math.floor((src[i * 2]! - frame.minX) * frame.sx));
    const row = Math.min(frame.ny - 1, Math.floor((src[i * 2 + 1]! - frame.minY) * frame.sy));
    const c = row * frame.nx + col;
    cellOf[i] = c;
    cellStart[c + 1]!++;
  }
  for (let c = 0; c < cells; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cells);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]!]!++] = i;
  const xy = new Float64Array(n * 2);
  const households = new Float64Array(n);
  const cumulative = new Float64Array(n + 1);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    xy[k * 2] = src[i * 2]!;
    xy[k * 2 + 1] = src[i * 2 + 1]!;
    const h = points.households[i]!;
    households[k] = h;
    total += h;
    cumulative[k + 1] = total;
  }
  return { count: n, frame, order, xy, households, cellStart, cumulative, totalHouseholds: total };
}
