// The analysis Web Worker: holds the household points and their index, counts them into
// communities and grids and evaluates the profile's rules, off the UI thread.
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import { livingCircleDistances, type RuleProfile } from '../core/rule-profile';
import { PlanAnalyzer } from './plan-analyzer';
import { CoverEncoder, RecordDeltaEncoder, ResultDeltaEncoder } from './result-delta';
import type { CoverageShares } from '../core/model';
import {
  QUERY_TYPES,
  type AnalysisSnapshot,
  type RequestMessage,
  type ResponseMessage,
  type WorkerRequests,
} from './worker-contract';

let analyzer = new PlanAnalyzer({
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

function snapshot(start: number): AnalysisSnapshot {
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
  return {
    analysis,
    communities: communityDeltas.encode(communities),
    grids: gridDeltas.encode(grids),
    perCommunity,
    cover: coverChanged ? coverUpdates.encode(cover) : null,
    ms: performance.now() - start,
  };
}

/** The arrays a snapshot can hand over instead of copying. */
function transferables(result: AnalysisSnapshot): Transferable[] {
  const c = result.cover;
  if (!c) return [];
  return 'full' in c ? [c.full.buffer] : [c.indices.buffer, c.values.buffer];
}

type Handlers = { [K in keyof WorkerRequests]: (params: WorkerRequests[K]['params']) => unknown };

const handlers: Handlers = {
  setHouseholds: (p) =>
    analyzer.setHouseholds({ coordinates: p.coordinates, households: p.households, names: null, properties: null }),
  setUnits: (p) => (p.kind === 'community' ? analyzer.setCommunities(p.units) : analyzer.setGrids(p.units)),
  updateUnits: (p) => analyzer.updateUnits(p.kind, p.put, p.deleted),
  setProfile: (p) => {
    profile = p.profile;
  },
  setFacilities: (p) => analyzer.setFacilities(p.facilities),
  setRoads: (p) => analyzer.setRoads(p.roads),
  coverageTiers: (p) => {
    analyzer.coverage.setDistances(livingCircleDistances(profile.livingCircle));
    analyzer.coverage.update();
    return { tiers: analyzer.coverage.tiers(p.category) };
  },
  nearestFacilities: (p) => ({ nearest: analyzer.coverage.nearest(p.household) }),
  walkingAreas: (p) => ({ areas: analyzer.coverage.walkingAreas(p.lon, p.lat) }),
  topology: () => {
    const t = performance.now();
    const flags = analyzer.topology(profile);
    return { flags, ms: performance.now() - t };
  },
};

self.onmessage = (event: MessageEvent<RequestMessage>) => {
  const { id, type, params } = event.data;
  const start = performance.now();
  try {
    const answer = (handlers[type] as (p: unknown) => unknown)(params);
    if (QUERY_TYPES.has(type)) {
      const message: ResponseMessage = { id, ok: true, result: answer as never };
      const tiers = (answer as { tiers?: Uint8Array }).tiers;
      (self as unknown as Worker).postMessage(message, tiers ? [tiers.buffer] : []);
      return;
    }
    const result = snapshot(start);
    const message: ResponseMessage = { id, ok: true, result };
    (self as unknown as Worker).postMessage(message, transferables(result));
  } catch (error) {
    const message: ResponseMessage = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    (self as unknown as Worker).postMessage(message);
  }
};

export function resetForTests(): void {
  sentCover = null;
  coverUpdates.reset();
  perCommunityDeltas.reset();
  analyzer = new PlanAnalyzer({
    coordinates: new Float64Array(0),
    households: new Float64Array(0),
    names: null,
    properties: null,
  });
}
