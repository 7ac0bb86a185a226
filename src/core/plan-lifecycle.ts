// The plan's life as transactions: starting a new plan, opening the demo or a saved plan, putting
// an imported layer in place and removing a layer are all one transaction each, so they can be
// undone like any edit and autosave needs nothing special for them. Credits travel with the
// layer they belong to: replacing or removing a layer replaces or removes its credit.
import { msg } from './i18n';
import type { Message } from './model';
import type { Change, CreditedLayer, Label, PlanCredits, PlanLayers, Transaction } from './transaction';

/** Every key of PlanLayers, in the order changes are written. */
export const PLAN_LAYER_KEYS = [
  'households',
  'communities',
  'grids',
  'facilities',
  'roads',
  'blocks',
  'water',
  'credits',
] as const satisfies readonly (keyof PlanLayers)[];

/** Layers a person can import into or remove. */
export type DataLayer = Exclude<CreditedLayer, 'water'>;
export const DATA_LAYERS: readonly DataLayer[] = [
  'households',
  'communities',
  'grids',
  'facilities',
  'roads',
  'blocks',
];
export const CREDITED_LAYERS: readonly CreditedLayer[] = [...DATA_LAYERS, 'water'];

export const EMPTY_HOUSEHOLDS: PlanLayers['households'] = {
  coordinates: new Float64Array(0),
  households: new Float64Array(0),
  names: null,
  properties: null,
};

export const EMPTY_LAYERS: PlanLayers = {
  communities: [],
  grids: [],
  households: EMPTY_HOUSEHOLDS,
  facilities: [],
  roads: null,
  blocks: [],
  water: null,
  credits: {},
};

/** The credit OpenStreetMap's licence asks for wherever its data is drawn. */
export const OSM_CREDIT: Message = msg('credit.osm');

function replace<K extends keyof PlanLayers>(layer: K, value: PlanLayers[K]): Change {
  // The Change union pairs each layer with its value type; TypeScript cannot follow K through it.
  return { kind: 'replace', layer, value } as Change;
}

/** Replaces the whole plan (new, demo, open): every layer that differs, in one transaction. */
export function replacePlan(current: PlanLayers, next: PlanLayers, label: Label): Transaction {
  const changes: Change[] = [];
  for (const key of PLAN_LAYER_KEYS) {
    const value = next[key] ?? EMPTY_LAYERS[key];
    if (current[key] !== value) changes.push(replace(key, value));
  }
  return { label, changes };
}

function withCredit(credits: PlanCredits | undefined, layer: CreditedLayer, credit: Message | null): PlanCredits {
  const out: PlanCredits = { ...credits };
  if (credit) out[layer] = credit;
  else delete out[layer];
  return out;
}

/** True when the layer holds nothing (so there is nothing to remove). */
export function isLayerEmpty(layers: PlanLayers, layer: DataLayer): boolean {
  if (layer === 'households') return layers.households.households.length === 0;
  if (layer === 'roads') return !layers.roads || layers.roads.features.length === 0;
  return layers[layer].length === 0;
}

/** Empties one layer and drops its credit. */
export function removeLayer(layers: PlanLayers, layer: DataLayer, label: Label): Transaction {
  const changes: Change[] = [replace(layer, EMPTY_LAYERS[layer])];
  if (layers.credits?.[layer]) changes.push(replace('credits', withCredit(layers.credits, layer, null)));
  return { label, changes };
}

/** What an import puts in place: one layer's new value and who to credit for it (null: the user's own data). */
export type LayerReplacement =
  | { layer: 'households'; value: PlanLayers['households'] }
  | { layer: 'communities' | 'grids' | 'blocks'; value: PlanLayers['communities'] }
  | { layer: 'facilities'; value: PlanLayers['facilities'] }
  | { layer: 'roads'; value: PlanLayers['roads'] };

export function replaceLayers(
  layers: PlanLayers,
  replacements: readonly LayerReplacement[],
  credit: Message | null,
  label: Label,
): Transaction {
  const changes: Change[] = replacements.map((r) => replace(r.layer, r.value));
  let credits = layers.credits;
  for (const r of replacements) credits = withCredit(credits, r.layer, credit);
  if (credits !== layers.credits && JSON.stringify(credits ?? {}) !== JSON.stringify(layers.credits ?? {}))
    changes.push(replace('credits', credits));
  return { label, changes };
}

/** The credits to show: those of layers that hold data and are drawn, each once. */
export function visibleCredits(
  layers: PlanLayers,
  shown: (layer: CreditedLayer) => boolean,
  language: 'zh' | 'en',
): string[] {
  const out = new Set<string>();
  for (const [layer, credit] of Object.entries(layers.credits ?? {}) as [CreditedLayer, Message][]) {
    const hasData = layer === 'water' ? (layers.water?.features.length ?? 0) > 0 : !isLayerEmpty(layers, layer);
    if (hasData && shown(layer)) out.add(credit[language]);
  }
  return [...out];
}
