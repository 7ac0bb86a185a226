// The plan's scenarios (现状, 方案一, 方案二 …): one PlanStore each, so every scenario has its own
// communities, grids and facilities, its own undo history and — since the analysis follows the
// active store — its own analysis, while the command layer and the worker see one plan as before.
// The big layers (households, roads, blocks, water, credits) are shared: a switch hands the
// outgoing scenario's objects to the incoming one (the same references, never copies), so the
// worker's diff by reference sends only the areas that differ.
import { msg } from '../core/i18n';
import { labelText, type Label, type PlanLayers } from '../core/transaction';
import type { Language } from '../core/i18n';
import { PlanStore } from './plan-store.svelte';

export interface Scenario {
  id: string;
  /** A default name is a Message (现状 / Present layout) until the person renames it. */
  name: Label;
  plan: PlanStore;
}

/** The layers every scenario shares, by reference. */
export const SHARED_LAYERS = ['households', 'roads', 'blocks', 'water', 'credits'] as const;
/** The layers each scenario has of its own. */
export const SCENARIO_LAYERS = ['communities', 'grids', 'facilities'] as const;

export type ScenarioLayers = Pick<PlanLayers, (typeof SCENARIO_LAYERS)[number]>;

function sharedOf(layers: PlanLayers): Partial<PlanLayers> {
  return Object.fromEntries(SHARED_LAYERS.map((k) => [k, layers[k]]));
}

/** A scenario restored or opened from a file; `state` is absent for the active one (see replaceAll). */
export interface ScenarioEntry {
  id: string;
  name: Label;
  state?: {
    title: string;
    layers: ScenarioLayers;
    undoStack?: PlanStore['undoStack'];
    redoStack?: PlanStore['redoStack'];
  };
}

/** A scenario taken out of the list, and where it was. */
export interface RemovedScenario {
  scenario: Scenario;
  at: number;
  wasActive: boolean;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 方案一 … 方案十, then 方案11: the names bureaus write on their drawings. */
export function proposalName(n: number): Label {
  return msg('scenario.proposal', { n: { zh: CHINESE_DIGITS[n] ?? String(n), en: String(n) } });
}

export class ScenarioStore {
  list = $state.raw<Scenario[]>([]);
  activeId = $state('');
  /** Bumps on every change to the list itself (add, rename, delete, switch), for autosave. */
  version = $state(0);
  #counter = 0;

  constructor() {
    const first: Scenario = { id: this.#newId(), name: msg('scenario.present'), plan: new PlanStore() };
    this.list = [first];
    this.activeId = first.id;
  }

  #newId(): string {
    let id: string;
    do id = `s${++this.#counter}`;
    while (this.list.some((s) => s.id === id));
    return id;
  }

  get active(): Scenario {
    return this.list.find((s) => s.id === this.activeId) ?? this.list[0]!;
  }

  byId(id: string): Scenario | undefined {
    return this.list.find((s) => s.id === id);
  }

  /** A scenario's name in `language`; its id when there is no such scenario. */
  nameOf(id: string, language: Language): string {
    const s = this.byId(id);
    return s ? labelText(s.name, language) : id;
  }

  /**
   * The layers of a scenario as the analysis sees them: its own areas with the shared layers of
   * the active scenario (an inactive scenario's copies of those may be older).
   */
  layersOf(id: string): PlanLayers | null {
    const s = this.byId(id);
    if (!s) return null;
    return s.id === this.activeId ? s.plan.layers : { ...s.plan.layers, ...sharedOf(this.active.plan.layers) };
  }

  /** A copy of the active scenario (its layers as they are, a fresh history), made active. */
  duplicate(name?: Label): Scenario {
    const source = this.active;
    const plan = new PlanStore();
    plan.load(source.plan.layers, source.plan.title);
    const scenario: Scenario = { id: this.#newId(), name: name ?? this.#nextProposalName(), plan };
    this.list = [...this.list, scenario];
    this.activeId = scenario.id;
    this.version++;
    return scenario;
  }

  #nextProposalName(): Label {
    for (let n = 1; ; n++) {
      const name = proposalName(n);
      if (!this.list.some((s) => sameName(s.name, name))) return name;
    }
  }

  /** Makes another scenario active; it takes the shared layers as the outgoing one has them. */
  switchTo(id: string): boolean {
    const next = this.byId(id);
    if (!next || id === this.activeId) return false;
    next.plan.share(sharedOf(this.active.plan.layers));
    this.activeId = id;
    this.version++;
    return true;
  }

  rename(id: string, name: string): boolean {
    const trimmed = name.trim();
    if (!trimmed || !this.byId(id)) return false;
    this.list = this.list.map((s) => (s.id === id ? { ...s, name: trimmed } : s));
    this.version++;
    return true;
  }

  /**
   * Removes a scenario (never the last one); the one before it becomes active if it was. What is
   * returned puts it back with `restore` (the app's 撤销 after a delete).
   */
  remove(id: string): RemovedScenario | null {
    const at = this.list.findIndex((s) => s.id === id);
    if (at < 0 || this.list.length === 1) return null;
    const scenario = this.list[at]!;
    const wasActive = id === this.activeId;
    if (wasActive) this.switchTo(this.list[at === 0 ? 1 : at - 1]!.id);
    this.list = this.list.filter((s) => s.id !== id);
    this.version++;
    return { scenario, at, wasActive };
  }

  /**
   * Puts a removed scenario back where it was, with its areas and its history, active again if it
   * was; it takes the shared layers as they are now. False when its id was taken meanwhile.
   */
  restore(removed: RemovedScenario): boolean {
    const { scenario, at, wasActive } = removed;
    if (this.byId(scenario.id)) return false;
    const list = [...this.list];
    list.splice(Math.min(at, list.length), 0, scenario);
    this.list = list;
    if (wasActive) this.switchTo(scenario.id);
    else scenario.plan.share(sharedOf(this.active.plan.layers));
    this.version++;
    return true;
  }

  /**
   * Puts a whole set of scenarios in place (restored from autosave, opened from a file). The entry
   * at `activeIndex` becomes the active store as it already is (the caller has put its plan in),
   * so the views and the command layer keep the object they know; the others get stores of their
   * own, holding the active store's shared layers.
   */
  replaceAll(entries: readonly ScenarioEntry[], activeIndex: number): void {
    const activePlan = this.active.plan;
    const shared = sharedOf(activePlan.layers);
    const at = Math.max(0, Math.min(activeIndex, entries.length - 1));
    const seen = new Set<string>();
    const list: Scenario[] = entries.map((entry, i) => {
      let id = entry.id;
      for (let n = 1; seen.has(id); n++) id = `${entry.id}-${n}`;
      seen.add(id);
      if (i === at) return { id, name: entry.name, plan: activePlan };
      const state = entry.state ?? { title: activePlan.title, layers: activePlan.layers };
      const plan = new PlanStore();
      plan.load({ ...activePlan.layers, ...state.layers, ...shared }, state.title);
      if (state.undoStack) plan.undoStack = state.undoStack;
      if (state.redoStack) plan.redoStack = state.redoStack;
      return { id, name: entry.name, plan };
    });
    if (list.length === 0) list.push({ id: this.#newId(), name: msg('scenario.present'), plan: activePlan });
    this.list = list;
    this.activeId = list[Math.min(at, list.length - 1)]!.id;
    this.version++;
  }

  /** Back to the one scenario a fresh plan has (keeping the active store and its history). */
  reset(): void {
    this.replaceAll([{ id: this.activeId, name: msg('scenario.present') }], 0);
  }
}

export function sameName(a: Label, b: Label): boolean {
  if (typeof a === 'string' || typeof b === 'string') return JSON.stringify(a) === JSON.stringify(b);
  return a.zh === b.zh && a.en === b.en;
}

/** Whether `name` names the scenario, in either language (the CLI and tests pick scenarios by name). */
export function scenarioNamed(name: Label, wanted: string): boolean {
  return typeof name === 'string' ? name === wanted : name.zh === wanted || name.en === wanted;
}
