// The typed message contract between the UI thread and the analysis worker: one map from request
// type to its parameters and result. Typed arrays travel as transferables, never copied.
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { AreaUnit, CoverageShares, Facility, PlanAnalysis, PlanCoverage } from '../core/model';
import type { NearestFacilityInfo } from './coverage-engine';
import type { WalkingArea } from './routing';
import type { TopologyFlag } from './topology';
import type { CoverUpdate, RecordDelta, ResultDelta } from './result-delta';
import type { RuleProfile } from '../core/rule-profile';

/**
 * What every request returns: the fresh analysis, with what grows with the plan sent as changes
 * against the previous snapshot — community and grid results, per-community coverage, and the
 * per-household community cover counts.
 */
export interface AnalysisSnapshot {
  analysis: Omit<PlanAnalysis, 'communities' | 'grids' | 'coverage'> & {
    coverage?: Omit<PlanCoverage, 'perCommunity'>;
  };
  communities: ResultDelta;
  grids: ResultDelta;
  /** Coverage shares by community id, when the plan has coverage. */
  perCommunity: RecordDelta<CoverageShares | null> | null;
  /**
   * Per household point: how many communities contain it (0 = unassigned): the whole array, the
   * points that changed, or null when nothing changed since the last snapshot.
   */
  cover: CoverUpdate | null;
  /** Milliseconds the worker spent on the request. */
  ms: number;
}

export interface WorkerRequests {
  setHouseholds: { params: { coordinates: Float64Array; households: Float64Array }; result: AnalysisSnapshot };
  setUnits: { params: { kind: 'community' | 'grid'; units: AreaUnit[] }; result: AnalysisSnapshot };
  updateUnits: { params: { kind: 'community' | 'grid'; put: AreaUnit[]; deleted: string[] }; result: AnalysisSnapshot };
  setProfile: { params: { profile: RuleProfile }; result: AnalysisSnapshot };
  setFacilities: { params: { facilities: Facility[] }; result: AnalysisSnapshot };
  setRoads: { params: { roads: FeatureCollection<LineString | MultiLineString> | null }; result: AnalysisSnapshot };
  /** Per household: the first distance tier within reach of the category, or the tier count when none. */
  coverageTiers: { params: { category: string }; result: { tiers: Uint8Array } };
  nearestFacilities: { params: { household: number }; result: { nearest: NearestFacilityInfo[] } };
  walkingAreas: { params: { lon: number; lat: number }; result: { areas: WalkingArea[] | null } };
  topology: { params: Record<string, never>; result: { flags: TopologyFlag[]; ms: number } };
}

/** Requests that only read: they return their own result, not a fresh analysis. */
export const QUERY_TYPES = new Set<RequestType>(['coverageTiers', 'nearestFacilities', 'walkingAreas', 'topology']);

export type RequestType = keyof WorkerRequests;

export interface RequestMessage<K extends RequestType = RequestType> {
  id: number;
  type: K;
  params: WorkerRequests[K]['params'];
}

export type ResponseMessage<K extends RequestType = RequestType> =
  { id: number; ok: true; result: WorkerRequests[K]['result'] } | { id: number; ok: false; error: string };
