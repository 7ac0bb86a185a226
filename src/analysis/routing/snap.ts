// Joins points (households, facilities) to the walking network at the nearest point of the nearest
// edge. The walk from the point to that spot — the access leg — is part of every distance, so a
// compound set back 200 m from the street is 200 m farther from everything than its gate.
// Points farther than the maximum snap distance from every street are unreachable (+Infinity).
import Flatbush from 'flatbush';
import { METRES_PER_DEGREE } from '../../core/geodesy';
import type { WalkingNetwork } from './walking-network';

/** Default largest access leg, in metres. */
export const DEFAULT_MAX_SNAP_DISTANCE = 500;

export interface SnapOptions {
  /** Largest access leg in metres (default 500); farther points are unreachable. */
  maxDistance?: number;
}

/** A batch of snapped points, column-wise (index i = input point i). */
export interface Snapped {
  count: number;
  /** The input points. */
  lon: Float64Array;
  lat: Float64Array;
  /** Edge the point joins; -1 when unreachable. */
  edge: Int32Array;
  /** Ends of that edge (edgeFrom, edgeTo); -1 when unreachable. */
  u: Int32Array;
  v: Int32Array;
  /** Geometry segment (index of its first vertex in the network geometry arrays); -1 when unreachable. */
  segment: Int32Array;
  /** Metres along the edge from u to the snapped position. */
  along: Float64Array;
  /** along / edge length, 0..1. */
  fraction: Float64Array;
  /** Along-edge metres from the snapped position to u and to v. */
  toU: Float64Array;
  toV: Float64Array;
  /** Access leg: metres from the point to its snapped position; +Infinity when unreachable. */
  access: Float64Array;
  snapLon: Float64Array;
  snapLat: Float64Array;
  /** Points with no street within the maximum snap distance. */
  unreachable: number;
}

/** One snapped point, for single-point operations (a path, a walking area). */
export interface SnappedPoint {
  lon: number;
  lat: number;
  edge: number;
  segment: number;
  along: number;
  access: number;
  snapLon: number;
  snapLat: number;
}

interface SegmentIndex {
  /** null when the network has no segments. */
  index: Flatbush | null;
  /** Item → first geometry vertex of the segment. */
  segStart: Int32Array;
  /** Item → edge. */
  segEdge: Int32Array;
  lon0: number;
  lat0: number;
  cosLat0: number;
}

// Kept beside the network rather than in it so the network stays plain, transferable data.
const indexCache = new WeakMap<WalkingNetwork, SegmentIndex>();

/**
 * Flatbush over geometry segments (not whole edges: a long curving edge has a box that catches
 * everything near it), in metres of an equirectangular projection around the network centre.
 */
function segmentIndex(network: WalkingNetwork): SegmentIndex {
  const cached = indexCache.get(network);
  if (cached) return cached;
  const { geometryOffsets, geometryLon, geometryLat, edgeCount } = network;
  const count = geometryLon.length - edgeCount;
  const segStart = new Int32Array(count);
  const segEdge = new Int32Array(count);
  const lon0 = network.nodeCount ? (network.bbox[0] + network.bbox[2]) / 2 : 0;
  const lat0 = network.nodeCount ? (network.bbox[1] + network.bbox[3]) / 2 : 0;
  const cosLat0 = Math.cos((lat0 * Math.PI) / 180);
  const kx = METRES_PER_DEGREE * cosLat0;
  const ky = METRES_PER_DEGREE;
  let index: Flatbush | null = null;
  if (count > 0) {
    index = new Flatbush(count);
    let item = 0;
    for (let e = 0; e < edgeCount; e++) {
      for (let k = geometryOffsets[e]!; k < geometryOffsets[e + 1]! - 1; k++) {
        const x0 = (geometryLon[k]! - lon0) * kx;
        const y0 = (geometryLat[k]! - lat0) * ky;
        const x1 = (geometryLon[k + 1]! - lon0) * kx;
        const y1 = (geometryLat[k + 1]! - lat0) * ky;
        index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        segStart[item] = k;
        segEdge[item] = e;
        item++;
      }
    }
    index.finish();
  }
  const built = { index, segStart, segEdge, lon0, lat0, cosLat0 };
  indexCache.set(network, built);
  return built;
}

/** An empty batch of n points, all unreachable until filled. */
function emptySnapped(n: number): Snapped {
  return {
    count: n,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    edge: new Int32Array(n).fill(-1),
    u: new Int32Array(n).fill(-1),
    v: new Int32Array(n).fill(-1),
    segment: new Int32Array(n).fill(-1),
    along: new Float64Array(n),
    fraction: new Float64Array(n),
    toU: new Float64Array(n).fill(Infinity),
    toV: new Float64Array(n).fill(Infinity),
    access: new Float64Array(n).fill(Infinity),
    snapLon: new Float64Array(n).fill(NaN),
    snapLat: new Float64Array(n).fill(NaN),
    unreachable: n,
  };
}

const FIRST_RADIUS = 32;

export function snapPoints(network: WalkingNetwork, coords: Float64Array, options: SnapOptions = {}): Snapped {
  const maxDistance = options.maxDistance ?? DEFAULT_MAX_SNAP_DISTANCE;
  const n = coords.length >> 1;
  const out = emptySnapped(n);
  const { index, segStart, segEdge, lon0, lat0, cosLat0 } = segmentIndex(network);
  const { geometryLon, geometryLat, geometryAlong, edgeLength, edgeFrom, edgeTo } = network;
  const kx0 = METRES_PER_DEGREE * cosLat0;
  const ky = METRES_PER_DEGREE;

  // Per-point state the search callback reads and updates (one closure for all points).
  let lon = 0;
  let lat = 0;
  let kxP = 0;
  let best2 = Infinity;
  let bestItem = -1;
  let bestT = 0;
  const visit = (item: number): boolean => {
    const k = segStart[item]!;
    const ax = (geometryLon[k]! - lon) * kxP;
    const ay = (geometryLat[k]! - lat) * ky;
    const dx = (geometryLon[k + 1]! - lon) * kxP - ax;
    const dy = (geometryLat[k + 1]! - lat) * ky - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const cx = ax + t * dx;
    const cy = ay + t * dy;
    const d2 = cx * cx + cy * cy;
    if (d2 < best2 || (d2 === best2 && item < bestItem)) {
      best2 = d2;
      bestItem = item;
      bestT = t;
    }
    return false; // nothing to collect: the callback keeps the best itself
  };

  let unreachable = 0;
  for (let i = 0; i < n; i++) {
    lon = coords[2 * i]!;
    lat = coords[2 * i + 1]!;
    out.lon[i] = lon;
    out.lat[i] = lat;
    best2 = Infinity;
    bestItem = -1;
    if (index && Number.isFinite(lon) && Number.isFinite(lat)) {
      const cosLat = Math.cos((lat * Math.PI) / 180);
      kxP = METRES_PER_DEGREE * cosLat;
      // Distances are measured in a projection centred on the point, the index in one centred on
      // the network: a local distance is at least `m` times the index one, so a search box of
      // radius r/m in index metres holds every segment within r local metres.
      const m = Math.min(1, cosLat / cosLat0);
      const x = (lon - lon0) * kx0;
      const y = (lat - lat0) * ky;
      let radius = Math.min(FIRST_RADIUS, maxDistance);
      for (;;) {
        const r = radius / m;
        index.search(x - r, y - r, x + r, y + r, visit);
        if (best2 <= radius * radius || radius >= maxDistance) break;
        radius = Math.min(radius * 4, maxDistance);
      }
    }
    if (bestItem < 0 || best2 > maxDistance * maxDistance) {
      unreachable++;
      continue;
    }
    const k = segStart[bestItem]!;
    const e = segEdge[bestItem]!;
    const len = edgeLength[e]!;
    const along = Math.min(len, geometryAlong[k]! + bestT * (geometryAlong[k + 1]! - geometryAlong[k]!));
    out.edge[i] = e;
    out.u[i] = edgeFrom[e]!;
    out.v[i] = edgeTo[e]!;
    out.segment[i] = k;
    out.along[i] = along;
    out.fraction[i] = along / len;
    out.toU[i] = along;
    out.toV[i] = len - along;
    out.access[i] = Math.sqrt(best2);
    out.snapLon[i] = geometryLon[k]! + bestT * (geometryLon[k + 1]! - geometryLon[k]!);
    out.snapLat[i] = geometryLat[k]! + bestT * (geometryLat[k + 1]! - geometryLat[k]!);
  }
  out.unreachable = unreachable;
  return out;
}

/** Point i of a batch. */
export function snappedPoint(snapped: Snapped, i: number): SnappedPoint {
  return {
    lon: snapped.lon[i]!,
    lat: snapped.lat[i]!,
    edge: snapped.edge[i]!,
    segment: snapped.segment[i]!,
    along: snapped.along[i]!,
    access: snapped.access[i]!,
    snapLon: snapped.snapLon[i]!,
    snapLat: snapped.snapLat[i]!,
  };
}

/** Snaps one point. */
export function snapPoint(network: WalkingNetwork, lon: number, lat: number, options: SnapOptions = {}): SnappedPoint {
  return snappedPoint(snapPoints(network, Float64Array.of(lon, lat), options), 0);
}

/** The points of a batch at the given indices, as a new batch (e.g. the facilities of one category). */
export function selectSnapped(snapped: Snapped, indices: ArrayLike<number>): Snapped {
  const n = indices.length;
  const out = emptySnapped(n);
  let unreachable = 0;
  for (let j = 0; j < n; j++) {
    const i = indices[j]!;
    out.lon[j] = snapped.lon[i]!;
    out.lat[j] = snapped.lat[i]!;
    out.edge[j] = snapped.edge[i]!;
    out.u[j] = snapped.u[i]!;
    out.v[j] = snapped.v[i]!;
    out.segment[j] = snapped.segment[i]!;
    out.along[j] = snapped.along[i]!;
    out.fraction[j] = snapped.fraction[i]!;
    out.toU[j] = snapped.toU[i]!;
    out.toV[j] = snapped.toV[i]!;
    out.access[j] = snapped.access[i]!;
    out.snapLon[j] = snapped.snapLon[i]!;
    out.snapLat[j] = snapped.snapLat[i]!;
    if (snapped.edge[i]! < 0) unreachable++;
  }
  out.unreachable = unreachable;
  return out;
}
