// The analysis worker's handlers, one per request of the contract: they hold the household points
// and their index, count them into communities and grids and evaluate the profile's rules. Made by
// a factory so each worker (or each test) starts from nothing; analysis-worker.ts serves them.
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { livingCircleDistances, type RuleProfile } from '../core/rule-profile';
import type { CoverageShares } from '../core/model';
import { PlanAnalyzer } from './plan-analyzer';
import { CoverEncoder, RecordDeltaEncoder, ResultDeltaEncoder } from './result-delta';
import type { AnalysisRequests, AnalysisSnapshot } from './worker-contract';
import type { HandlerContext, Handlers } from './worker-rpc';

export function createAnalysisHandlers(): Handlers<AnalysisRequests> {
  const analyzer = new PlanAnalyzer({
    coordinates: new Float64Array(0),
    households: new Float64Array(0),
    names: null,
    properties: null,
  });
  let profile: RuleProfile = builtInProfile(DEFAULT_PROFILE_ID)!;
  const communityDeltas = new ResultDeltaEncoder();
  const gridDeltas = new ResultDeltaEncoder();
  const perCommunityDeltas = new RecordDeltaEncoder<CoverageShares | null>();
  const coverUpdates = new CoverEncoder();
  /** The counter's cover array last encoded: it keeps one object until the counts change. */
  let sentCover: Uint8Array | null = null;

  /** The fresh analysis after a change, its cover arrays handed over rather than copied. */
  function snapshot(start: number, context: HandlerContext): AnalysisSnapshot {
    const { communities, grids, coverage, ...rest } = analyzer.analyze(profile);
    const cover = analyzer.communityCover();
    const coverChanged = cover !== sentCover;
    sentCover = cover;
    let perCommunity = null;
    let analysis: AnalysisSnapshot['analysis'] = rest;
    if (coverage) {
      const { perCommunity: shares, ...summary } = coverage;
      perCommunity = perCommunityDeltas.encode(shares);
      analysis = { ...rest, coverage: summary };
    }
    const update = coverChanged ? coverUpdates.encode(cover) : null;
    if (update && 'full' in update) context.transfer(update.full.buffer);
    else if (update) context.transfer(update.indices.buffer, update.values.buffer);
    return {
      analysis,
      communities: communityDeltas.encode(communities),
      grids: gridDeltas.encode(grids),
      perCommunity,
      cover: update,
      ms: performance.now() - start,
    };
  }

  /** A request that changes what the worker holds, answered with the analysis after it. */
  const changing =
    <P>(apply: (params: P) => void) =>
    (params: P, context: HandlerContext): AnalysisSnapshot => {
      const start = performance.now();
      apply(params);
      return snapshot(start, context);
    };

  return {
    setHouseholds: changing((p) =>
      analyzer.setHouseholds({ coordinates: p.coordinates, households: p.households, names: null, properties: null }),
    ),
    setUnits: changing((p) => (p.kind === 'community' ? analyzer.setCommunities(p.units) : analyzer.setGrids(p.units))),
    updateUnits: changing((p) => analyzer.updateUnits(p.kind, p.put, p.deleted)),
    setProfile: changing((p) => {
      profile = p.profile;
    }),
    setFacilities: changing((p) => analyzer.setFacilities(p.facilities)),
    setRoads: changing((p) => analyzer.setRoads(p.roads)),
    coverageTiers: (p, context) => {
      analyzer.coverage.setDistances(livingCircleDistances(profile.livingCircle));
      analyzer.coverage.update();
      const tiers = analyzer.coverage.tiers(p.category);
      context.transfer(tiers.buffer);
      return { tiers };
    },
    nearestFacilities: (p) => ({ nearest: analyzer.coverage.nearest(p.household) }),
    walkingAreas: (p) => ({ areas: analyzer.coverage.walkingAreas(p.lon, p.lat) }),
    topology: () => {
      const start = performance.now();
      const flags = analyzer.topology(profile);
      return { flags, ms: performance.now() - start };
    },
  };
}
