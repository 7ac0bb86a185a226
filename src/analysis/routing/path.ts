// Walked paths as lines for the map: from a household to a chosen point, or to its nearest
// facility using the predecessor arcs a multi-source search already left behind. Paths include
// both access legs, so their length matches the coverage distance shown beside them.
import type { LineString, Position } from 'geojson';
import { searchFromSeeds, seedsFromPoint, type SearchResult } from './dijkstra';
import { snappedPoint, type Snapped, type SnappedPoint } from './snap';
import { edgeStretch, otherEnd, type WalkingNetwork } from './walking-network';

export interface WalkedPath {
  /** Walking metres, access legs included (the same figure the coverage reports). */
  length: number;
  geometry: LineString;
}

/** Coordinates of the network part of a path, from the seed node it started at to node n. */
function walkBack(network: WalkingNetwork, search: SearchResult, n: number): { seed: number; coords: Position[] } {
  const pieces: Position[][] = [];
  let node = n;
  for (let arc = search.predecessorArc[node]!; arc >= 0; arc = search.predecessorArc[node]!) {
    const e = network.arcEdge[arc]!;
    const prev = otherEnd(network, e, node);
    const len = network.edgeLength[e]!;
    // Walked prev → node: along the stored geometry when the edge starts at prev, else reversed.
    pieces.push(network.edgeFrom[e] === prev ? edgeStretch(network, e, 0, len) : edgeStretch(network, e, len, 0));
    node = prev;
  }
  pieces.reverse();
  const coords: Position[] = [[network.nodeLon[node]!, network.nodeLat[node]!]];
  for (const piece of pieces) for (const p of piece) coords.push(p);
  return { seed: node, coords };
}

/** The end (0 or edge length, in metres along) of point p's edge at which it reaches node n. */
function alongAtNode(network: WalkingNetwork, p: SnappedPoint, n: number): number {
  const e = p.edge;
  const len = network.edgeLength[e]!;
  const u = network.edgeFrom[e]!;
  const v = network.edgeTo[e]!;
  if (u === v) return p.along <= len - p.along ? 0 : len; // a loop: the shorter way round
  return n === u ? 0 : len;
}

function toLineString(parts: Position[][]): LineString {
  const coords: Position[] = [];
  for (const part of parts)
    for (const p of part) {
      const last = coords[coords.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) coords.push(p);
    }
  if (coords.length === 1) coords.push(coords[0]!); // a zero-length walk is still a valid LineString
  return { type: 'LineString', coordinates: coords };
}

/** Path from `from` to `to` over the network when one reaches `to` through node `end`. */
function assemble(
  network: WalkingNetwork,
  search: SearchResult,
  from: SnappedPoint,
  end: number,
  to: SnappedPoint,
  length: number,
): WalkedPath {
  const { seed, coords } = walkBack(network, search, end);
  return {
    length,
    geometry: toLineString([
      [
        [from.lon, from.lat],
        [from.snapLon, from.snapLat],
      ],
      edgeStretch(network, from.edge, from.along, alongAtNode(network, from, seed)),
      coords,
      edgeStretch(network, to.edge, alongAtNode(network, to, end), to.along),
      [
        [to.snapLon, to.snapLat],
        [to.lon, to.lat],
      ],
    ]),
  };
}

/** Straight along one edge, for two points on the same edge. */
function along(network: WalkingNetwork, from: SnappedPoint, to: SnappedPoint, length: number): WalkedPath {
  return {
    length,
    geometry: toLineString([
      [
        [from.lon, from.lat],
        [from.snapLon, from.snapLat],
      ],
      edgeStretch(network, from.edge, from.along, to.along),
      [
        [to.snapLon, to.snapLat],
        [to.lon, to.lat],
      ],
    ]),
  };
}

/** Shortest walk between two snapped points; null when either is off the network or they are not connected. */
export function shortestPath(network: WalkingNetwork, from: SnappedPoint, to: SnappedPoint): WalkedPath | null {
  if (from.edge < 0 || to.edge < 0) return null;
  const u = network.edgeFrom[to.edge]!;
  const v = network.edgeTo[to.edge]!;
  // Only the two ends of the target's edge matter, so the search stops once both are settled.
  const search = searchFromSeeds(network, seedsFromPoint(network, from), { stopAt: [u, v] });
  const viaU = search.distance[u]! + to.along;
  const viaV = search.distance[v]! + network.edgeLength[to.edge]! - to.along;
  const direct = from.edge === to.edge ? Math.abs(from.along - to.along) + from.access : Infinity;
  const best = Math.min(viaU, viaV, direct);
  if (best === Infinity) return null;
  const length = best + to.access;
  if (direct === best) return along(network, from, to, length);
  return assemble(network, search, from, viaU <= viaV ? u : v, to, length);
}

export interface FacilityPath extends WalkedPath {
  /** Index of the nearest source in the batch the search was run from. */
  sourceIndex: number;
}

/**
 * The walk from `target` to its nearest source, read from a multi-source search over `sources`
 * (no new search). null when the target is off the network or no source reaches it.
 */
export function nearestFacilityPath(
  network: WalkingNetwork,
  search: SearchResult,
  sources: Snapped,
  target: SnappedPoint,
): FacilityPath | null {
  const e = target.edge;
  if (e < 0) return null;
  const u = network.edgeFrom[e]!;
  const v = network.edgeTo[e]!;
  const viaU = search.distance[u]! + target.along;
  const viaV = search.distance[v]! + network.edgeLength[e]! - target.along;
  let direct = Infinity;
  let directSource = -1;
  for (let s = 0; s < sources.count; s++) {
    if (sources.edge[s] !== e) continue;
    const d = Math.abs(sources.along[s]! - target.along) + sources.access[s]!;
    if (d < direct) {
      direct = d;
      directSource = s;
    }
  }
  const best = Math.min(viaU, viaV, direct);
  if (best === Infinity) return null;
  const length = best + target.access;
  if (direct === best) {
    return { ...along(network, snappedPoint(sources, directSource), target, length), sourceIndex: directSource };
  }
  const end = viaU <= viaV ? u : v;
  const sourceIndex = search.source[end]!;
  return { ...assemble(network, search, snappedPoint(sources, sourceIndex), end, target, length), sourceIndex };
}
