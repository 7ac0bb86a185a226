// Walking areas around one facility: for each distance, the street parts reachable within it (edges
// cut at the exact distance) and the area within a short buffer of them. One search with the
// largest distance as its cutoff serves every distance.
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { searchFromSeeds, seedsFromPoint } from './dijkstra';
import type { SnappedPoint } from './snap';
import { edgeStretch, type WalkingNetwork } from './walking-network';
import { outlineLines, type OutlineOptions } from './area-outline';

export interface WalkingArea {
  /** Metres walked from the facility, its access leg included. */
  distance: number;
  /** Street parts reachable within the distance. */
  streets: MultiLineString;
  /** Their total length in metres. */
  streetLength: number;
  /**
   * Area within the buffer (default 40 m) of those streets and of the facility's access leg; null
   * when nothing is reachable. It shows where the streets reach, not a guarantee for each building:
   * a household's own access leg still counts in its coverage distance.
   */
  area: Polygon | MultiPolygon | null;
}

export function walkingArea(
  network: WalkingNetwork,
  source: SnappedPoint,
  distances: number[],
  options: OutlineOptions = {},
): WalkingArea[] {
  if (source.edge < 0 || distances.length === 0)
    return distances.map((distance) => ({
      distance,
      streets: { type: 'MultiLineString', coordinates: [] },
      streetLength: 0,
      area: null,
    }));
  const maxDistance = Math.max(...distances);
  const { distance: nodeDist } = searchFromSeeds(network, seedsFromPoint(network, source), { cutoff: maxDistance });
  const { edgeFrom, edgeTo, edgeLength, edgeCount } = network;
  const accessLeg: Position[] = [
    [source.lon, source.lat],
    [source.snapLon, source.snapLat],
  ];

  return distances.map((distance) => {
    const lines: Position[][] = [];
    let streetLength = 0;
    const intervals: [number, number][] = [];
    for (let e = 0; e < edgeCount; e++) {
      const du = nodeDist[edgeFrom[e]!]!;
      const dv = nodeDist[edgeTo[e]!]!;
      const onSourceEdge = e === source.edge;
      if (du > distance && dv > distance && !onSourceEdge) continue;
      const len = edgeLength[e]!;
      intervals.length = 0;
      if (du <= distance) intervals.push([0, Math.min(len, distance - du)]);
      if (dv <= distance) intervals.push([Math.max(0, len - (distance - dv)), len]);
      // On its own edge the facility reaches both ways directly, not only through the edge ends.
      const rest = distance - source.access;
      if (onSourceEdge && rest >= 0)
        intervals.push([Math.max(0, source.along - rest), Math.min(len, source.along + rest)]);
      intervals.sort((a, b) => a[0] - b[0]);
      let current: [number, number] | null = null;
      const flush = () => {
        if (current && current[1] > current[0]) {
          lines.push(edgeStretch(network, e, current[0], current[1]));
          streetLength += current[1] - current[0];
        }
      };
      for (const iv of intervals) {
        if (current && iv[0] <= current[1]) current[1] = Math.max(current[1], iv[1]);
        else {
          flush();
          current = [iv[0], iv[1]];
        }
      }
      flush();
    }
    const reachable = distance >= source.access;
    const area = reachable ? outlineLines([accessLeg, ...lines], options) : null;
    return { distance, streets: { type: 'MultiLineString', coordinates: lines }, streetLength, area };
  });
}
