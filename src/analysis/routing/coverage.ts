// Living-circle coverage: each household point's walking distance to the nearest facility of a
// kind, and the household-weighted share within each threshold (5/10/15-minute distances), overall
// and per community. A straight-line variant serves plans that have no road layer yet.
import Flatbush from 'flatbush';
import { haversine, METRES_PER_DEGREE } from '../../core/geodesy';
import { multiSourceSearch, type SearchResult } from './dijkstra';
import type { Snapped } from './snap';
import type { WalkingNetwork } from './walking-network';

export interface NearestOptions {
  /** Distances beyond this (metres) come back as +Infinity; speeds the search up. */
  cutoff?: number;
  /** A search already run from these sources (with at least the same cutoff), to reuse. */
  search?: SearchResult;
}

export interface NearestResult {
  /** Per target: walking metres to the nearest source, both access legs included; +Infinity when none. */
  distance: Float64Array;
  /** Per target: index of that source, -1 when none. */
  source: Int32Array;
  search: SearchResult;
}

/** Sources grouped by the edge they sit on, for the same-edge shortcut. */
export function sourcesByEdge(sources: Snapped): Map<number, number[]> {
  const byEdge = new Map<number, number[]>();
  for (let s = 0; s < sources.count; s++) {
    const e = sources.edge[s]!;
    if (e < 0) continue;
    const list = byEdge.get(e);
    if (list) list.push(s);
    else byEdge.set(e, [s]);
  }
  return byEdge;
}

/**
 * Nearest source for every target. A target is reached through either end of its edge — or
 * straight along the edge when a source sits on the same edge, which no node distance sees.
 */
export function nearestFacility(
  network: WalkingNetwork,
  sources: Snapped,
  targets: Snapped,
  options: NearestOptions = {},
): NearestResult {
  const cutoff = options.cutoff ?? Infinity;
  const search = options.search ?? multiSourceSearch(network, sources, { cutoff });
  const nodeDist = search.distance;
  const nodeSource = search.source;
  const byEdge = sourcesByEdge(sources);
  const distance = new Float64Array(targets.count).fill(Infinity);
  const source = new Int32Array(targets.count).fill(-1);
  for (let t = 0; t < targets.count; t++) {
    const e = targets.edge[t]!;
    if (e < 0) continue;
    const u = targets.u[t]!;
    const v = targets.v[t]!;
    let best = nodeDist[u]! + targets.toU[t]!;
    let bestSource = nodeSource[u]!;
    const viaV = nodeDist[v]! + targets.toV[t]!;
    if (viaV < best) {
      best = viaV;
      bestSource = nodeSource[v]!;
    }
    const onEdge = byEdge.get(e);
    if (onEdge)
      for (const s of onEdge) {
        const direct = Math.abs(sources.along[s]! - targets.along[t]!) + sources.access[s]!;
        if (direct < best) {
          best = direct;
          bestSource = s;
        }
      }
    best += targets.access[t]!;
    if (best <= cutoff) {
      distance[t] = best;
      source[t] = bestSource;
    }
  }
  return { distance, source, search };
}

/** Walking metres from every target to its nearest source (+Infinity when unreachable or past the cutoff). */
export function distanceToNearest(
  network: WalkingNetwork,
  sources: Snapped,
  targets: Snapped,
  options: NearestOptions = {},
): Float64Array {
  return nearestFacility(network, sources, targets, options).distance;
}

/**
 * Great-circle metres from every target to its nearest source, for plans without roads: a lower
 * bound on the walk, to be reported as such. Both inputs are interleaved lon,lat.
 */
export function straightLineDistanceToNearest(sourceInput: Float64Array, targetCoords: Float64Array): Float64Array {
  const nT = targetCoords.length >> 1;
  const out = new Float64Array(nT).fill(Infinity);
  const valid: number[] = [];
  for (let i = 0; i < sourceInput.length >> 1; i++)
    if (Number.isFinite(sourceInput[2 * i]) && Number.isFinite(sourceInput[2 * i + 1]))
      valid.push(sourceInput[2 * i]!, sourceInput[2 * i + 1]!);
  const sourceCoords = Float64Array.from(valid);
  const nS = sourceCoords.length >> 1;
  if (nS === 0) return out;

  // Flatbush finds candidates in an equirectangular projection around the sources' mean latitude;
  // haversine decides. Projected lengths exceed true ones by at most `stretch` (the widest cos
  // ratio over the data's latitudes), so every source nearer than the first candidate lies within
  // stretch × its distance of the target in the projection.
  let latSum = 0;
  let lonSum = 0;
  let maxAbsLat = 0;
  for (let i = 0; i < nS; i++) {
    lonSum += sourceCoords[2 * i]!;
    latSum += sourceCoords[2 * i + 1]!;
    maxAbsLat = Math.max(maxAbsLat, Math.abs(sourceCoords[2 * i + 1]!));
  }
  for (let i = 0; i < nT; i++) {
    const lat = targetCoords[2 * i + 1]!;
    if (Number.isFinite(lat)) maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
  }
  const lon0 = lonSum / nS;
  const lat0 = latSum / nS;
  const cos0 = Math.cos((lat0 * Math.PI) / 180);
  const stretch = Math.max(1, cos0 / Math.max(1e-6, Math.cos((Math.min(90, maxAbsLat) * Math.PI) / 180))) * 1.01;
  const kx = METRES_PER_DEGREE * cos0;
  const ky = METRES_PER_DEGREE;
  const index = new Flatbush(nS);
  for (let i = 0; i < nS; i++) {
    const x = (sourceCoords[2 * i]! - lon0) * kx;
    const y = (sourceCoords[2 * i + 1]! - lat0) * ky;
    index.add(x, y, x, y);
  }
  index.finish();

  for (let t = 0; t < nT; t++) {
    const lon = targetCoords[2 * t]!;
    const lat = targetCoords[2 * t + 1]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const x = (lon - lon0) * kx;
    const y = (lat - lat0) * ky;
    const first = index.neighbors(x, y, 1)[0]!;
    let best = haversine(lon, lat, sourceCoords[2 * first]!, sourceCoords[2 * first + 1]!);
    const r = best * stretch + 1;
    for (const s of index.search(x - r, y - r, x + r, y + r)) {
      const d = haversine(lon, lat, sourceCoords[2 * s]!, sourceCoords[2 * s + 1]!);
      if (d < best) best = d;
    }
    out[t] = best;
  }
  return out;
}
