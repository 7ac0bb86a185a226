// Shared geometry plumbing for the edit operations: conversion to and from polyclip-ts rings, areas,
// bounding boxes, point-in-polygon, a local metric projection for tolerances, and output rounding.
//
// Coordinates are WGS84 lon/lat. New vertices (where a cut meets an edge) are computed in a "work
// space" of x = lon, y = sin(lat) (scaled back to degree-like units): the cylindrical equal-area
// projection that turf's area formula integrates in. An edge is straight there, so a vertex put on
// it does not change turf's area of the ring, and the areas of split parts, grids and merged
// communities add up exactly. Done in plain lon/lat they are off by up to a few parts per million
// (a square metre on a 25 ha community): invisible on a map, but enough that a total in the UI
// would not equal the sum of its rows. The two kinds of straight differ by millimetres.
import turfArea from '@turf/area';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Geom } from 'polyclip-ts';
import { METRES_PER_DEGREE, metresPerDegreeLon, RAD } from '../geodesy';

/** A community or grid boundary. */
export type AreaGeometry = Polygon | MultiPolygon;
export type Pair = [number, number];
/** Lon/lat to metres east and north of an origin, and back. */
export interface LocalProjection {
  to: (p: Pair) => Pair;
  from: (p: Pair) => Pair;
}
/** [minLon, minLat, maxLon, maxLat]. */
export type Bbox = [number, number, number, number];
/** One polygon as rings of [lon, lat] pairs: shell first, then holes; rings are closed. */
export type PolygonRings = Pair[][];

/**
 * Decimals the edit operations write. terra-draw rejects coordinates with more than 9 decimals, and
 * 1e-9° is about 0.1 mm, far below anything a boundary means.
 */
export const OUTPUT_DECIMALS = 9;
/** Pieces and holes smaller than this are digitising slivers, not places (about a desk's footprint). */
export const SLIVER_AREA_M2 = 1;

/** The polygons of a geometry, as closed [lon, lat] rings (any third ordinate dropped). */
export function polygonsOf(geom: AreaGeometry): PolygonRings[] {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out: PolygonRings[] = [];
  for (const poly of polys) {
    const rings: Pair[][] = [];
    for (const ring of poly) {
      const r = closeRing(ring.map((p) => [p[0] as number, p[1] as number] as Pair));
      if (r.length >= 4) rings.push(r);
      else if (rings.length === 0) break; // a collapsed shell takes its holes with it
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

export function closeRing(ring: Pair[]): Pair[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return ring;
  if (first[0] !== last[0] || first[1] !== last[1]) return [...ring, [first[0], first[1]]];
  return ring;
}

const toWorkY = (lat: number) => Math.sin(lat * RAD) / RAD;
const fromWorkY = (y: number) => Math.asin(Math.max(-1, Math.min(1, y * RAD))) / RAD;

/** A lon/lat position in work space (see the header). */
export function toWork(p: Pair): Pair {
  return [p[0], toWorkY(p[1])];
}

export function fromWork(p: Pair): Pair {
  return [p[0], fromWorkY(p[1])];
}

export function polygonsToWork(polys: PolygonRings[]): PolygonRings[] {
  return polys.map((rings) => rings.map((ring) => ring.map(toWork)));
}

export function polygonsFromWork(polys: PolygonRings[]): PolygonRings[] {
  return polys.map((rings) => rings.map((ring) => ring.map(fromWork)));
}

/** polyclip-ts input, in work space. */
export function toClip(geom: AreaGeometry): Pair[][][] {
  return polygonsToWork(polygonsOf(geom));
}

/** polyclip-ts input from lon/lat polygons, in work space. */
export function polygonsToClip(polys: PolygonRings[]): Geom {
  return polygonsToWork(polys);
}

/** A geometry from polygons: a Polygon for one part, a MultiPolygon for several, null for none. */
export function geometryFromPolygons(polys: PolygonRings[]): AreaGeometry | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polys };
}

/**
 * A polyclip-ts result (work space) as lon/lat GeoJSON, dropping parts and holes smaller than `minArea_m2`: exact
 * arithmetic turns every near-coincident edge pair into a sliver, and those are noise, not territory.
 */
export function fromClip(result: Pair[][][], minArea_m2 = 0): AreaGeometry | null {
  const polys: PolygonRings[] = [];
  for (const poly of polygonsFromWork(result)) {
    const shell = poly[0];
    if (!shell || shell.length < 4) continue;
    if (minArea_m2 > 0 && ringAreaM2(shell) < minArea_m2) continue;
    const holes = poly.slice(1).filter((h) => h.length >= 4 && (minArea_m2 <= 0 || ringAreaM2(h) >= minArea_m2));
    polys.push([shell, ...holes]);
  }
  return geometryFromPolygons(polys);
}

/** Geodesic area in m² (turf's spherical formula, the same one every other module uses). */
export function areaM2(geom: AreaGeometry): number {
  return turfArea(geom);
}

export function ringAreaM2(ring: Pair[]): number {
  return turfArea({ type: 'Polygon', coordinates: [ring] });
}

export function polygonAreaM2(rings: PolygonRings): number {
  return turfArea({ type: 'Polygon', coordinates: rings });
}

/** Area of a polyclip-ts result (work space) in m². */
export function clipAreaM2(result: Pair[][][]): number {
  let sum = 0;
  for (const poly of polygonsFromWork(result)) sum += polygonAreaM2(poly);
  return sum;
}

export function geometryBbox(geom: AreaGeometry): Bbox {
  return ringsBbox(polygonsOf(geom).flat());
}

export function ringsBbox(rings: Pair[][]): Bbox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}

/** Grows a bbox by a distance in metres, so a zoom to a single point still shows its surroundings. */
export function padBbox(b: Bbox, metres: number): Bbox {
  const m = metresPerDegree((b[1] + b[3]) / 2);
  const dx = metres / m.x;
  const dy = metres / m.y;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

/** Metres per degree of longitude (x) and latitude (y) at a latitude, on the sphere turf uses. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  return { x: metresPerDegreeLon(lat), y: METRES_PER_DEGREE };
}

/** A local equirectangular projection in metres around a latitude, and its inverse. */
export function localProjection(lon0: number, lat0: number): LocalProjection {
  const k = metresPerDegree(lat0);
  return {
    to: (p) => [(p[0] - lon0) * k.x, (p[1] - lat0) * k.y],
    from: (p) => [p[0] / k.x + lon0, p[1] / k.y + lat0],
  };
}

/**
 * Even-odd ray casting over all rings of one polygon, which for a valid polygon is "inside the shell
 * and outside every hole". Points exactly on an edge may go either way; callers that care about
 * the boundary measure distance to it instead.
 */
export function pointInRings(x: number, y: number, rings: Pair[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i] as Pair;
      const b = ring[j] as Pair;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

export function pointInPolygons(x: number, y: number, polys: PolygonRings[]): boolean {
  for (const rings of polys) if (pointInRings(x, y, rings)) return true;
  return false;
}

export function pointInGeometry(x: number, y: number, geom: AreaGeometry): boolean {
  return pointInPolygons(x, y, polygonsOf(geom));
}

/** Distance in degrees-space from p to segment ab, with x scaled by kx so the result is in metres. */
export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  kx = 1,
  ky = 1,
): number {
  const ux = (bx - ax) * kx;
  const uy = (by - ay) * ky;
  const wx = (px - ax) * kx;
  const wy = (py - ay) * ky;
  const len2 = ux * ux + uy * uy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, (wx * ux + wy * uy) / len2)) : 0;
  const dx = wx - t * ux;
  const dy = wy - t * uy;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Twice the signed planar area of a ring (positive when counter-clockwise), relative to its first point. */
export function signedArea2(ring: Pair[]): number {
  const o = ring[0];
  if (!o) return 0;
  let s = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const a = ring[i] as Pair;
    const b = ring[i + 1] as Pair;
    s += (a[0] - o[0]) * (b[1] - o[1]) - (b[0] - o[0]) * (a[1] - o[1]);
  }
  return s;
}

/**
 * A point guaranteed inside the polygon (not the centroid, which falls outside an L or a U): the middle
 * of the widest inside stretch of a horizontal line through the middle of the largest part. Used as
 * the place the UI zooms to.
 */
export function pointOnSurface(geom: AreaGeometry): Pair {
  const polys = polygonsOf(geom);
  let best: PolygonRings | undefined;
  let bestArea = -1;
  for (const p of polys) {
    const a = Math.abs(signedArea2(p[0] as Pair[]));
    if (a > bestArea) {
      bestArea = a;
      best = p;
    }
  }
  if (!best) return [NaN, NaN];
  const [x0, y0, x1, y1] = ringsBbox(best);
  // Scan a few heights: the exact middle can run along an edge or through a vertex.
  for (const f of [0.5, 0.37, 0.63, 0.21, 0.79]) {
    const y = y0 + (y1 - y0) * f;
    const xs: number[] = [];
    for (const ring of best) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as Pair;
        const b = ring[i + 1] as Pair;
        if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
      }
    }
    xs.sort((p, q) => p - q);
    let width = 0;
    let mid = NaN;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = (xs[i + 1] as number) - (xs[i] as number);
      if (w > width) {
        width = w;
        mid = ((xs[i] as number) + (xs[i + 1] as number)) / 2;
      }
    }
    if (width > 0) return [mid, y];
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

const roundTo = (v: number, f: number) => Math.round(v * f) / f;

function roundRing(ring: Position[], f: number): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q: Position = [roundTo(p[0] as number, f), roundTo(p[1] as number, f)];
    const prev = out[out.length - 1];
    // Rounding can make neighbours equal; a repeated vertex is a zero-length edge that editors reject.
    if (prev && prev[0] === q[0] && prev[1] === q[1]) continue;
    out.push(q);
  }
  return out;
}

/**
 * Rounds every coordinate to `decimals` (terra-draw accepts at most 9) and removes the repeated
 * vertices and collapsed holes rounding can leave. Shared vertices round identically, so pieces that
 * tiled before rounding still share their edges exactly.
 */
export function roundGeometry<T extends AreaGeometry>(geom: T, decimals = 8): T {
  const f = 10 ** decimals;
  const roundPolygon = (poly: Position[][]) =>
    poly.map((ring) => roundRing(ring, f)).filter((ring, i) => i === 0 || ring.length >= 4);
  if (geom.type === 'Polygon') return { type: 'Polygon', coordinates: roundPolygon(geom.coordinates) } as T;
  return { type: 'MultiPolygon', coordinates: geom.coordinates.map(roundPolygon) } as T;
}
