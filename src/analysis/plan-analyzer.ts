// Runs the size analysis of a whole plan: households per community and per grid, unassigned and
// overlapping households, band status and flags. Holds one AreaCounter per layer so an edit to
// one area recounts only that area. Used by the Web Worker and by the CLI alike.
import { FIXED_SOURCES, makeFlag } from '../core/flag-registry';
import type { AreaResult, AreaUnit, Flag, HouseholdSet, PlanAnalysis } from '../core/model';
import type { RuleProfile } from '../core/rule-profile';
import { evaluateCommunitySize, evaluateGridSize, summarize } from '../core/size-rules';
import { AreaCounter } from './area-counter';
import { buildHouseholdFrame } from './household-frame';

export class PlanAnalyzer {
  private communities: AreaUnit[] = [];
  private grids: AreaUnit[] = [];
  private communityCounter: AreaCounter;
  private gridCounter: AreaCounter;
  private communityIndexById = new Map<string, number>();
  private gridIndexById = new Map<string, number>();

  constructor(households: HouseholdSet) {
    const frame = buildHouseholdFrame(households);
    this.communityCounter = new AreaCounter(frame);
    this.gridCounter = new AreaCounter(frame);
  }

  setHouseholds(households: HouseholdSet): void {
    const frame = buildHouseholdFrame(households);
    this.communityCounter = new AreaCounter(frame);
    this.gridCounter = new AreaCounter(frame);
    this.communityCounter.setAreas(this.communities.map((u) => u.geometry));
    this.gridCounter.setAreas(this.grids.map((u) => u.geometry));
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
      units[i] = { ...units[i]!, geometry: { type: 'Polygon', coordinates: [] }, properties: { ...units[i]!.properties, __deleted: true } };
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
    const communities: AreaResult[] = [];
    this.communities.forEach((u, i) => {
      if (u.properties.__deleted) return;
      communities.push(evaluateCommunitySize(u, this.communityCounter.households[i]!, this.communityCounter.pointCount(i), profile));
    });
    const grids: AreaResult[] = [];
    this.grids.forEach((u, i) => {
      if (u.properties.__deleted) return;
      grids.push(evaluateGridSize(u, this.gridCounter.households[i]!, this.gridCounter.pointCount(i), profile));
    });
    const c = this.communityCounter.coverageTotals();
    const g = this.gridCounter.coverageTotals();
    const flags: Flag[] = [];
    if (c.unassigned > 0)
      flags.push(makeFlag('plan.unassigned-households', FIXED_SOURCES.coverage, ['plan'], { measured: c.unassigned }));
    if (c.overlap > 0) flags.push(makeFlag('plan.overlap-households', FIXED_SOURCES.coverage, ['plan'], { measured: c.overlap }));
    const liveGrids = grids.length;
    if (liveGrids > 0 && g.unassigned > 0)
      flags.push(makeFlag('topology.households-outside-grids', FIXED_SOURCES.gridCoverage, ['plan'], { measured: g.unassigned }));
    return {
      communities,
      grids,
      totalHouseholds: c.total,
      unassignedHouseholds: c.unassigned,
      overlapHouseholds: c.overlap,
      householdsOutsideGrids: liveGrids > 0 ? g.unassigned : 0,
      summary: summarize(communities),
      flags,
    };
  }

  /** Per household point: number of communities containing it (0 = unassigned). */
  communityCover(): Uint8Array {
    return this.communityCounter.cover;
  }

  /** Per household point: one community index containing it, or -1. */
  communityOfPoint(): Int32Array {
    return this.communityCounter.firstArea;
  }

  /** Original household point indices inside community i (by position in the communities given). */
  communityMembers(i: number): Int32Array {
    return this.communityCounter.membersOf(i);
  }

  communityUnits(): readonly AreaUnit[] {
    return this.communities;
  }
}
