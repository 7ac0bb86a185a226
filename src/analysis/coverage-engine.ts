// Living-circle coverage kept up to date in the worker: the walking network (or straight-line
// distances when there are no roads), households snapped once, and per facility category the
// distance from every household to its nearest facility. A facility edit recomputes only the
// categories it touched; a boundary edit only re-aggregates per community.
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Facility } from '../core/model';
import {
  buildWalkingNetwork,
  nearestFacility,
  nearestFacilityPath,
  snappedPoint,
  snapPoint,
  snapPoints,
  straightLineDistanceToNearest,
  walkingArea,
  type SearchResult,
  type Snapped,
  type WalkingArea,
  type WalkingNetwork,
} from './routing';
import { haversine } from '../core/geodesy';
import { communityCoverage, type CoverageShares } from './community-coverage';

export type DistanceMode = 'network' | 'straight-line';

interface CategoryState {
  signature: string;
  facilityIndices: number[];
  distance: Float64Array;
  /** Network mode: the search and the snapped facilities, for paths without a new search. */
  search: SearchResult | null;
  sites: Snapped | null;
}

export interface NearestFacilityInfo {
  category: string;
  distance: number;
  facilityId: string | null;
  facilityName: string | null;
  path: LineString | null;
}

export class CoverageEngine {
  private roads: FeatureCollection<LineString | MultiLineString> | null = null;
  private network: WalkingNetwork | null = null;
  private homes: { coordinates: Float64Array; households: Float64Array } = {
    coordinates: new Float64Array(0),
    households: new Float64Array(0),
  };
  private homesSnapped: Snapped | null = null;
  private facilities: Facility[] = [];
  private categories = new Map<string, CategoryState>();
  distances: number[] = [300, 500, 1000];

  get mode(): DistanceMode {
    return this.network && this.network.edgeCount > 0 ? 'network' : 'straight-line';
  }

  get hasFacilities(): boolean {
    return this.facilities.length > 0;
  }

  networkStats(): { nodes: number; edges: number; components: number; largestComponentShare: number } | null {
    const n = this.network;
    if (!n) return null;
    const largest = n.nodeCount ? n.components.sizes[n.components.largest]! / n.nodeCount : 0;
    return { nodes: n.nodeCount, edges: n.edgeCount, components: n.components.count, largestComponentShare: largest };
  }

  /** Households with no street within the snap distance (they count as not covered). */
  householdsOffNetwork(): number {
    if (this.mode !== 'network') return 0;
    const s = this.snappedHomes();
    let total = 0;
    for (let i = 0; i < s.count; i++) if (s.edge[i]! < 0) total += this.homes.households[i]!;
    return total;
  }

  setRoads(roads: FeatureCollection<LineString | MultiLineString> | null): void {
    if (roads === this.roads) return;
    this.roads = roads;
    this.network = roads && roads.features.length ? buildWalkingNetwork(roads) : null;
    this.homesSnapped = null;
    this.categories.clear();
  }

  setHouseholds(coordinates: Float64Array, households: Float64Array): void {
    this.homes = { coordinates, households };
    this.homesSnapped = null;
    this.categories.clear();
  }

  setFacilities(facilities: Facility[]): void {
    this.facilities = facilities;
  }

  setDistances(distances: number[]): void {
    this.distances = distances.slice().sort((a, b) => a - b);
  }

  /** Brings every category's distances up to date; returns the categories recomputed. */
  update(): string[] {
    const groups = new Map<string, number[]>();
    this.facilities.forEach((f, i) => {
      const list = groups.get(f.category);
      if (list) list.push(i);
      else groups.set(f.category, [i]);
    });
    const changed: string[] = [];
    for (const c of [...this.categories.keys()])
      if (!groups.has(c)) {
        this.categories.delete(c);
        changed.push(c);
      }
    for (const [category, indices] of groups) {
      const signature = indices
        .map((i) => `${this.facilities[i]!.id}@${this.facilities[i]!.lon},${this.facilities[i]!.lat}`)
        .join('|');
      if (this.categories.get(category)?.signature === signature) continue;
      this.categories.set(category, this.compute(signature, indices));
      changed.push(category);
    }
    return changed;
  }

  private snappedHomes(): Snapped {
    if (!this.homesSnapped) this.homesSnapped = snapPoints(this.network!, this.homes.coordinates);
    return this.homesSnapped;
  }

  private compute(signature: string, indices: number[]): CategoryState {
    const coords = new Float64Array(indices.length * 2);
    indices.forEach((f, j) => {
      coords[j * 2] = this.facilities[f]!.lon;
      coords[j * 2 + 1] = this.facilities[f]!.lat;
    });
    if (this.mode === 'network') {
      const sites = snapPoints(this.network!, coords);
      const result = nearestFacility(this.network!, sites, this.snappedHomes());
      return { signature, facilityIndices: indices, distance: result.distance, search: result.search, sites };
    }
    return {
      signature,
      facilityIndices: indices,
      distance: straightLineDistanceToNearest(coords, this.homes.coordinates),
      search: null,
      sites: null,
    };
  }

  categoryList(): string[] {
    return [...this.categories.keys()].sort();
  }

  /** Household-weighted share within each distance, per category, over all households. */
  overall(): CoverageShares {
    const all = new Int32Array(this.homes.households.length);
    for (let i = 0; i < all.length; i++) all[i] = i;
    return communityCoverage(this.view(), this.homes.households, this.distances, [all])[0] ?? {};
  }

  perCommunity(members: readonly Int32Array[], only?: readonly string[]): (CoverageShares | null)[] {
    return communityCoverage(this.view(), this.homes.households, this.distances, members, only);
  }

  private view() {
    const perCategoryDistance: Record<string, Float64Array> = Object.fromEntries(
      [...this.categories].map(([c, s]) => [c, s.distance]),
    );
    return { categories: this.categoryList(), perCategoryDistance };
  }

  /** Per household: index of the first distance tier that covers it, or the tier count when none does. */
  tiers(category: string): Uint8Array {
    const s = this.categories.get(category);
    const n = this.homes.households.length;
    const out = new Uint8Array(n).fill(this.distances.length);
    if (!s) return out;
    for (let i = 0; i < n; i++) {
      const d = s.distance[i]!;
      for (let k = 0; k < this.distances.length; k++)
        if (d <= this.distances[k]!) {
          out[i] = k;
          break;
        }
    }
    return out;
  }

  /** For one household: its nearest facility of each category, the distance and the walked path. */
  nearest(household: number): NearestFacilityInfo[] {
    const out: NearestFacilityInfo[] = [];
    const x = this.homes.coordinates[household * 2]!;
    const y = this.homes.coordinates[household * 2 + 1]!;
    for (const category of this.categoryList()) {
      const s = this.categories.get(category)!;
      const distance = s.distance[household] ?? Infinity;
      let facility: Facility | undefined;
      let path: LineString | null = null;
      if (this.mode === 'network' && s.search && s.sites) {
        const p = nearestFacilityPath(this.network!, s.search, s.sites, snappedPoint(this.snappedHomes(), household));
        if (p) {
          facility = this.facilities[s.facilityIndices[p.sourceIndex]!];
          path = p.geometry;
        }
      } else {
        let best = Infinity;
        for (const i of s.facilityIndices) {
          const f = this.facilities[i]!;
          const d = haversine(x, y, f.lon, f.lat);
          if (d < best) {
            best = d;
            facility = f;
          }
        }
        if (facility)
          path = {
            type: 'LineString',
            coordinates: [
              [x, y],
              [facility.lon, facility.lat],
            ],
          };
      }
      out.push({ category, distance, facilityId: facility?.id ?? null, facilityName: facility?.name ?? null, path });
    }
    return out;
  }

  /** Walking areas (5/10/15-minute distances) around a point, e.g. a selected facility. */
  walkingAreas(lon: number, lat: number): WalkingArea[] | null {
    if (this.mode !== 'network') return null;
    return walkingArea(this.network!, snapPoint(this.network!, lon, lat), this.distances);
  }
}
