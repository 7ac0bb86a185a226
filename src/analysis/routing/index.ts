// The routing package's front door for the CLI and the analysis worker: living-circle coverage of
// households by facility category in one call, plus the lower-level pieces for paths and walking
// areas. Pure TypeScript over typed arrays: no DOM, no Node APIs.
import type { FeatureCollection } from 'geojson';
import { buildWalkingNetwork } from './walking-network';
import { selectSnapped, snapPoints } from './snap';
import { coverageShares, distanceToNearest, straightLineDistanceToNearest } from './coverage';

export * from './walking-network';
export * from './snap';
export * from './dijkstra';
export * from './coverage';
export * from './path';
export * from './isochrone';
export { outlineLines, type OutlineOptions } from './area-outline';

export interface CoverageInput {
  /** Road lines; without them (or with no usable line) distances are straight-line. */
  roads?: FeatureCollection;
  households: { coordinates: Float64Array; households: Float64Array };
  facilities: { lon: number; lat: number; category: string }[];
  /** Thresholds in metres, e.g. [300, 500, 1000]. */
  distances: number[];
  /** Community index per household point, -1 for none. */
  communityOfHousehold?: Int32Array;
  /** Number of communities (default: largest index + 1). */
  communityCount?: number;
}

export interface CoverageResult {
  mode: 'network' | 'straight-line';
  /** Facility categories in order of first appearance. */
  categories: string[];
  /** Per category, per household point: metres to the nearest facility of it (+Infinity when none is reachable). */
  perCategoryDistance: Record<string, Float64Array>;
  /** category → threshold in metres (as a string, e.g. "500") → household-weighted share 0..1. */
  overall: Record<string, Record<string, number>>;
  /**
   * Indexed by community; the same shape as `overall`. A community with no households gets an empty
   * record (its categories omitted): a share of nothing is undefined, and 0 would read as unserved.
   */
  perCommunity: Record<string, Record<string, number>>[];
  /** Households (weighted, not points) farther than the snap distance (500 m) from every road: never covered. */
  unreachableHouseholds: number;
  /** Facilities farther than the snap distance from every road: they serve nobody on the network. */
  unreachableFacilities?: number;
  networkStats?: { nodes: number; edges: number; components: number; largestComponentShare: number };
}

export function computeCoverage(input: CoverageInput): CoverageResult {
  const { households, facilities, distances } = input;
  const categories: string[] = [];
  const byCategory = new Map<string, number[]>();
  facilities.forEach((f, i) => {
    let list = byCategory.get(f.category);
    if (!list) {
      list = [];
      byCategory.set(f.category, list);
      categories.push(f.category);
    }
    list.push(i);
  });
  const facilityCoords = new Float64Array(facilities.length * 2);
  facilities.forEach((f, i) => {
    facilityCoords[2 * i] = f.lon;
    facilityCoords[2 * i + 1] = f.lat;
  });

  const perCategoryDistance: Record<string, Float64Array> = {};
  const network = input.roads ? buildWalkingNetwork(input.roads) : null;
  let result: Pick<CoverageResult, 'mode' | 'unreachableHouseholds' | 'unreachableFacilities' | 'networkStats'>;
  if (network && network.edgeCount > 0) {
    const homes = snapPoints(network, households.coordinates);
    const sites = snapPoints(network, facilityCoords);
    // No cutoff: the exact distance to the nearest facility is worth showing, and a full
    // multi-source search costs tens of milliseconds per category.
    for (const c of categories)
      perCategoryDistance[c] = distanceToNearest(network, selectSnapped(sites, byCategory.get(c)!), homes);
    let unreachable = 0;
    for (let i = 0; i < homes.count; i++) if (homes.edge[i]! < 0) unreachable += households.households[i]!;
    const { components } = network;
    result = {
      mode: 'network',
      unreachableHouseholds: unreachable,
      unreachableFacilities: sites.unreachable,
      networkStats: {
        nodes: network.nodeCount,
        edges: network.edgeCount,
        components: components.count,
        largestComponentShare: network.nodeCount ? components.sizes[components.largest]! / network.nodeCount : 0,
      },
    };
  } else {
    for (const c of categories) {
      const idx = byCategory.get(c)!;
      const coords = new Float64Array(idx.length * 2);
      idx.forEach((f, j) => {
        coords[2 * j] = facilityCoords[2 * f]!;
        coords[2 * j + 1] = facilityCoords[2 * f + 1]!;
      });
      perCategoryDistance[c] = straightLineDistanceToNearest(coords, households.coordinates);
    }
    result = { mode: 'straight-line', unreachableHouseholds: 0 };
  }

  const groups = input.communityOfHousehold;
  let groupCount = input.communityCount ?? 0;
  if (groups && input.communityCount === undefined)
    for (let i = 0; i < groups.length; i++) groupCount = Math.max(groupCount, groups[i]! + 1);
  const overall: Record<string, Record<string, number>> = {};
  const perCommunity: Record<string, Record<string, number>>[] = Array.from({ length: groupCount }, () => ({}));
  const keys = distances.map((d) => String(d));
  for (const c of categories) {
    const shares = coverageShares(perCategoryDistance[c]!, households.households, distances, groups, groupCount);
    const record = (values: number[]) => Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
    overall[c] = shares.overall ? record(shares.overall) : {};
    shares.perGroup.forEach((values, g) => {
      if (values) perCommunity[g]![c] = record(values);
    });
  }
  return { ...result, categories, perCategoryDistance, overall, perCommunity };
}
