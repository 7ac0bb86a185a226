// The root of the UI state: the stores, the selection and map focus requests. Components receive
// this object and read from it; they change the plan only by dispatching commands (state/dispatch.ts).
import { AnalysisStore } from './analysis-store.svelte';
import type { PlanStore } from './plan-store.svelte';
import { ScenarioStore } from './scenario-store.svelte';
import { SavedViewStore } from './saved-views.svelte';
import { ProfileStore } from './profile-store.svelte';
import { SettingsStore } from './settings-store.svelte';
import { t, type Language, type MessageKey, type ParamArgs } from '../core/i18n';
import type { Polygon } from 'geojson';
import type { NearestFacilityInfo } from '../analysis/coverage-engine';
import type { WalkingArea } from '../analysis/routing';
import type { TopologyFlag } from '../analysis/topology';
import type { PlanComparison } from '../core/plan-comparison';

export type Selection =
  | { kind: 'community' | 'grid'; id: string }
  | { kind: 'household'; index: number }
  | { kind: 'facility'; id: string }
  | null;

export interface CoverageView {
  category: string;
  /** Households beyond distances[tier] are blind spots (服务盲区). */
  tier: number;
}

/** Two scenarios being compared (ids), and their comparison once the compare worker answers. */
export interface ScenarioPair {
  before: string;
  after: string;
  result: PlanComparison | null;
}

/** A message in the status bar, with at most one action (撤销 after a delete). */
export interface Notice {
  text: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** A saved view asks the comparison view for this pair at this extent. */
export interface CompareRequest {
  before: string;
  after: string;
  bbox: [number, number, number, number];
  nonce: number;
}

export interface FocusRequest {
  bbox: [number, number, number, number];
  nonce: number;
}

export class AppState {
  /** The plan's scenarios; `plan` is the active one's store, which every view and command uses. */
  scenarios = new ScenarioStore();
  get plan(): PlanStore {
    return this.scenarios.active.plan;
  }
  profiles = new ProfileStore();
  settings = new SettingsStore();
  analysis: AnalysisStore;
  selection = $state.raw<Selection>(null);
  focus = $state.raw<FocusRequest | null>(null);
  /** A message shown in the status bar (import results, errors). */
  notice = $state.raw<Notice | null>(null);
  loading = $state<string | null>(null);
  /** A long load in progress (the city-sized demo): what, how far, and how to cancel it. */
  progress = $state.raw<{ label: string; fraction: number; cancel: () => void } | null>(null);
  /** Which side-panel tab is open. */
  tab = $state<'size' | 'coverage' | 'history'>('size');
  /** When set, household points are coloured by their reach of this category. */
  coverageView = $state.raw<CoverageView | null>(null);
  coverageTiers = $state.raw<Uint8Array | null>(null);
  /** Walking areas of the selected facility, largest first. */
  walkingAreas = $state.raw<WalkingArea[] | null>(null);
  nearest = $state.raw<NearestFacilityInfo[] | null>(null);
  /** Map click mode: normal selection, or placing a new facility / moving the selected one. */
  mapMode = $state<'select' | 'add-facility' | 'move-facility' | 'paint' | 'select-blocks' | 'draw' | 'measure'>(
    'select',
  );
  /** Measure mode: the clicked points (WGS84) and whether they are closed into an area. */
  measurePoints = $state.raw<[number, number][]>([]);
  measureClosed = $state(false);
  /** Draw mode: what the next drawing does. */
  drawAction = $state<'community' | 'grid' | 'split' | 'reshape' | 'merge' | null>(null);
  /** A drawn or reshaped community: clipped to its neighbours, or kept overlapping and flagged. */
  overlapPolicy = $state<'clip' | 'flag'>('clip');
  /** Set by the map: reads the polygon being reshaped. */
  readReshaped: (() => Polygon | null) | null = null;
  /** Paint mode: the community blocks are painted into; null erases (unassigns). */
  paintTarget = $state<string | null>(null);
  /** Topology flags of the current plan (overlaps, gaps, multi-part, crossing grids). */
  topology = $state.raw<TopologyFlag[] | null>(null);
  /** Blocks picked for a new community. */
  blockSelection = $state.raw<string[]>([]);
  newFacilityCategory = $state('community-service-station');
  /** The comparison view is open on this pair; the report adds its comparison section while set. */
  comparison = $state.raw<ScenarioPair | null>(null);
  /** Set by a saved comparison view being shown; the comparison view follows it while open. */
  compareRequest = $state.raw<CompareRequest | null>(null);
  /** Saved views for presenting, and whether presentation mode is on. */
  views = new SavedViewStore();
  presenting = $state(false);
  /** Set by the map: the extent shown (west, south, east, north), for saving a view. */
  readMapBounds: (() => [number, number, number, number]) | null = null;

  constructor(worker: ConstructorParameters<typeof AnalysisStore>[0]) {
    this.analysis = new AnalysisStore(worker);
  }

  get language(): Language {
    return this.settings.language;
  }

  /** A catalogue entry in the interface's language. */
  t = <K extends MessageKey>(key: K, ...params: ParamArgs<K>): string => t(this.settings.language, key, ...params);

  /** What a plan just replaced or changed under the views leaves behind: selection, blind-spot view, tool. */
  resetViews(): void {
    this.selection = null;
    this.coverageView = null;
    this.mapMode = 'select';
  }

  select(selection: Selection, zoomTo?: [number, number, number, number]): void {
    this.selection = selection;
    if (zoomTo) this.focus = { bbox: zoomTo, nonce: (this.focus?.nonce ?? 0) + 1 };
  }
}
