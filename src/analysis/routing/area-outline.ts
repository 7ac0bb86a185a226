// Turns a set of lines (the streets reachable within a walking distance) into the area within a
// buffer of them, as a polygon. Rasterising then tracing is robust where polygon unions are not:
// thousands of short street pieces, touching and overlapping, give one valid (Multi)Polygon in
// milliseconds, with no floating-point noding. Accuracy is about half a cell (default 10 m).
//
// Cells whose centre lies within the buffer of a line are filled. The boundary between filled and
// empty cells is traced with the filled side on the left (outer rings counter-clockwise, holes
// clockwise, as RFC 7946 asks); where two filled cells meet only at a corner the trace keeps them
// apart, and each corner is then cut at half a cell, which smooths the staircase into 45° steps and
// leaves rings that neither cross nor touch.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { METRES_PER_DEGREE } from '../../core/geodesy';

export interface OutlineOptions {
  /** Metres around the lines (default 40). */
  buffer?: number;
  /** Raster cell in metres (default buffer / 2). Raised when the raster would exceed ~4 million cells. */
  cell?: number;
  /** Holes smaller than this many m² are filled (default 40,000 m², about a 200 m block). */
  minHoleArea?: number;
}

const MAX_CELLS = 4_000_000;
// Direction codes on the cell-corner lattice; a left turn is +1.
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];

/** Outline of the area within `buffer` metres of the lines; null when there are no lines. */
export function outlineLines(lines: Position[][], options: OutlineOptions = {}): Polygon | MultiPolygon | null {
  const buffer = options.buffer ?? 40;
  let cell = options.cell ?? buffer / 2;
  const minHoleArea = options.minHoleArea ?? 40_000;

  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const line of lines)
    for (const p of line) {
      minLon = Math.min(minLon, p[0]!);
      maxLon = Math.max(maxLon, p[0]!);
      minLat = Math.min(minLat, p[1]!);
      maxLat = Math.max(maxLat, p[1]!);
    }
  if (minLon === Infinity) return null;

  // Local metres around the lines' centre.
  const lon0 = (minLon + maxLon) / 2;
  const lat0 = (minLat + maxLat) / 2;
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  const margin = buffer + cell;
  const x0 = (minLon - lon0) * kx - margin;
  const y0 = (minLat - lat0) * ky - margin;
  const spanX = (maxLon - minLon) * kx + 2 * margin;
  const spanY = (maxLat - minLat) * ky + 2 * margin;
  if ((spanX / cell) * (spanY / cell) > MAX_CELLS) cell = Math.sqrt((spanX * spanY) / MAX_CELLS);
  const W = Math.ceil(spanX / cell) + 1;
  const H = Math.ceil(spanY / cell) + 1;

  const mask = new Uint8Array(W * H);
  const b2 = buffer * buffer;
  for (const line of lines) {
    for (let k = 0; k < line.length; k++) {
      // Each segment (a lone point counts as one of zero length) fills the cells near it.
      const a = line[k]!;
      const b = line[Math.min(k + 1, line.length - 1)]!;
      if (k > 0 && k === line.length - 1) break;
      const ax = (a[0]! - lon0) * kx - x0;
      const ay = (a[1]! - lat0) * ky - y0;
      const bx = (b[0]! - lon0) * kx - x0;
      const by = (b[1]! - lat0) * ky - y0;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const i0 = Math.max(0, Math.floor((Math.min(ax, bx) - buffer) / cell));
      const i1 = Math.min(W - 1, Math.floor((Math.max(ax, bx) + buffer) / cell));
      const j0 = Math.max(0, Math.floor((Math.min(ay, by) - buffer) / cell));
      const j1 = Math.min(H - 1, Math.floor((Math.max(ay, by) + buffer) / cell));
      for (let j = j0; j <= j1; j++) {
        const cy = (j + 0.5) * cell;
        for (let i = i0; i <= i1; i++) {
          const idx = j * W + i;
          if (mask[idx]) continue;
          const cx = (i + 0.5) * cell;
          let t = len2 > 0 ? ((cx - ax) * dx + (cy - ay) * dy) / len2 : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          const ex = ax + t * dx - cx;
          const ey = ay + t * dy - cy;
          if (ex * ex + ey * ey <= b2) mask[idx] = 1;
        }
      }
    }
  }

  const rings = traceRings(mask, W, H);
  // Back to lon/lat: lattice units are half cells.
  const half = cell / 2;
  const toLonLat = (ring: Int32Array): Position[] => {
    const out: Position[] = [];
    for (let k = 0; k < ring.length; k += 2)
      out.push([lon0 + (x0 + ring[k]! * half) / kx, lat0 + (y0 + ring[k + 1]! * half) / ky]);
    out.push(out[0]!);
    return out;
  };

  const outers: { ring: Int32Array; area: number; holes: Int32Array[] }[] = [];
  const holes: { ring: Int32Array; area: number }[] = [];
  for (const ring of rings) {
    if (ring.length < 6) continue;
    const area = ringArea(ring) * half * half;
    if (area > 0) outers.push({ ring, area, holes: [] });
    else if (-area >= minHoleArea) holes.push({ ring, area: -area });
  }
  // Rings never touch, so one vertex of a hole decides which outer ring holds it (the smallest).
  for (const hole of holes) {
    let owner: (typeof outers)[number] | null = null;
    for (const outer of outers)
      if (
        outer.area > hole.area &&
        (!owner || outer.area < owner.area) &&
        pointInRing(hole.ring[0]!, hole.ring[1]!, outer.ring)
      )
        owner = outer;
    owner?.holes.push(hole.ring);
  }
  if (outers.length === 0) return null;
  const polygons = outers.map((o) => [toLonLat(o.ring), ...o.holes.map(toLonLat)]);
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Boundary rings of the filled cells, in doubled lattice coordinates (so the half-cell corner cuts
 * stay integers and collinearity tests are exact), as flat x,y arrays without a closing repeat.
 */
function traceRings(mask: Uint8Array, W: number, H: number): Int32Array[] {
  const VW = W + 1;
  const filled = (i: number, j: number) => i >= 0 && j >= 0 && i < W && j < H && mask[j * W + i] === 1;
  // Per lattice vertex: a bit per outgoing boundary edge direction.
  const out = new Uint8Array(VW * (H + 1));
  for (let j = 0; j < H; j++)
    for (let i = 0; i < W; i++) {
      if (!mask[j * W + i]) continue;
      if (!filled(i, j - 1)) out[j * VW + i]! |= 1 << 0; // bottom side, eastwards
      if (!filled(i + 1, j)) out[j * VW + i + 1]! |= 1 << 1; // right side, northwards
      if (!filled(i, j + 1)) out[(j + 1) * VW + i + 1]! |= 1 << 2; // top side, westwards
      if (!filled(i - 1, j)) out[(j + 1) * VW + i]! |= 1 << 3; // left side, southwards
    }

  const rings: Int32Array[] = [];
  for (let start = 0; start < out.length; start++) {
    while (out[start]) {
      const startDir = 31 - Math.clz32(out[start]! & -out[start]!); // lowest set bit
      // Corners of the ring, as lattice x,y.
      const corners: number[] = [];
      let x = start % VW;
      let y = (start - x) / VW;
      let dir = startDir;
      out[start]! &= ~(1 << dir);
      for (;;) {
        x += DX[dir]!;
        y += DY[dir]!;
        const v = y * VW + x;
        const atStart = v === start;
        const bits = out[v]! | (atStart ? 1 << startDir : 0);
        // Prefer a left turn: at a corner-only contact it stays with the same cell, keeping
        // diagonal neighbours apart so rings stay simple.
        let next = -1;
        for (const turn of [1, 0, 3]) {
          const d = (dir + turn) & 3;
          if (bits & (1 << d)) {
            next = d;
            break;
          }
        }
        if (next < 0) break; // cannot happen on a consistent boundary; never loop forever in a worker
        if (next !== dir) corners.push(x, y);
        if (atStart && next === startDir) break;
        out[v]! &= ~(1 << next);
        dir = next;
      }
      if (corners.length >= 6) rings.push(cutCorners(corners));
    }
  }
  return rings;
}

/** Cuts every corner at half a cell (1 unit in doubled coordinates) and drops collinear points. */
function cutCorners(corners: number[]): Int32Array {
  const n = corners.length / 2;
  const pts: number[] = [];
  for (let k = 0; k < n; k++) {
    const px = corners[((k + n - 1) % n) * 2]! * 2;
    const py = corners[((k + n - 1) % n) * 2 + 1]! * 2;
    const cx = corners[k * 2]! * 2;
    const cy = corners[k * 2 + 1]! * 2;
    const nx = corners[((k + 1) % n) * 2]! * 2;
    const ny = corners[((k + 1) % n) * 2 + 1]! * 2;
    pts.push(cx + Math.sign(px - cx), cy + Math.sign(py - cy), cx + Math.sign(nx - cx), cy + Math.sign(ny - cy));
  }
  // Remove repeats (two cuts meeting mid-edge) and points on a straight run.
  let m = pts.length / 2;
  let ring = pts;
  for (let changed = true; changed && m >= 3;) {
    changed = false;
    const kept: number[] = [];
    for (let k = 0; k < m; k++) {
      const ax = ring[((k + m - 1) % m) * 2]!;
      const ay = ring[((k + m - 1) % m) * 2 + 1]!;
      const bx = ring[k * 2]!;
      const by = ring[k * 2 + 1]!;
      const cx = ring[((k + 1) % m) * 2]!;
      const cy = ring[((k + 1) % m) * 2 + 1]!;
      const same = bx === cx && by === cy;
      const collinear =
        (bx - ax) * (cy - by) - (by - ay) * (cx - bx) === 0 && (bx - ax) * (cx - bx) + (by - ay) * (cy - by) > 0;
      if (same || collinear) changed = true;
      else kept.push(bx, by);
    }
    ring = kept;
    m = ring.length / 2;
  }
  return Int32Array.from(ring);
}

/** Signed area (positive counter-clockwise) of a flat x,y ring. */
function ringArea(ring: Int32Array): number {
  let sum = 0;
  const n = ring.length / 2;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    sum += ring[k * 2]! * ring[j * 2 + 1]! - ring[j * 2]! * ring[k * 2 + 1]!;
  }
  return sum / 2;
}

function pointInRing(x: number, y: number, ring: Int32Array): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let k = 0, j = n - 1; k < n; j = k++) {
    const xi = ring[k * 2]!;
    const yi = ring[k * 2 + 1]!;
    const xj = ring[j * 2]!;
    const yj = ring[j * 2 + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
