// The typed message contract between the UI thread and the analysis worker: one map from request
// type to its parameters and result. Typed arrays travel as transferables, never copied.
import type { AreaUnit, PlanAnalysis } from '../core/model';
import type { RuleProfile } from '../core/rule-profile';

/** What every request returns: the fresh analysis and per-household community cover counts. */
export interface AnalysisSnapshot {
  analysis: PlanAnalysis;
  /** Per household point: how many communities contain it (0 = unassigned). */
  cover: Uint8Array;
  /** Milliseconds the worker spent on the request. */
  ms: number;
}

export interface WorkerRequests {
  setHouseholds: { params: { coordinates: Float64Array; households: Float64Array }; result: AnalysisSnapshot };
  setUnits: { params: { kind: 'community' | 'grid'; units: AreaUnit[] }; result: AnalysisSnapshot };
  updateUnits: { params: { kind: 'community' | 'grid'; put: AreaUnit[]; deleted: string[] }; result: AnalysisSnapshot };
  setProfile: { params: { profile: RuleProfile }; result: AnalysisSnapshot };
}

export type RequestType = keyof WorkerRequests;

export interface RequestMessage<K extends RequestType = RequestType> {
  id: number;
  type: K;
  params: WorkerRequests[K]['params'];
}

export type ResponseMessage<K extends RequestType = RequestType> =
  | { id: number; ok: true; result: WorkerRequests[K]['result'] }
  | { id: number; ok: false; error: string };
