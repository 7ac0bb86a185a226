// The analysis Web Worker: holds the household points and their index, counts them into
// communities and grids and evaluates the profile's rules, off the UI thread.
import { builtInProfile, DEFAULT_PROFILE_ID } from '../core/profiles';
import type { RuleProfile } from '../core/rule-profile';
import { PlanAnalyzer } from './plan-analyzer';
import type { AnalysisSnapshot, RequestMessage, ResponseMessage, WorkerRequests } from './worker-contract';

let analyzer = new PlanAnalyzer({ coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null });
let profile: RuleProfile = builtInProfile(DEFAULT_PROFILE_ID)!;

function snapshot(start: number): AnalysisSnapshot {
  const analysis = analyzer.analyze(profile);
  return { analysis, cover: analyzer.communityCover().slice(), ms: performance.now() - start };
}

type Handlers = { [K in keyof WorkerRequests]: (params: WorkerRequests[K]['params']) => void };

const handlers: Handlers = {
  setHouseholds: (p) => analyzer.setHouseholds({ coordinates: p.coordinates, households: p.households, names: null, properties: null }),
  setUnits: (p) => (p.kind === 'community' ? analyzer.setCommunities(p.units) : analyzer.setGrids(p.units)),
  updateUnits: (p) => analyzer.updateUnits(p.kind, p.put, p.deleted),
  setProfile: (p) => {
    profile = p.profile;
  },
};

self.onmessage = (event: MessageEvent<RequestMessage>) => {
  const { id, type, params } = event.data;
  const start = performance.now();
  try {
    (handlers[type] as (p: unknown) => void)(params);
    const result = snapshot(start);
    const message: ResponseMessage = { id, ok: true, result };
    (self as unknown as Worker).postMessage(message, [result.cover.buffer]);
  } catch (error) {
    const message: ResponseMessage = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    (self as unknown as Worker).postMessage(message);
  }
};

export function resetForTests(): void {
  analyzer = new PlanAnalyzer({ coordinates: new Float64Array(0), households: new Float64Array(0), names: null, properties: null });
}
