// Runs the size analysis of a whole plan: households per community and per grid, unassigned and
// overlapping households (in communities and in grids), band status and flags. Holds one AreaCounter per layer so an edit to
// one area recounts only that area. Used by the Web Worker and by the CLI alike.
import { FIXED_SOURCES, fixedSourcesFor, makeFlag, type FixedSourceKey } from '../core/flag-registry';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import KDBush from 'kdbush';
import { listMessage, msg } from '../core/i18n';
import type {
  AreaResult,
  AreaUnit,
  CoverageShares,
  Facility,
  Flag,
  HouseholdSet,
  Message,
  PlanAnalysis,
  PlanCoverage,
} from '../core/model';
import { evaluateFacilityRequirements } from '../core/facility-rules';
import { buildPolygonSet, pointInUnit } from './polygon-set';
import { CoverageEngine } from './coverage-engine';
import { checkTopology, type TopologyFlag } from './topology';
import { findCommunityType, livingCircleDistances, type RuleProfile } from '../core/rule-profile';
import { evaluateCommunitySize, evaluateGridSize, summarize, type LargestPoint } from '../core/size-rules';
import { AreaCounter } from './area-counter';
import { buildHouseholdFrame } from './household-frame';

export class PlanAnalyzer {
  /** Units by counter slot; a deleted unit's slot is null until the next full set (never a mark in its properties). */
  private communities: (AreaUnit | null)[] = [];
  private grids: (AreaUnit | null)[] = [];
  private communityCounter: AreaCounter;
  private gridCounter: AreaCounter;
  private communityIndexById = new Map<string, number>();
  private facilities: Facility[] = [];
  private facilityIndex: KDBush | null = null;
  readonly coverage = new CoverageEngine();
  private coverageCache: {
    distancesKey: string;
    byArea: Map<number, { list: Int32Array; shares: CoverageShares | null }>;
    overall: CoverageShares | null;
  } = {
    distancesKey: '',
    byArea: new Map(),
    overall: null,
  };
  private householdSet: HouseholdSet;
  /** Households of the biggest single point: when no band max is below it, no point is indivisible. */
  private maxPointHouseholds = 0;
  private gridIndexById = new Map<string, number>();

  constructor(households: HouseholdSet) {
    this.householdSet = households;
    this.maxPointHouseholds = maxOf(households.households);
    const frame = buildHouseholdFrame(households);
    this.communityCounter = new AreaCounter(frame);
    this.gridCounter = new AreaCounter(frame);
    this.coverage.setHouseholds(households.coordinates, households.households);
  }

  setFacilities(facilities: Facility[]): void {
    this.facilities = facilities;
    this.facilityIndex = null;
    this.coverage.setFacilities(facilities);
  }

  setRoads(roads: FeatureCollection<LineString | MultiLineString> | null): void {
    this.coverage.setRoads(roads);
    this.coverageCache = { distancesKey: '', byArea: new Map(), overall: null };
  }

  setHouseholds(households: HouseholdSet): void {
    this.householdSet = households;
    this.maxPointHouseholds = maxOf(households.households);
    this.coverageCache = { distancesKey: '', byArea: new Map(), overall: null };
    this.coverage.setHouseholds(households.coordinates, households.households);
    const frame = buildHouseholdFrame(households);
    this.communityCounter = new AreaCounter(frame);
    this.gridCounter = new AreaCounter(frame);
    this.communityCounter.setAreas(this.communities.map((u) => u?.geometry ?? null));
    this.gridCounter.setAreas(this.grids.map((u) => u?.geometry ?? null));
  }

  setCommunities(units: AreaUnit[]): void {
    this.communities = units.slice();
    this.communityIndexById = new Map(units.map((u, i) => [u.id, i]));
    this.communityCounter.setAreas(units.map((u) => u.geometry));
  }

  setGrids(units: AreaUnit[]): void {
    this.grids = units.slice();
    this.gridIndexById = new Map(units.map((u, i) => [u.id, i]));
    this.gridCounter.setAreas(units.map((u) => u.geometry));
  }

  /**
   * Applies changed and deleted units of one layer, recounting only those. Deleted units keep
   * their slot (as null geometry) until the next full set, so indices stay stable.
   */
  updateUnits(kind: 'community' | 'grid', put: AreaUnit[], deleted: string[]): void {
    const units = kind === 'community' ? this.communities : this.grids;
    const byId = kind === 'community' ? this.communityIndexById : this.gridIndexById;
    const counter = kind === 'community' ? this.communityCounter : this.gridCounter;
    for (const id of deleted) {
      const i = byId.get(id);
      if (i === undefined) continue;
      counter.updateArea(i, null);
      byId.delete(id);
      units[i] = null;
    }
    for (const unit of put) {
      const i = byId.get(unit.id);
      if (i === undefined) {
        const idx = counter.addArea(unit.geometry);
        units[idx] = unit;
        byId.set(unit.id, idx);
      } else {
        const geometryChanged = units[i]!.geometry !== unit.geometry;
        units[i] = unit;
        if (geometryChanged) counter.updateArea(i, unit.geometry);
      }
    }
  }

  analyze(profile: RuleProfile): PlanAnalysis {
    const sources = fixedSourcesFor(profile);
    const communities: AreaResult[] = [];
    this.communities.forEach((u, i) => {
      if (!u) return;
      const households = this.communityCounter.households[i]!;
      const { max } = findCommunityType(profile, u.communityType);
      // Member lists are only needed where a community is above its band and some point in the
      // whole set is bigger than the band's max on its own.
      const largest = households > max && this.maxPointHouseholds > max ? this.largestPoint(i) : undefined;
      communities.push(evaluateCommunitySize(u, households, this.communityCounter.pointCount(i), profile, largest));
    });
    const grids: AreaResult[] = [];
    this.grids.forEach((u, i) => {
      if (!u) return;
      grids.push(evaluateGridSize(u, this.gridCounter.households[i]!, this.gridCounter.pointCount(i), profile));
    });
    const coverage = this.analyzeCoverage(profile, communities);
    const c = this.communityCounter.coverageTotals();
    const g = this.gridCounter.coverageTotals();
    const flags: Flag[] = [];
    if (c.unassigned > 0)
      flags.push(makeFlag('plan.unassigned-households', sources.coverage, ['plan'], { measured: c.unassigned }));
    if (c.overlap > 0)
      flags.push(makeFlag('plan.overlap-households', sources.coverage, ['plan'], { measured: c.overlap }));
    const liveGrids = grids.length;
    if (liveGrids > 0 && g.unassigned > 0)
      flags.push(
        makeFlag('topology.households-outside-grids', sources.gridCoverage, ['plan'], { measured: g.unassigned }),
      );
    const overlapGridHouseholds = liveGrids > 0 ? g.overlap : 0;
    if (overlapGridHouseholds > 0) {
      const shared = this.markGridOverlaps(grids);
      flags.push(
        makeFlag('plan.overlap-grid-households', sources.gridCoverage, shared.length ? shared : ['plan'], {
          measured: overlapGridHouseholds,
          detail: gridList(shared),
        }),
      );
    }
    return {
      communities,
      grids,
      totalHouseholds: c.total,
      unassignedHouseholds: c.unassigned,
      overlapHouseholds: c.overlap,
      overlapGridHouseholds,
      householdsOutsideGrids: liveGrids > 0 ? g.unassigned : 0,
      summary: summarize(communities),
      flags,
      ...(coverage ? { coverage } : {}),
    };
  }

  /** The biggest household point of community i and its name. */
  private largestPoint(i: number): LargestPoint | undefined {
    const members = this.communityCounter.membersOf(i);
    const hh = this.householdSet.households;
    let best = -1;
    for (let k = 0; k < members.length; k++) {
      const p = members[k]!;
      if (best < 0 || hh[p]! > hh[best]!) best = p;
    }
    if (best < 0) return undefined;
    return { households: hh[best]!, name: this.householdSet.names?.[best] ?? null };
  }

  /**
   * Sets `overlapHouseholds` on each grid result sharing households with another grid and returns
   * those grids' ids. Only run when the count found an overlap: it needs the member lists.
   */
  private markGridOverlaps(results: AreaResult[]): string[] {
    const cover = this.gridCounter.cover;
    const hh = this.householdSet.households;
    const byId = new Map(results.map((r) => [r.id, r]));
    const ids: string[] = [];
    this.grids.forEach((u, i) => {
      const r = u && byId.get(u.id);
      if (!u || !r) return;
      const members = this.gridCounter.membersOf(i);
      let shared = 0;
      for (let k = 0; k < members.length; k++) if (cover[members[k]!]! > 1) shared += hh[members[k]!]!;
      if (shared > 0) {
        r.overlapHouseholds = shared;
        ids.push(u.id);
      }
    });
    return ids;
  }

  /** Coverage shares per community and facility requirement flags, added to the community results. */
  private analyzeCoverage(profile: RuleProfile, results: AreaResult[]): PlanCoverage | null {
    if (this.facilities.length === 0) return null;
    const distances = livingCircleDistances(profile.livingCircle);
    const distancesKey = distances.join(',');
    if (distancesKey !== this.coverageCache.distancesKey)
      this.coverageCache = { distancesKey, byArea: new Map(), overall: null };
    this.coverage.setDistances(distances);
    const changed = this.coverage.update();
    const categories = this.coverage.categoryList();
    if (changed.length) this.coverageCache.overall = null;
    const live = this.communities.flatMap((u, i) => (u ? [{ u, i }] : []));
    // Shares per community are cached against its member list and recomputed only for what an
    // edit touched: its own households, or the categories whose facilities changed.
    const shares = live.map(({ i }) => {
      const list = this.communityCounter.memberList(i);
      const cached = this.coverageCache.byArea.get(i);
      if (cached && cached.list === list) {
        const stale = changed.filter((c) => categories.includes(c));
        // Spread, not Object.assign: a category named "__proto__" must stay a key.
        if (stale.length && cached.shares)
          cached.shares = {
            ...cached.shares,
            ...(this.coverage.perCommunity([this.communityCounter.membersOf(i)], stale)[0] ?? {}),
          };
        if (cached.shares)
          for (const c of Object.keys(cached.shares)) if (!categories.includes(c)) delete cached.shares[c];
        return cached.shares;
      }
      const fresh = this.coverage.perCommunity([this.communityCounter.membersOf(i)])[0] ?? null;
      this.coverageCache.byArea.set(i, { list, shares: fresh });
      return fresh;
    });
    // Ids come from files: the record is made from entries so an id "__proto__" stays a key.
    const perCommunity: PlanCoverage['perCommunity'] = Object.fromEntries(
      live.map(({ u }, k) => [u.id, shares[k] ?? null]),
    );
    const byId = new Map(results.map((r) => [r.id, r]));
    live.forEach(({ u }, k) => {
      const r = byId.get(u.id);
      if (!r) return;
      r.flags.push(
        ...evaluateFacilityRequirements(profile, {
          unit: u,
          households: r.households,
          inside: this.facilitiesInside(u),
          coverage: shares[k] ?? null,
        }),
      );
    });
    this.coverageCache.overall ??= this.coverage.overall();
    const network = this.coverage.networkStats();
    return {
      mode: this.coverage.mode,
      distances: this.coverage.distances,
      categories,
      overall: this.coverageCache.overall,
      perCommunity,
      ...(network && this.coverage.mode === 'network'
        ? { network, householdsOffNetwork: this.coverage.householdsOffNetwork() }
        : {}),
    };
  }

  private facilitiesInside(unit: AreaUnit): Facility[] {
    if (!this.facilityIndex) {
      const index = new KDBush(Math.max(1, this.facilities.length));
      for (const f of this.facilities) index.add(f.lon, f.lat);
      if (this.facilities.length === 0) index.add(NaN, NaN);
      index.finish();
      this.facilityIndex = index;
    }
    const set = buildPolygonSet([unit.geometry]);
    if (!(set.bbox[0]! <= set.bbox[2]!)) return [];
    return this.facilityIndex
      .range(set.bbox[0]!, set.bbox[1]!, set.bbox[2]!, set.bbox[3]!)
      .map((i) => this.facilities[i]!)
      .filter((f) => f && pointInUnit(set, 0, f.lon, f.lat));
  }

  /** Per household point: number of communities containing it (0 = unassigned). */
  communityCover(): Uint8Array {
    return this.communityCounter.cover;
  }

  /** Per household point: one community index containing it, or -1. */
  communityOfPoint(): Int32Array {
    return this.communityCounter.firstArea;
  }

  /**
   * Overlaps, gaps holding households, multi-part communities, grids crossing communities. Given
   * the profile, each flag cites its rule as that profile does (borrowed or not); without one, as
   * the default profile does.
   */
  topology(profile?: RuleProfile): TopologyFlag[] {
    const communities = this.communities.filter((u) => u !== null);
    const grids = this.grids.filter((u) => u !== null);
    const flags = checkTopology(communities, grids, this.householdSet);
    if (!profile) return flags;
    const cited = fixedSourcesFor(profile);
    const keyOf = new Map(Object.entries(FIXED_SOURCES).map(([key, source]) => [source.ruleId, key as FixedSourceKey]));
    return flags.map((f) => {
      const key = keyOf.get(f.source.ruleId);
      return key ? { ...f, source: cited[key] } : f;
    });
  }

  /** Original household point indices inside community i (by position in the communities given). */
  communityMembers(i: number): Int32Array {
    return this.communityCounter.membersOf(i);
  }

  /** By counter slot: null where a community was deleted since the last full set. */
  communityUnits(): readonly (AreaUnit | null)[] {
    return this.communities;
  }
}

function maxOf(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/** "C001-G01、C001-G02" — the overlapping grids named in the flag, the first few of them. */
function gridList(ids: readonly string[]): Message | undefined {
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, 4);
  const more = ids.length - shown.length;
  const list = listMessage(shown);
  if (more === 0) return list;
  // Chinese counts all the grids (等 12 个网格), English the ones not named (and 8 more).
  return msg('flag.gridListMore', { list, count: { zh: String(ids.length), en: String(more) } });
}
