// Keeps everything the worker answers in step with what the person sees: the plan's analysis after
// every change, the blind-spot tiers of the coverage view, topology a moment after boundary
// edits, and the walking areas or nearest facilities of the selection. Each kind of question has
// a tag: asking again cancels the question before it, so a late answer (for a facility since
// deselected, a view since closed) is dropped and never drawn. The methods hold the logic and are
// tested in Node; `attach` wires them to the app's state with effects.
import { untrack } from 'svelte';
import type { AppState, CoverageView, Selection } from './app-state.svelte';
import type { PlanLayers } from '../core/transaction';
import type { RuleProfile } from '../core/rule-profile';

/** How long topology waits after a boundary edit, so a burst of edits is checked once. */
export const TOPOLOGY_DELAY_MS = 250;

/**
 * A query cancelled (asked again, or no longer wanted) or failed (the worker crashed and is
 * restarting, and the re-sent plan asks again) shows nothing.
 */
const ignore = (): void => undefined;

export class AnalysisController {
  #app: AppState;
  #topologyTimer: ReturnType<typeof setTimeout> | undefined;
  #topologyInputs: readonly unknown[] = [];
  /** The selection the walking areas or nearest facilities being asked for belong to. */
  #asked: Selection = null;
  /** The blind-spot view the tiers being asked for belong to. */
  #view: CoverageView | null = null;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** Results follow every data change: plan layers and the active profile. */
  planChanged(layers: PlanLayers, profile: RuleProfile, version: number): void {
    if (version === 0) return;
    void this.#app.analysis.sync(layers, profile);
  }

  /** Coverage tiers for the blind-spot view; none without a view. */
  coverageViewChanged(view: CoverageView | null): void {
    const app = this.#app;
    this.#view = view;
    if (!view) {
      app.analysis.cancel('coverageTiers');
      app.coverageTiers = null;
      return;
    }
    app.analysis
      .query('coverageTiers', { category: view.category }, 'coverageTiers')
      .then((r) => {
        if (this.#view === view) app.coverageTiers = r.tiers;
      })
      .catch(ignore);
  }

  /** Topology follows boundary edits, a moment after them; an edit meanwhile restarts the wait. */
  boundariesChanged(layers: PlanLayers, version: number): void {
    const inputs = [layers.communities, layers.grids, layers.households];
    // Any layer change reaches here; only a change to these three re-checks.
    if (inputs.every((x, i) => x === this.#topologyInputs[i])) return;
    this.#topologyInputs = inputs;
    if (version === 0) return;
    clearTimeout(this.#topologyTimer);
    this.#app.analysis.cancel('topology');
    this.#topologyTimer = setTimeout(() => {
      this.#app.analysis
        .query('topology', {}, 'topology')
        .then((r) => {
          if (this.#topologyInputs === inputs) this.#app.topology = r.flags;
        })
        .catch(ignore);
    }, TOPOLOGY_DELAY_MS);
  }

  /** Walking areas of a selected facility; nearest facilities and paths of a selected household. */
  selectionChanged(selection: Selection): void {
    const app = this.#app;
    app.walkingAreas = null;
    app.nearest = null;
    this.#asked = selection;
    const current = () => this.#asked === selection;
    if (selection?.kind === 'facility') {
      const f = app.plan.layers.facilities.find((x) => x.id === selection.id);
      if (f) {
        app.analysis
          .query('walkingAreas', { lon: f.lon, lat: f.lat }, 'selection')
          .then((r) => current() && (app.walkingAreas = r.areas))
          .catch(ignore);
        return;
      }
    } else if (selection?.kind === 'household') {
      app.analysis
        .query('nearestFacilities', { household: selection.index }, 'selection')
        .then((r) => current() && (app.nearest = r.nearest))
        .catch(ignore);
      return;
    }
    app.analysis.cancel('selection');
  }

  /** The blind-spot view belongs to the coverage tab: leaving the tab leaves the view. */
  tabChanged(tab: AppState['tab']): void {
    if (tab !== 'coverage') this.#app.coverageView = null;
  }

  /** A crashed worker is restarted and sent the plan again; say so, since results blink. */
  crashed(crashes: number): void {
    if (crashes === 0) return;
    this.#app.notice = {
      kind: 'error',
      text: this.#app.t('theAnalysisWorkerStopped'),
    };
  }

  /**
   * Wires the methods to the app's state. Call it while a component initialises (its effects end
   * with the component). Each effect reads only what it follows; the calls run untracked, so the
   * state they touch (the store's counters, the results they set) never becomes a dependency.
   */
  attach(): void {
    const app = this.#app;
    $effect(() => {
      const layers = app.plan.layers;
      const profile = app.profiles.active;
      const version = app.plan.version;
      untrack(() => this.planChanged(layers, profile, version));
    });
    $effect(() => {
      const view = app.coverageView;
      void app.analysis.analysis;
      untrack(() => this.coverageViewChanged(view));
    });
    $effect(() => {
      const layers = app.plan.layers;
      const version = app.plan.version;
      untrack(() => this.boundariesChanged(layers, version));
    });
    $effect(() => {
      const selection = app.selection;
      void app.analysis.analysis;
      untrack(() => this.selectionChanged(selection));
    });
    $effect(() => {
      const tab = app.tab;
      untrack(() => this.tabChanged(tab));
    });
    $effect(() => {
      const crashes = app.analysis.crashes;
      untrack(() => this.crashed(crashes));
    });
    $effect(() => () => {
      clearTimeout(this.#topologyTimer);
    });
  }
}
