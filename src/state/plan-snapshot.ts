// The saved form of a plan: its layers, title and both history stacks as one structured-cloneable
// record with a schema version, the check that turns whatever storage hands back into a record or
// null, and the split of the bulky layers into separate parts so a store rewrites them only when
// they change. Pure: no Svelte, no IndexedDB, so it is tested in Node with structuredClone.
import type { ItemLayer, PlanLayers } from '../core/transaction';
import type { HistoryEntry } from './plan-store.svelte';
import type { ScenarioEntry, ScenarioStore } from './scenario-store.svelte';
import { readSavedViews, type SavedView } from '../core/saved-view';

/** Bump when the record's shape changes, and teach readPlanSnapshot to upgrade the old one. */
export const PLAN_SNAPSHOT_VERSION = 1;

/** What a plan is, as far as saving goes. PlanStore has this shape, so a store can be passed as is. */
export interface PlanState {
  title: string;
  layers: PlanLayers;
  undoStack: HistoryEntry[];
  redoStack: HistoryEntry[];
}

export interface PlanSnapshot extends PlanState {
  version: typeof PLAN_SNAPSHOT_VERSION;
  /** When the snapshot was taken (ms since epoch). */
  savedAt: number;
  /**
   * Every scenario, in order; the one at `active` is the plan above (its entry has no state), the
   * others hold their own layers and history. Absent in a plan saved before scenarios: one scenario.
   */
  scenarios?: { active: number; list: ScenarioEntry[] };
  /** The presenter's saved views; absent before they existed. */
  views?: SavedView[];
}

/**
 * Takes a snapshot without copying anything. That is safe because layers, history entries and
 * the stacks themselves are immutable (replaced on every change, never mutated), and it keeps the
 * snapshot cheap enough to take after every edit. Structured clone (IndexedDB, postMessage) keeps
 * shared references shared within one value, so a HouseholdSet or a unit referenced by both the
 * layers and a history entry is written once.
 */
export function takePlanSnapshot(plan: PlanState, savedAt: number = Date.now()): PlanSnapshot {
  return {
    version: PLAN_SNAPSHOT_VERSION,
    savedAt,
    title: plan.title,
    layers: plan.layers,
    undoStack: plan.undoStack,
    redoStack: plan.redoStack,
  };
}

/** The snapshot of every scenario: the active one as the plan, the others beside it. */
export function takeScenariosSnapshot(
  store: ScenarioStore,
  savedAt: number = Date.now(),
  views?: SavedView[],
): PlanSnapshot {
  const active = store.active;
  const list: ScenarioEntry[] = store.list.map((s) =>
    s === active
      ? { id: s.id, name: s.name }
      : {
          id: s.id,
          name: s.name,
          state: {
            title: s.plan.title,
            layers: {
              communities: s.plan.layers.communities,
              grids: s.plan.layers.grids,
              facilities: s.plan.layers.facilities,
            },
            undoStack: s.plan.undoStack,
            redoStack: s.plan.redoStack,
          },
        },
  );
  return {
    ...takePlanSnapshot(active.plan, savedAt),
    scenarios: { active: store.list.indexOf(active), list },
    ...(views ? { views } : {}),
  };
}

// ---- Reading back: anything storage returns is untrusted (another app version, a broken write).

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isArrayOf = (v: unknown, check: Check): boolean => Array.isArray(v) && v.every(check);

function isUnit(v: unknown): boolean {
  if (!isObject(v)) return false;
  const g = v.geometry;
  return (
    typeof v.id === 'string' &&
    typeof v.kind === 'string' &&
    typeof v.name === 'string' &&
    isObject(v.properties) &&
    isObject(g) &&
    (g.type === 'Polygon' || g.type === 'MultiPolygon') &&
    Array.isArray(g.coordinates)
  );
}

function isFacility(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.category === 'string' &&
    typeof v.lon === 'number' &&
    typeof v.lat === 'number' &&
    isObject(v.properties)
  );
}

function isHouseholdSet(v: unknown): boolean {
  if (!isObject(v) || !(v.coordinates instanceof Float64Array) || !(v.households instanceof Float64Array)) return false;
  const n = v.households.length;
  return (
    v.coordinates.length === 2 * n &&
    (v.names === null || (Array.isArray(v.names) && v.names.length === n)) &&
    (v.properties === null || (Array.isArray(v.properties) && v.properties.length === n))
  );
}

const isRoads: Check = (v) =>
  v === null || (isObject(v) && v.type === 'FeatureCollection' && Array.isArray(v.features));

// Typed as a record over every layer name so that adding a layer to PlanLayers fails to compile
// here until someone decides how it is checked (and whether it is bulky, below).
const LAYER_CHECKS: Record<keyof PlanLayers, Check> = {
  communities: (v) => isArrayOf(v, isUnit),
  grids: (v) => isArrayOf(v, isUnit),
  households: isHouseholdSet,
  facilities: (v) => isArrayOf(v, isFacility),
  roads: isRoads,
  blocks: (v) => isArrayOf(v, isUnit),
  // Added after version 1 was written: a plan saved before has neither, which reads as none.
  water: (v) => v === undefined || isRoads(v),
  credits: (v) =>
    v === undefined ||
    (isObject(v) && Object.values(v).every((c) => isObject(c) && typeof c.zh === 'string' && typeof c.en === 'string')),
};
const LAYER_NAMES = Object.keys(LAYER_CHECKS) as (keyof PlanLayers)[];
// Facility puts and deletes came after version 1 was written: a plan saved before has none, so it
// reads as it did; a plan saved now is one an older app refuses (and opens the demo instead).
const ITEM_LAYERS: Record<ItemLayer, true> = { communities: true, grids: true, facilities: true };

const isLayerName = (v: unknown): v is keyof PlanLayers => typeof v === 'string' && Object.hasOwn(LAYER_CHECKS, v);
const isItemLayer = (v: unknown): v is ItemLayer => typeof v === 'string' && Object.hasOwn(ITEM_LAYERS, v);

function isChange(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.kind) {
    case 'put':
      return (
        (v.layer === 'facilities'
          ? isFacility(v.facility)
          : v.layer !== 'facilities' && isItemLayer(v.layer) && isUnit(v.unit)) &&
        (v.index === undefined || (Number.isInteger(v.index) && (v.index as number) >= 0))
      );
    case 'delete':
      return isItemLayer(v.layer) && typeof v.id === 'string';
    case 'replace':
      return isLayerName(v.layer) && LAYER_CHECKS[v.layer](v.value);
    default:
      return false;
  }
}

const isLabel: Check = (v) =>
  typeof v === 'string' || (isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string');

const isTransaction: Check = (v) => isObject(v) && isLabel(v.label) && isArrayOf(v.changes, isChange);

const isTitleChange: Check = (v) =>
  v === undefined || (isObject(v) && typeof v.before === 'string' && typeof v.after === 'string');

const isHistoryEntry: Check = (v) =>
  isObject(v) &&
  isLabel(v.label) &&
  Number.isFinite(v.time) &&
  isTransaction(v.forward) &&
  isTransaction(v.inverse) &&
  isTitleChange(v.title);

function isScenarioEntry(v: unknown): boolean {
  if (!isObject(v) || typeof v.id !== 'string' || !isLabel(v.name)) return false;
  const state = v.state;
  if (state === undefined) return true;
  if (!isObject(state) || typeof state.title !== 'string' || !isObject(state.layers)) return false;
  const layers = state.layers;
  return (
    LAYER_CHECKS.communities(layers.communities) &&
    LAYER_CHECKS.grids(layers.grids) &&
    LAYER_CHECKS.facilities(layers.facilities) &&
    (state.undoStack === undefined || isArrayOf(state.undoStack, isHistoryEntry)) &&
    (state.redoStack === undefined || isArrayOf(state.redoStack, isHistoryEntry))
  );
}

const isScenarios: Check = (v) =>
  v === undefined ||
  (isObject(v) &&
    Array.isArray(v.list) &&
    v.list.length > 0 &&
    Number.isInteger(v.active) &&
    (v.active as number) >= 0 &&
    (v.active as number) < v.list.length &&
    v.list.every(isScenarioEntry));

/**
 * The record, if `value` is a complete plan snapshot of this version; null otherwise (older or
 * newer version, missing layer, broken history entry…). Never throws: a bad saved plan must not
 * stop the app from starting.
 */
export function readPlanSnapshot(value: unknown): PlanSnapshot | null {
  try {
    if (!isObject(value) || value.version !== PLAN_SNAPSHOT_VERSION) return null;
    if (typeof value.title !== 'string' || !Number.isFinite(value.savedAt)) return null;
    const layers = value.layers;
    if (!isObject(layers) || !LAYER_NAMES.every((name) => LAYER_CHECKS[name](layers[name]))) return null;
    if (!isArrayOf(value.undoStack, isHistoryEntry) || !isArrayOf(value.redoStack, isHistoryEntry)) return null;
    if (!isScenarios(value.scenarios)) return null;
    if (value.views !== undefined && !readSavedViews(value.views)) return null;
    return value as unknown as PlanSnapshot;
  } catch {
    // A getter or a proxy in a hand-made value could throw; that is still just "not a snapshot".
    return null;
  }
}

// ---- Splitting: the bulky layers are stored as parts of their own.

/**
 * Layers that are large and only ever replaced whole (by an import), so storing them apart means
 * an ordinary edit rewrites the head record only: the demo's roads, blocks and households are 2.7 MB of
 * the 4.3 MB its layers serialise to, and a city's household set can be tens of MB.
 */
const BULKY_LAYERS: Record<keyof PlanLayers, boolean> = {
  communities: false,
  grids: false,
  households: true,
  facilities: false,
  roads: true,
  blocks: true,
  water: false,
  credits: false,
};

/** Stands in the head record for a bulky value stored under its own key. */
export interface PartRef {
  $part: string;
}

const isPartRef = (v: unknown): v is PartRef => isObject(v) && typeof v.$part === 'string';

export interface SplitSnapshot {
  /** The snapshot with every bulky value (in the layers and in history) replaced by a PartRef. */
  head: object;
  /** The bulky values by key: one entry per distinct object, however often it is referenced. */
  parts: Map<string, object>;
}

// The walk shared by split and join: replaces bulky values in the layers and in history's
// replace-changes, building new objects (never mutating the input, which may be the live plan).
interface LooseChange {
  kind: unknown;
  layer: unknown;
  value?: unknown;
}
interface LooseTransaction {
  changes: LooseChange[];
}
interface LooseEntry {
  forward: LooseTransaction;
  inverse: LooseTransaction;
}
interface LooseSnapshot {
  layers: Record<string, unknown>;
  undoStack: LooseEntry[];
  redoStack: LooseEntry[];
  scenarios?: { list: { state?: { undoStack?: LooseEntry[]; redoStack?: LooseEntry[] } }[] };
}

const isBulkyChange = (c: LooseChange): boolean =>
  c.kind === 'replace' && isLayerName(c.layer) && BULKY_LAYERS[c.layer];

function mapBulky(snapshot: LooseSnapshot, map: (value: unknown) => unknown): Record<string, unknown> {
  const layers: Record<string, unknown> = { ...snapshot.layers };
  for (const name of LAYER_NAMES) if (BULKY_LAYERS[name]) layers[name] = map(layers[name]);
  const mapTransaction = <T extends LooseTransaction>(tx: T): T =>
    tx.changes.some(isBulkyChange)
      ? { ...tx, changes: tx.changes.map((c) => (isBulkyChange(c) ? { ...c, value: map(c.value) } : c)) }
      : tx;
  const mapEntry = <T extends LooseEntry>(entry: T): T => {
    const forward = mapTransaction(entry.forward);
    const inverse = mapTransaction(entry.inverse);
    return forward === entry.forward && inverse === entry.inverse ? entry : { ...entry, forward, inverse };
  };
  // The other scenarios' layers are their own (small); their histories can hold bulky replaces.
  const scenarios = snapshot.scenarios && {
    ...snapshot.scenarios,
    list: snapshot.scenarios.list.map((entry) =>
      entry.state
        ? {
            ...entry,
            state: {
              ...entry.state,
              ...(entry.state.undoStack ? { undoStack: entry.state.undoStack.map(mapEntry) } : {}),
              ...(entry.state.redoStack ? { redoStack: entry.state.redoStack.map(mapEntry) } : {}),
            },
          }
        : entry,
    ),
  };
  return {
    ...snapshot,
    layers,
    undoStack: snapshot.undoStack.map(mapEntry),
    redoStack: snapshot.redoStack.map(mapEntry),
    ...(scenarios ? { scenarios } : {}),
  };
}

/**
 * Splits a snapshot into a head and its bulky parts. `keyOf` names each bulky object; a store that
 * keeps the same key for the same object (they are immutable) can skip parts it already holds.
 * Null values (no roads) stay in the head.
 */
export function splitPlanSnapshot(snapshot: PlanSnapshot, keyOf: (value: object) => string): SplitSnapshot {
  const parts = new Map<string, object>();
  // PlanSnapshot is a LooseSnapshot; the cast only drops the precise layer types the walk ignores.
  const head = mapBulky(snapshot as unknown as LooseSnapshot, (value) => {
    if (!isObject(value)) return value;
    const key = keyOf(value);
    parts.set(key, value);
    const ref: PartRef = { $part: key };
    return ref;
  });
  return { head, parts };
}

function isLooseSnapshot(v: unknown): v is LooseSnapshot {
  const isLooseTransaction: Check = (tx) => isObject(tx) && isArrayOf(tx.changes, isObject);
  const isLooseEntry: Check = (e) => isObject(e) && isLooseTransaction(e.forward) && isLooseTransaction(e.inverse);
  const isLooseStack: Check = (stack) => stack === undefined || isArrayOf(stack, isLooseEntry);
  const isLooseScenario: Check = (entry) =>
    isObject(entry) &&
    (entry.state === undefined ||
      (isObject(entry.state) && isLooseStack(entry.state.undoStack) && isLooseStack(entry.state.redoStack)));
  return (
    isObject(v) &&
    isObject(v.layers) &&
    isArrayOf(v.undoStack, isLooseEntry) &&
    isArrayOf(v.redoStack, isLooseEntry) &&
    (v.scenarios === undefined || (isObject(v.scenarios) && isArrayOf(v.scenarios.list, isLooseScenario)))
  );
}

/**
 * Puts a split snapshot back together: each PartRef becomes its part, the same object wherever
 * the same key appears, so sharing survives the round trip. Returns null when the head is not a
 * split snapshot or a part is missing; the result still needs readPlanSnapshot.
 */
export function joinPlanSnapshot(head: unknown, parts: ReadonlyMap<string, unknown>): unknown {
  if (!isLooseSnapshot(head)) return null;
  let missing = false;
  const joined = mapBulky(head, (value) => {
    if (value === null) return null;
    if (!isPartRef(value) || !parts.has(value.$part)) {
      missing = true;
      return null;
    }
    return parts.get(value.$part);
  });
  return missing ? null : joined;
}
