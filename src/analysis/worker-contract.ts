// The typed message contracts between the UI thread and its workers (analysis, import): one map per
// worker from request type to its parameters and result, from which both the worker's handlers and
// the callers' request functions are typed (see worker-rpc.ts). Typed arrays are transferred.
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { AreaUnit, CoverageShares, Facility, PlanAnalysis, PlanCoverage } from '../core/model';
import type { NearestFacilityInfo } from './coverage-engine';
import type { WalkingArea } from './routing';
import type { TopologyFlag } from './topology';
import type { CoverUpdate, RecordDelta, ResultDelta } from './result-delta';
import type { RuleProfile } from '../core/rule-profile';
import type { ImportOptions, ImportResult, InspectResult } from '../io/format';

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

/** The analysis worker's requests. Those that change what the worker holds answer with a fresh snapshot. */
export type AnalysisRequests = {
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
};

export type AnalysisRequest = keyof AnalysisRequests;

/** Requests that only read: they answer with their own result, not a fresh analysis. */
export type AnalysisQuery = {
  [K in AnalysisRequest]: AnalysisRequests[K]['result'] extends AnalysisSnapshot ? never : K;
}[AnalysisRequest];

/** How far a file import is: reading the file's bytes, then the importer's own steps. */
export interface ImportProgress {
  phase: 'reading' | 'importing';
  /** 0..1, or null when the step cannot tell. */
  fraction: number | null;
}

/** One file of an import: a picked file, or one part of a Shapefile dropped with its siblings. */
export interface ImportFile {
  file: Blob;
  name: string;
}

/**
 * The import worker's requests. The file itself is posted (a File is a handle: its bytes are read
 * in the worker, never copied through the main thread); results come back with their typed arrays
 * transferred.
 */
export type ImportRequests = {
  inspect: {
    params: { files: ImportFile[]; options?: Pick<ImportOptions, 'sheet' | 'table'> };
    result: InspectResult;
    progress: ImportProgress;
  };
  import: {
    params: { files: ImportFile[]; options: Omit<ImportOptions, 'onProgress' | 'signal'> };
    result: ImportResult;
    progress: ImportProgress;
  };
};
